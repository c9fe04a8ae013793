/**
 * Effect and money in Chromium (issue 12), axe on every page: the project leader finds Økonomi
 * under Styring, enters a budget line (a mistyped year gives a Danish error beside the field with
 * her typed values kept) and sees it on Styring; the administrator reads the rates with their
 * sources and adds one; the Effekt page shows the investment case beside its caveats.
 */
import { describe, expect, it } from 'vitest';
import { seedDemoPool } from '../test/helpers/effect-pool.ts';
import { browserAvailable, expectNoAxeViolations, follow, signedInPage, submitRefused, useServerAndBrowser } from './browser.ts';

describe.runIf(browserAvailable())('effect and money pages in Chromium', () => {
  const env = useServerAndBrowser();

  it('lets the project leader enter budget and spending and see them on Styring', async () => {
    const page = await signedInPage(env, 'projektleder.aalborg');
    await follow(page, () => page.getByRole('link', { name: 'Styring' }).first().click());
    await follow(page, () => page.getByRole('navigation', { name: 'Styring' }).getByRole('link', { name: 'Økonomi' }).click());
    expect(await page.locator('h1').textContent()).toContain('Økonomi');
    await expectNoAxeViolations(page);

    await page.getByLabel('Hvad er beløbet?').selectOption('budget');
    await page.getByLabel('Budgetlinje').fill('Løn til projektmedarbejdere');
    await page.getByLabel('År', { exact: true }).fill('21');
    await page.getByLabel('Beløb i kroner').fill('850.000');
    await follow(page, () => page.getByRole('button', { name: 'Gem beløb' }).click());
    expect(await page.locator('#f-year-error').textContent()).toContain('fire cifre');
    expect(await page.getByLabel('Beløb i kroner').inputValue()).toBe('850.000');
    await expectNoAxeViolations(page);

    await page.getByLabel('År', { exact: true }).fill('2021');
    await follow(page, () => page.getByRole('button', { name: 'Gem beløb' }).click());
    expect(await page.getByRole('status').textContent()).toContain('Beløbet er gemt');
    expect(await page.getByTestId('money-lines').textContent()).toContain('850.000 kr.');
    expect(await page.getByTestId('money-history').textContent()).toContain('Løn til projektmedarbejdere, 2021');
    await expectNoAxeViolations(page);

    await follow(page, () => page.getByRole('navigation', { name: 'Styring' }).getByRole('link', { name: 'Overblik' }).click());
    expect(await page.getByTestId('money-section').textContent()).toContain('budget i alt: 850.000 kr.');
    await page.close();
  });

  it('lets the administrator read the rates with their sources and add one', async () => {
    const page = await signedInPage(env, 'admin');
    await follow(page, () => page.getByRole('link', { name: 'Satser' }).first().click());
    expect(await page.getByTestId('rates').textContent()).toContain('Beskæftigelsesministeriet, Satser for 2023');
    await expectNoAxeViolations(page);
    await page.getByLabel('Forsørgelse').selectOption('fleksjob');
    await page.getByLabel('År').fill('2022');
    await page.getByLabel('Sats pr. uge i kroner').fill('2.600');
    await submitRefused(page, 'Gem sats', { source: 'Skriv, hvor satsen kommer fra' });
    await page.getByLabel('Kilde').fill('Testkilde');
    await follow(page, () => page.getByRole('button', { name: 'Gem sats' }).click());
    expect(await page.getByRole('status').textContent()).toContain('Satsen er gemt');
    expect(await page.getByTestId('rates').textContent()).toContain('Testkilde');
    await page.close();
  });

  it('shows the investment case on the Effekt page beside its caveats', async () => {
    await seedDemoPool(env.server.t.db);
    const page = await signedInPage(env, 'projektleder.aalborg');
    await follow(page, () => page.getByRole('link', { name: 'Effekt' }).click());
    expect(await page.getByRole('heading', { name: 'Investeringscase: hvad effekten er værd i kroner' }).count()).toBe(1);
    expect(await page.getByTestId('investment-cost').textContent()).toContain('850.000 kr.');
    expect(await page.getByRole('complementary', { name: 'Forbehold ved investeringscasen' }).textContent()).toContain('standardsatser');
    await expectNoAxeViolations(page);
    await page.close();
  });
});
