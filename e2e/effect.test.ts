/**
 * The "Effekt" pages in Chromium: the analyst finds the page, imports a comparison pool (a bad
 * file gives a Danish error and saves nothing), corrects a mistyped CPR number on the erasure
 * form with her typed value kept, and reads the national effect with balance and caveats; a
 * project leader reads her project's effect. Axe on every page.
 */
import { describe, expect, it } from 'vitest';
import { seedDemoPool } from '../test/helpers/effect-pool.ts';
import { browserAvailable, expectNoAxeViolations, follow, signedInPage, useServerAndBrowser, useUploadFiles } from './browser.ts';

describe.runIf(browserAvailable())('effect pages in Chromium', () => {
  const env = useServerAndBrowser();
  const writeFile = useUploadFiles();

  it('lets the analyst import a pool, with a Danish error for a bad file and for a mistyped CPR number', async () => {
    const page = await signedInPage(env, 'analytiker.siri');
    await follow(page, () => page.getByRole('link', { name: 'Effekt' }).click());
    expect(await page.locator('h1').textContent()).toContain('Effekt mod en matchet sammenligningsgruppe');
    await expectNoAxeViolations(page);
    await follow(page, () => page.getByRole('link', { name: 'Sammenligningspuljen' }).first().click());
    await expectNoAxeViolations(page);

    /** Upload a pool file `name` holding `text` through the import form. */
    const importPool = async (name: string, text: string) => {
      await page.getByLabel('CSV-fil med puljen').setInputFiles(writeFile(name, text));
      await follow(page, () => page.getByRole('button', { name: 'Indlæs pulje' }).click());
    };
    await importPool('pulje-fejl.csv', 'cpr;kommune\n0101854002;Aalborg\n0101854002;Aarhus\n');
    expect(await page.getByRole('alert').textContent()).toContain('pulje-fejl.csv, linje 3');
    expect(await page.getByTestId('pool-size').textContent()).toContain('0');
    await expectNoAxeViolations(page);

    await importPool('pulje.csv', 'cpr;kommune;oprindelsesland\n0101854002;Aalborg;Syrien\n0202864002;Aarhus;\n');
    expect(await page.getByRole('status').textContent()).toContain('2 kvinder');
    expect(await page.getByTestId('pool-imports').textContent()).toContain('pulje.csv');

    /** Ask to erase CPR number `cpr` from the pool through the erasure form. */
    const eraseFromPool = async (cpr: string) => {
      await page.getByLabel('CPR-nummer').fill(cpr);
      await follow(page, () => page.getByRole('button', { name: 'Slet fra puljen' }).click());
    };
    await eraseFromPool('0101-85');
    expect(await page.locator('#cpr-error').textContent()).toContain('CPR');
    expect(await page.getByLabel('CPR-nummer').inputValue()).toBe('0101-85');
    await expectNoAxeViolations(page);
    await eraseFromPool('010185-4002');
    expect(await page.getByRole('status').textContent()).toContain('slettet fra puljen');
    expect(await page.getByTestId('pool-size').textContent()).toContain('1');
    await page.close();
  });

  it('shows the national effect at 6, 12 and 24 months with balance and caveats; a project leader sees her project', async () => {
    await env.server.t.db.query('DELETE FROM comparison_pool');
    await seedDemoPool(env.server.t.db);
    const page = await signedInPage(env, 'analytiker.siri');
    await page.goto(`${env.server.url}/effekt`);
    for (const h of [6, 12, 24]) expect(await page.getByRole('heading', { name: `Efter ${h} måneder` }).count()).toBe(1);
    expect(await page.getByTestId('outcomes-12').locator('tbody tr').count()).toBe(5);
    expect(await page.getByTestId('balance-12').locator('tbody tr').count()).toBe(3);
    expect(await page.getByRole('complementary', { name: 'Forbehold ved 12 måneder' }).textContent()).toContain('Registrene viser ikke');
    await expectNoAxeViolations(page);
    await page.close();

    const leader = await signedInPage(env, 'projektleder.aalborg');
    await follow(leader, () => leader.getByRole('link', { name: 'Effekt' }).click());
    expect(await leader.getByTestId('effect-meta').textContent()).toContain('Projektet');
    expect(await leader.getByRole('heading', { name: 'Efter 12 måneder' }).count()).toBe(1);
    await expectNoAxeViolations(leader);
    await leader.close();
  });
});
