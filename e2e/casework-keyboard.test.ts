/**
 * The same caseworker flow with the keyboard alone: only keyboard.press/type (Tab, Enter, Space,
 * arrow keys, type-ahead in selects). The test reads the page to know where focus is, but every
 * action is a key press.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, useServerAndBrowser, WAIT_MS } from './browser.ts';
import { signInByKeyboard, tabUntil } from './keyboard.ts';
import { makeCpr } from '../src/core/cpr.ts';
import { cvrMod11Ok } from '../src/domain/cvr.ts';

const tabTo = (page: Page, re: RegExp) => tabUntil(page, re, { max: 400 });

const validCvr = () => {
  for (let n = 30000000; ; n++) if (cvrMod11Ok(String(n))) return String(n);
};

async function pressAndWait(page: Page, key: string, url: RegExp | string | ((u: URL) => boolean)) {
  await page.keyboard.press(key);
  await page.waitForURL(url, { timeout: WAIT_MS * 2 }).catch(async (e) => {
    const summary = await page
      .locator('#fejlopsummering')
      .textContent()
      .catch(() => null);
    throw new Error(`${(e as Error).message}\nAt: ${page.url()}\nForm errors: ${summary?.replace(/\s+/g, ' ')}`);
  });
}

describe.runIf(browserAvailable())('casework in Chromium (keyboard only)', () => {
  const env = useServerAndBrowser({ municipality: true });

  /** Her row's alert codes; the row and its alert cell must exist, or an absent code proves nothing. */
  const alertCodes = async (page: Page, name: string) => {
    const row = page.locator('tbody tr', { hasText: name });
    expect(await row.count(), `${name} on Mine borgere`).toBe(1);
    expect(await row.locator('[data-testid="alerts"], [data-testid="no-alerts"]').count(), `alert cell for ${name}`).toBe(1);
    return row.locator('[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  };

  it('enrols, plans, adds an internship and a conversation, scores WHO-5 twice and sees the alert come and go', async () => {
    const page = await env.browser.newPage();
    await signInByKeyboard(page, env.server.url, env.m.caseworker.username, /\/mine-borgere/);

    await tabTo(page, /^A\|\|\|Indskriv borger$/);
    await pressAndWait(page, 'Enter', /\/indskrivning$/);
    await tabTo(page, /^INPUT\|CPR-nummer/);
    await page.keyboard.type(makeCpr('1979-11-23', 'K', 333));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Indskriv ny borger');

    await tabTo(page, /^INPUT\|Fornavn/);
    await page.keyboard.type('Samira');
    await tabTo(page, /^SELECT\|Oprindelsesland/);
    await page.keyboard.type('Somalia');
    await tabTo(page, /^SELECT\|Projekt/);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /^INPUT\|Aktivitetsparat/);
    await page.keyboard.press('Space');
    await tabTo(page, /^SELECT\|Rekrutteret via/);
    await page.keyboard.type('Netv'); // type-ahead: Netværk eller forening
    await tabTo(page, /^BUTTON\|\|\|Indskriv$/);
    await page.keyboard.press('Enter');
    // The missing surname is reported beside the field; what was typed is kept.
    await expect.poll(() => page.locator('#f-lastName-error').textContent()).toContain('Angiv efternavn.');
    expect(await page.locator('#f-firstName').inputValue()).toBe('Samira');
    expect(await page.locator('#f-countryOfOrigin').inputValue()).toBe('SO');
    await tabTo(page, /^INPUT\|Efternavn/);
    await page.keyboard.type('Warsame');
    await tabTo(page, /^BUTTON\|\|\|Indskriv$/);
    await pressAndWait(page, 'Enter', /\/deltagere\/[0-9a-f-]{36}(\?|$)/);
    // Her page, whatever notice or origin its query string carries.
    const herPath = page.url().split('?')[0];
    const herPage = (u: URL) => u.href.split('?')[0] === herPath;
    /** One section of her page (where a save of that kind lands), whatever its query string. */
    const herSection = (section: string) => (u: URL) => u.href.split('?')[0] === `${herPath}/${section}`;

    await tabTo(page, /^A\|\|\|Plan$/);
    await pressAndWait(page, 'Enter', /\/plan$/);
    await tabTo(page, /^TEXTAREA\|Jobmål/);
    await page.keyboard.type('Pædagogmedhjælper');
    await tabTo(page, /^INPUT\|A-job/);
    await page.keyboard.type('Pædagog');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Pædagogmedhjælper');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Køkkenhjælp i børnehave');
    await tabTo(page, /^INPUT\|CV er lagt på Jobnet/);
    await page.keyboard.press('Space');
    await tabTo(page, /^INPUT\|Dato for CV på Jobnet/);
    await page.keyboard.type('01-02-2025');
    await tabTo(page, /^BUTTON\|\|\|Gem plan$/);
    await pressAndWait(page, 'Enter', herPage);
    await expect.poll(() => page.getByTestId('plan').textContent()).toContain('Pædagogmedhjælper');

    await tabTo(page, /^A\|\|\|Ny aktivitet$/);
    await pressAndWait(page, 'Enter', /aktiviteter\/ny$/);
    await tabTo(page, /^SELECT\|Aktivitetstype/);
    await page.keyboard.type('Virksomhedspraktik');
    await tabTo(page, /^INPUT\|Udbyder eller virksomhed/);
    await page.keyboard.type('Børnehuset Mælkebøtten');
    await tabTo(page, /^INPUT\|CVR-nummer/);
    await page.keyboard.type(validCvr());
    await tabTo(page, /^SELECT\|Status/);
    await page.keyboard.press('ArrowDown'); // from the preset Planlagt to I gang
    // Her consent on the placement forgotten: the error summary says so, and what was typed stays.
    await tabTo(page, /^BUTTON\|\|\|Gem aktivitet$/);
    await pressAndWait(page, 'Enter', /aktiviteter$/);
    await expect.poll(() => page.locator('#fejlopsummering').textContent()).toContain('Angiv om virksomheden må få oplysninger om hende.');
    expect(await page.getByLabel('Udbyder eller virksomhed').inputValue()).toBe('Børnehuset Mælkebøtten');
    await expectNoAxeViolations(page);
    await tabTo(page, /^INPUT\|Ja: virksomheden må kende hendes navn/);
    await page.keyboard.press('Space');
    await tabTo(page, /^BUTTON\|\|\|Gem aktivitet$/);
    await pressAndWait(page, 'Enter', herSection('aktiviteter'));
    await expect.poll(() => page.getByTestId('company-consent').first().textContent()).toBe('virksomheden må kende hende');
    await expect.poll(() => page.getByTestId('activities').textContent()).toContain('Børnehuset Mælkebøtten');

    await tabTo(page, /^A\|\|\|Ny samtale$/);
    await pressAndWait(page, 'Enter', /samtaler\/ny$/);
    await tabTo(page, /^INPUT\|Der blev brugt tolk/);
    await page.keyboard.press('Space');
    await tabTo(page, /^TEXTAREA\|Kort notat/);
    await page.keyboard.type('Samtale med tolk om praktik.');
    await tabTo(page, /^BUTTON\|\|\|Gem samtale$/);
    await pressAndWait(page, 'Enter', herSection('samtaler'));
    await expect.poll(() => page.getByTestId('conversations').textContent()).toContain('Samtale med tolk om praktik.');

    // The section menu by keyboard: Tidslinje, then back to Overblik; the open section is aria-current.
    await tabTo(page, /^A\|\|\|Tidslinje$/);
    await pressAndWait(page, 'Enter', herSection('tidslinje'));
    expect(await page.getByTestId('section-nav').locator('[aria-current="page"]').textContent()).toBe('Tidslinje');
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('Start: Virksomhedspraktik');
    await expectNoAxeViolations(page);
    await tabTo(page, /^A\|\|\|Overblik$/);
    await pressAndWait(page, 'Enter', herPage);
    expect(await page.getByTestId('section-nav').locator('[aria-current="page"]').textContent()).toBe('Overblik');
    await expect.poll(() => page.getByTestId('plan').textContent()).toContain('Pædagogmedhjælper');

    const scoreWho5 = async (downs: number) => {
      await tabTo(page, /^A\|\|\|Ny WHO-5$/);
      await pressAndWait(page, 'Enter', /maalinger\/ny/);
      await tabTo(page, /^INPUT\|Dato for målingen/);
      for (let item = 0; item < 5; item++) {
        await page.keyboard.press('Tab'); // into the next radio group (first option, 5: Hele tiden)
        for (let i = 0; i < downs; i++) await page.keyboard.press('ArrowDown');
      }
      await tabTo(page, /^BUTTON\|\|\|Gem måling$/);
      await pressAndWait(page, 'Enter', herSection('maalinger'));
    };
    const toMine = async () => {
      await tabTo(page, /^A\|\|\|Mine borgere$/);
      await pressAndWait(page, 'Enter', /\/mine-borgere$/);
    };
    const toHer = async () => {
      await tabTo(page, /^A\|\|\|Samira Warsame$/);
      await pressAndWait(page, 'Enter', herPage);
    };

    await scoreWho5(4); // every answer 1: total 20
    await toMine();
    expect(await alertCodes(page, 'Samira Warsame')).toContain('who5_lav');
    await expectNoAxeViolations(page);
    await toHer();
    await scoreWho5(1); // every answer 4: total 80
    await expect.poll(() => page.getByTestId('distance-who5').textContent()).toContain('+60');
    await toMine();
    expect(await alertCodes(page, 'Samira Warsame')).not.toContain('who5_lav');
    await page.close();
  });
});
