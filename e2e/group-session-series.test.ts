/**
 * Editing a repeating group session in Chromium (issue 14, session fixes), keyboard only: "Ret
 * mødet eller hele serien", the scope choice (kun dette møde / hele serien) with the arrow keys,
 * the new place on every session of the series. Axe on the edit form under the real CSP.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, follow, signedInPage, useServerAndBrowser } from './browser.ts';
import { enter, tabUntil } from './keyboard.ts';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { addDays } from '../src/core/dates.ts';

const tabTo = (page: Page, re: RegExp) => tabUntil(page, re, { format: 'short' });
const da = (iso: string) => `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}`;

describe.runIf(browserAvailable())('group session series in Chromium', () => {
  const env = useServerAndBrowser({ municipality: true });

  it('changes the place of a whole series with the keyboard alone', async () => {
    const page = await signedInPage(env, env.m.caseworker.username);
    // A series of three, set up with the mouse.
    const first = addDays(todayInDenmark(), 7);
    await page.goto(`${env.server.url}/grupper/ny`);
    await page.getByLabel('Slags møde').selectOption('faellesmoede');
    await page.getByLabel('Titel').fill('Serietastatur');
    await page.getByLabel('Dato (første møde, hvis det gentages)').fill(da(first));
    await page.getByLabel('Starttidspunkt').fill('13');
    await page.getByLabel('Sluttidspunkt').fill('15');
    await page.getByLabel('Sted').fill('Jobcentret');
    await page.locator('select[name=repeatWeeks]').selectOption('4');
    await page.getByLabel('Gentag til og med').fill(da(addDays(first, 8 * 7)));
    await follow(page, () => page.getByRole('button', { name: 'Gem' }).click());
    await page.waitForURL(/\/grupper\/[0-9a-f-]{36}\?gemt=serie/);

    // Keyboard only from here.
    await tabTo(page, /^A\|\|Ret mødet eller hele serien/);
    await enter(page, /\/ret$/);
    await expectNoAxeViolations(page);
    await tabTo(page, /^INPUT\|Sted/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Medborgerhuset');
    await tabTo(page, /^INPUT\|Kun dette møde/);
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name=scope]:checked').getAttribute('value')).toBe('hele_serien');
    await tabTo(page, /^BUTTON\|\|Gem/);
    await enter(page, /gemt=serie-rettet/);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Ændringerne er gemt for hele serien');
    await expectNoAxeViolations(page);
    const places = (
      await env.server.t.db.query<{ place: string }>(`SELECT place FROM group_session WHERE title = 'Serietastatur' ORDER BY held_on`)
    ).rows.map((r) => r.place);
    expect(places).toEqual(['Medborgerhuset', 'Medborgerhuset', 'Medborgerhuset']);
  });
});
