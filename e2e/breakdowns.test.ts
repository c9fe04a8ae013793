/**
 * Issue 13 build 4 in Chromium: the tables of results and case measures by Flere skal med group,
 * recruitment channel, origin, exit reason and municipality × visitation on Styring and on the
 * national view — each a labelled, keyboard-reachable region, axe clean on both pages.
 */
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectNoAxeViolations, follow, signedInPage, useServerAndBrowser } from './browser.ts';

const IDS = ['flere_skal_med', 'kanal', 'oprindelse', 'udskrivning', 'kommune_visitation'];

describe.runIf(browserAvailable())('breakdowns in Chromium', () => {
  const env = useServerAndBrowser();

  it('shows the breakdowns on Styring for a project of two municipalities, axe clean, each table reachable by keyboard', async () => {
    const page = await signedInPage(env, 'projektleder.ishoej-vallensbaek');
    await follow(page, () => page.getByRole('link', { name: 'Styring', exact: true }).click());
    await page.waitForURL(/\/styring/);
    expect(await page.getByRole('heading', { level: 2, name: 'Resultater og indsats efter baggrund' }).count()).toBe(1);
    for (const id of IDS) expect(await page.getByTestId(`tabel-opdeling-${id}`).count(), id).toBe(1);
    const kv = page.getByTestId('tabel-opdeling-kommune_visitation');
    const heads = await kv.locator('tbody th[scope="row"]').allTextContents();
    expect(heads).toContain('Ishøj i alt');
    expect(heads).toContain('Vallensbæk: Aktivitetsparat');
    expect(heads[heads.length - 1]).toBe('I alt');
    expect(await page.getByText('kvindens kategori ved indskrivningen, som i SIRI', { exact: false }).count()).toBeGreaterThanOrEqual(1);
    // The scrollable table region takes focus from the keyboard and is named by its caption.
    const region = page.getByRole('region', { name: 'Resultater og indsats efter rekrutteringskanal' });
    await region.focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Resultater og indsats efter rekrutteringskanal',
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Resultater og indsats efter oprindelsesland (Danmarks Statistiks gruppering)',
    );
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('shows the suppressed breakdowns on the national view, axe clean', async () => {
    const page = await signedInPage(env, 'analytiker.siri');
    await page.goto(`${env.server.url}/nationalt?maaned=2022-12&varig=2023-02&status=2023-02`);
    for (const id of IDS.slice(0, 4)) expect(await page.getByTestId(`tabel-opdeling-${id}`).count(), id).toBe(1);
    // Not by municipality × visitation nationally (a project's own reports publish those rows); suppression is tested in test/steering-breakdowns.test.ts.
    expect(await page.getByTestId('tabel-opdeling-kommune_visitation').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Resultater og indsats efter udskrivningsårsag' }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.close();
  });
});
