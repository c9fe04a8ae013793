/**
 * Group sessions in Chromium (issue 14 build 3), keyboard only: from the list to a new session
 * (a refused form first: no kind, an impossible time), attendance for a woman, and a cancellation
 * (refused without a reason first). Axe on every page under the real CSP.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, signedInPage, useServerAndBrowser } from './browser.ts';
import { enter, tabAndEnter, tabAndEnterChecked, tabUntil } from './keyboard.ts';

const tabTo = (page: Page, re: RegExp) => tabUntil(page, re, { format: 'short' });

describe.runIf(browserAvailable())('group sessions in Chromium', () => {
  const env = useServerAndBrowser({ municipality: true });

  it('creates a session, records attendance and cancels it with the keyboard alone, with Danish errors first', async () => {
    const page = await signedInPage(env, env.m.caseworker.username);
    await page.goto(`${env.server.url}/grupper`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Gruppemøder');
    await expectNoAxeViolations(page);

    await tabAndEnterChecked(page, /^A\|\|Opret gruppemøde/, /\/grupper\/ny$/);
    await tabTo(page, /^INPUT\|Starttidspunkt/);
    await page.keyboard.type('25.00');
    await tabAndEnter(page, /^BUTTON\|\|Gem/, /\/grupper\/ny$/);
    await expect.poll(() => page.locator('#fejlopsummering').textContent()).toContain('Vælg hvilken slags møde det er.');
    await expect.poll(() => page.locator('#fejlopsummering').textContent()).toContain('Skriv starttidspunktet som tt.mm');
    await expect.poll(() => page.locator('#fejlopsummering').textContent()).toContain('Angiv stedet.');
    await expectNoAxeViolations(page);

    await tabTo(page, /^SELECT\|Slags møde/);
    await page.keyboard.type('Kvinde');
    expect(await page.locator('select[name=kind] option:checked').textContent()).toBe('Kvindecafé');
    await tabTo(page, /^INPUT\|Titel/);
    await page.keyboard.type('Tastaturcaféen');
    await tabTo(page, /^INPUT\|Starttidspunkt/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('10');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12.30');
    await tabTo(page, /^INPUT\|Sted/);
    await page.keyboard.type('Beboerhuset');
    await page.keyboard.press('Tab');
    await page.keyboard.type('arabisk, somali');
    await tabAndEnter(page, /^BUTTON\|\|Gem/, /\/grupper\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kvindecafé: Tastaturcaféen');
    await expect.poll(() => page.getByTestId('session-facts').textContent()).toContain('arabisk, somali');
    await expectNoAxeViolations(page);

    // Attendance for the first woman.
    await tabTo(page, /^SELECT\|Fremmøde for /);
    await page.keyboard.type('M');
    await tabAndEnter(page, /^BUTTON\|\|Gem fremmøde/, /gemt=fremmoede/);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Fremmødet er gemt.');
    await expect.poll(() => page.getByTestId('attendance').locator('caption').textContent()).toContain('Mødt: 1');
    await expectNoAxeViolations(page);

    // Cancel: a reason is required.
    await tabAndEnter(page, /^BUTTON\|\|Aflys mødet/, /\/aflys$/);
    await expect.poll(() => page.locator('#fejlopsummering').textContent()).toContain('Skriv hvorfor mødet er aflyst.');
    await expectNoAxeViolations(page);
    await tabTo(page, /^INPUT\|Begrundelse for aflysning/);
    await page.keyboard.type('Lokalet er optaget.');
    await enter(page, /gemt=aflyst/);
    await expect.poll(() => page.getByTestId('cancelled').textContent()).toContain('Lokalet er optaget.');
    await expectNoAxeViolations(page);
  });
});
