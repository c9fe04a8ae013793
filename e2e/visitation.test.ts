/**
 * Changing her visitation in Chromium with the keyboard alone (issue 13, build 2): a woman enrolled
 * as aktivitetsparat; from her page the caseworker opens "Ændr visitation", first saves the
 * category she already has (refused in Danish, beside the field and in the error summary), then
 * changes her to jobparat with a reason. Her page says "Jobparat siden …" and keeps the category
 * at enrolment; her timeline shows the change. axe on every page, including the form with errors.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, caseworkerEnrols, expectNoAxeViolations, settled, useServerAndBrowser, WAIT_MS } from './browser.ts';
import { tabUntil } from './keyboard.ts';
import { makeCpr } from '../src/core/cpr.ts';

const tabTo = (page: Page, re: RegExp) => tabUntil(page, re);

async function pressAndWait(page: Page, key: string, url: (u: URL) => boolean) {
  await Promise.all([page.waitForURL(url, { timeout: WAIT_MS * 2 }), page.keyboard.press(key)]);
  await settled(page);
}

describe.runIf(browserAvailable())('changing visitation in Chromium (keyboard only)', () => {
  const env = useServerAndBrowser({ municipality: true });

  it('refuses the category she already has, then changes her to jobparat with a reason, shown on her page and timeline', async () => {
    // Setup (not the flow under test): a woman enrolled as aktivitetsparat two months ago.
    const hawa = { cpr: makeCpr('1984-03-09', 'K', 4417), firstName: 'Hawa', lastName: 'Opvisitersen', country: 'SO' };
    const { page, herPage } = await caseworkerEnrols(env, hawa, 60);
    const herPath = new URL(herPage).pathname;

    // Keyboard only from here.
    await tabTo(page, /^A\|\|\|Ændr visitation$/);
    await pressAndWait(page, 'Enter', (u) => u.pathname === `${herPath}/visitation`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Ændr visitation');
    expect(await page.locator('main').textContent()).toContain('Hun er nu visiteret som Aktivitetsparat');
    await expectNoAxeViolations(page);

    // The category she already has: refused, said beside the field and in the error summary.
    await tabTo(page, /^INPUT\|Aktivitetsparat\|Ny visitation\|$/);
    await page.keyboard.press('Space');
    await tabTo(page, /^BUTTON\|\|\|Gem visitation$/);
    await pressAndWait(page, 'Enter', (u) => u.pathname === `${herPath}/visitation`);
    await expect.poll(() => page.locator('#fejlopsummering').textContent()).toContain('Hun har allerede den visitation på datoen.');
    await expectNoAxeViolations(page);

    // Jobparat (the next radio button), with a reason.
    await tabTo(page, /^INPUT\|Aktivitetsparat\|Ny visitation\|$/);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /^TEXTAREA\|Begrundelse/);
    await page.keyboard.type('Klar til job efter praktikken');
    await tabTo(page, /^BUTTON\|\|\|Gem visitation$/);
    await pressAndWait(page, 'Enter', (u) => u.href.split('?')[0] === herPage && u.search.includes('gemt=visitation'));
    await expect.poll(() => page.locator('main').textContent()).toContain('Jobparat siden');
    expect(await page.locator('main').textContent()).toContain('(ved indskrivningen: Aktivitetsparat)');
    await expectNoAxeViolations(page);

    // Her timeline, one key press away in the section menu.
    await tabTo(page, /^A\|\|\|Tidslinje$/);
    await pressAndWait(page, 'Enter', (u) => u.pathname === `${herPath}/tidslinje`);
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('Visitation ændret: Aktivitetsparat → Jobparat');
    await expectNoAxeViolations(page);
    await page.close();
  });
});
