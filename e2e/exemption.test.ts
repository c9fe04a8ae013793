/**
 * Exemption periods in Chromium (issue 13): a woman enrolled three months ago without a
 * conversation has a critical conversation alert; the caseworker adds a maternity-leave
 * exemption (the form filled with the keyboard alone, a bad date first), the alert pauses and
 * her page and Mine borgere say "Fritaget til …"; deleting the period brings the alert back.
 * axe checks every page, including the form with errors.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, caseworkerEnrols, expectNoAxeViolations, follow, useServerAndBrowser, WAIT_MS } from './browser.ts';
import { tabUntil } from './keyboard.ts';
import { makeCpr } from '../src/core/cpr.ts';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { addDays } from '../src/core/dates.ts';

const tabTo = (page: Page, re: RegExp) => tabUntil(page, re);

const today = todayInDenmark();
const da = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

describe.runIf(browserAvailable())('exemption periods in Chromium', () => {
  const env = useServerAndBrowser({ municipality: true });

  const alertCodes = async (page: Page) =>
    page.locator('[data-testid="alerts"] [data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));

  it('adds a maternity leave with the keyboard, sees the conversation alert pause, and back after deleting it', async () => {
    const nadia = { cpr: makeCpr('1987-06-21', 'K', 3301), firstName: 'Nadia', lastName: 'Barselsen', country: 'AF' };
    const { page, herPage } = await caseworkerEnrols(env, nadia, 90);
    expect(await alertCodes(page)).toContain('samtale_frist');

    await follow(page, () => page.getByRole('link', { name: 'Ny fritagelse' }).click());
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Ny fritagelse');
    await expectNoAxeViolations(page);
    // Keyboard only from here: the kind, a start date that does not exist, then a real one.
    await tabTo(page, /^INPUT\|Barsel\|Årsag/);
    await page.keyboard.press('Space');
    await tabTo(page, /^INPUT\|Fra og med/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('31-02-2025');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#f-startDate-error').textContent(), { timeout: WAIT_MS })
      .toContain('31. februar 2025 findes ikke');
    await expectNoAxeViolations(page);
    await tabTo(page, /^INPUT\|Fra og med/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(da(addDays(today, -5)));
    await tabTo(page, /^INPUT\|Til og med/);
    await page.keyboard.type(da(addDays(today, 30)));
    await page.keyboard.press('Enter');
    // She lands on Fritagelser with the notice; the overview (one key press away in the menu) says she is exempt.
    await page.waitForURL((u) => u.href.split('?')[0] === `${herPage}/fritagelser`, { timeout: WAIT_MS });
    await expect.poll(() => page.getByTestId('saved-notice').textContent()).toContain('Fritagelsen er gemt.');
    await expect.poll(() => page.getByTestId('exemptions').textContent()).toContain('Barsel');
    await expectNoAxeViolations(page);
    await tabTo(page, /^A\|\|\|Overblik$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(herPage, { timeout: WAIT_MS });
    await expect.poll(() => page.locator('main [data-testid="exempt-note"]').first().textContent()).toContain('Fritaget til');
    await expect.poll(() => page.locator('[data-testid="alerts"], [data-testid="no-alerts"]').count()).toBe(1);
    expect(await alertCodes(page)).not.toContain('samtale_frist');
    await page.goto(`${herPage}/tidslinje`);
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('Fritaget (barsel)');
    await expectNoAxeViolations(page);

    await page.goto(`${env.server.url}/mine-borgere`);
    const row = page.locator('tbody tr', { hasText: 'Nadia Barselsen' });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.getByTestId('exempt-note').textContent()).toContain('Fritaget til');
    expect(await row.locator('[data-code="samtale_frist"]').count()).toBe(0);
    await expectNoAxeViolations(page);

    await page.goto(`${herPage}/fritagelser`);
    await follow(page, () => page.getByTestId('exemptions').getByRole('link', { name: /Slet/ }).click());
    await expectNoAxeViolations(page);
    await follow(page, () => page.getByRole('button', { name: 'Ja, slet' }).click());
    await page.waitForURL((u) => u.href.split('?')[0] === `${herPage}/fritagelser`, { timeout: WAIT_MS });
    await page.goto(herPage);
    expect(await alertCodes(page)).toContain('samtale_frist');
    await page.close();
  });
});
