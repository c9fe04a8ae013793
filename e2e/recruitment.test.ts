/**
 * Gross group and outreach in Chromium with the keyboard alone (issue 13, build 1): a caseworker
 * imports a candidate list with a bad row (refused, the line named, nothing saved), imports it
 * again skipping the bad row, logs outreach on a candidate (first forgetting the channel, and the
 * error summary says so), and enrols her from the candidate: the enrolment form is pre-filled from
 * the list and the outreach, and her candidate page then says "Indskrevet". Every action is a key
 * press (the file chooser opens from the keyboard); axe on every page, under the real CSP.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectNoAxeViolations, settled, useServerAndBrowser, useUploadFiles, WAIT_MS } from './browser.ts';
import { openFileChooserWithSpace, signInByKeyboard, tabUntil } from './keyboard.ts';
import { formatCpr, makeCpr } from '../src/core/cpr.ts';

const tabTo = (page: Page, re: RegExp) => tabUntil(page, re, { max: 250 });

async function pressAndWait(page: Page, key: string, url: RegExp | ((u: URL) => boolean)) {
  await Promise.all([page.waitForURL(url, { timeout: WAIT_MS * 2 }), page.keyboard.press(key)]);
  await settled(page);
}

/**
 * Choose the file from the keyboard: Tab to the file field and Space opens the file chooser. The
 * test browser opens the chooser from the keyboard once per run; later, the file is set on the
 * focused field (the operating system's dialog is not part of the page anyway).
 */
async function chooseFile(page: Page, file: string, viaChooser: boolean) {
  await tabTo(page, /^INPUT\|CSV-fil med kandidater/);
  if (!viaChooser) return page.locator(':focus').setInputFiles(file);
  const chooser = await openFileChooserWithSpace(page);
  await chooser.setFiles(file);
}

describe.runIf(browserAvailable())('gross group and outreach in Chromium (keyboard only)', () => {
  const env = useServerAndBrowser({ municipality: true });
  const writeFile = useUploadFiles();

  it('imports a list with a bad row, logs outreach and enrols from the candidate', async () => {
    const cpr = makeCpr('1986-04-12', 'K', 5511);
    const file = writeFile(
      'kandidater.csv',
      `cpr;navn;ydelse;oprindelse\n${formatCpr(cpr)};Sahra Tastaturkandidat;Kontanthjælp;Somalia\n12345;Fejl Rækkesen;Kontanthjælp;Irak\n`,
    );
    /** A fresh page signed in with the keyboard, on Kandidater (reached from the menu). */
    const candidatesPage = async () => {
      const p = await env.browser.newPage();
      await signInByKeyboard(p, env.server.url, env.m.caseworker.username);
      await tabTo(p, /^A\|\|\|Kandidater$/);
      await pressAndWait(p, 'Enter', (u) => u.pathname === '/kandidater');
      return p;
    };
    const first = await candidatesPage();
    await expectNoAxeViolations(first);

    // The list with a bad row: refused, the line named, nothing saved.
    await chooseFile(first, file, true);
    await tabTo(first, /^BUTTON\|\|\|Indlæs liste$/);
    await pressAndWait(first, 'Enter', (u) => u.pathname === '/kandidater/import');
    await expect.poll(() => first.getByTestId('import-error').textContent(), { timeout: WAIT_MS }).toContain('Linje 3');
    expect(await first.getByTestId('import-error').textContent()).toContain('Intet er gemt');
    expect(await first.getByTestId('candidates').textContent()).not.toContain('Sahra Tastaturkandidat');
    await expectNoAxeViolations(first);
    await first.close();

    // Again, skipping the bad row.
    const page = await candidatesPage();
    await chooseFile(page, file, false);
    await tabTo(page, /^INPUT\|Spring rækker med fejl over/);
    await page.keyboard.press('Space');
    await tabTo(page, /^BUTTON\|\|\|Indlæs liste$/);
    await pressAndWait(page, 'Enter', (u) => u.pathname === '/kandidater/import');
    await expect
      .poll(() => page.getByTestId('notice').textContent(), { timeout: WAIT_MS })
      .toContain('1 kvinder, heraf 1 nye på listen. 1 rækker med fejl er sprunget over.');
    await expectNoAxeViolations(page);

    await tabTo(page, /^A\|\|\|Sahra Tastaturkandidat$/);
    await pressAndWait(page, 'Enter', (u) => /^\/kandidater\/[0-9a-f-]{36}$/.test(u.pathname));
    const candidatePage = page.url();
    await expectNoAxeViolations(page);

    // A contact attempt without its channel: the error summary says what is missing.
    await tabTo(page, /^INPUT\|Kontaktforsøg\|Hvad skete der\?/);
    await page.keyboard.press('Space');
    await tabTo(page, /^BUTTON\|\|\|Gem opsøgning$/);
    await pressAndWait(page, 'Enter', (u) => u.pathname.endsWith('/opsoegning'));
    await expect.poll(() => page.locator('#fejlopsummering').textContent()).toContain('Vælg hvordan hun blev kontaktet.');
    await expectNoAxeViolations(page);
    await tabTo(page, /^SELECT\|Kanal/);
    await page.keyboard.type('Bolig'); // type-ahead: Boligsocial medarbejder
    await tabTo(page, /^BUTTON\|\|\|Gem opsøgning$/);
    await pressAndWait(page, 'Enter', (u) => u.href.startsWith(candidatePage) && u.search.includes('gemt=opsoegning'));
    await expect.poll(() => page.getByTestId('outreach-log').textContent()).toContain('Boligsocial medarbejder');

    /** She attended the information meeting: the third option of the group, saved; her stage says so. */
    const attendedMeeting = async () => {
      await tabTo(page, /^INPUT\|Kontaktforsøg\|Hvad skete der\?/);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await tabTo(page, /^BUTTON\|\|\|Gem opsøgning$/);
      await pressAndWait(page, 'Enter', (u) => u.search.includes('gemt=opsoegning'));
      await expect.poll(() => page.getByTestId('candidate-stage').textContent()).toBe('Deltog i informationsmøde');
    };
    await attendedMeeting();
    await expectNoAxeViolations(page);

    // Correct the contact attempt (the channel was wrong), with a reason: keyboard only, axe on every page.
    await tabTo(page, /^A\|\|\|Ret kontaktforsøg den /);
    await pressAndWait(page, 'Enter', (u) => /\/opsoegning\/[0-9a-f-]{36}$/.test(u.pathname));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Ret opsøgning');
    expect(await page.getByLabel('Kanal').inputValue()).toBe('boligsocial');
    await expectNoAxeViolations(page);
    await tabTo(page, /^SELECT\|Kanal/);
    await page.keyboard.type('Rolle'); // type-ahead: Rollemodel
    await tabTo(page, /^BUTTON\|\|\|Gem rettelsen$/);
    await pressAndWait(page, 'Enter', (u) => /\/opsoegning\/[0-9a-f-]{36}$/.test(u.pathname));
    await expect.poll(() => page.locator('#fejlopsummering').textContent()).toContain('Skriv hvorfor du retter eller sletter opsøgningen.');
    await expectNoAxeViolations(page);
    await tabTo(page, /^TEXTAREA\|Hvorfor rettes opsøgningen\?/);
    await page.keyboard.type('Hun blev fundet via en rollemodel');
    await tabTo(page, /^BUTTON\|\|\|Gem rettelsen$/);
    await pressAndWait(page, 'Enter', (u) => u.search.includes('gemt=opsoegning_rettet'));
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('Opsøgningen er rettet.');
    expect(await page.getByTestId('outreach-log').textContent()).toContain('Rollemodel');

    // Delete the meeting step (logged by mistake), with a reason; then log it again.
    await tabTo(page, /^A\|\|\|Slet deltog i informationsmøde den /);
    await pressAndWait(page, 'Enter', (u) => u.pathname.endsWith('/slet'));
    await expectNoAxeViolations(page);
    await tabTo(page, /^TEXTAREA\|Hvorfor slettes opsøgningen\?/);
    await page.keyboard.type('Registreret to gange');
    await tabTo(page, /^BUTTON\|\|\|Ja, slet$/);
    await pressAndWait(page, 'Enter', (u) => u.search.includes('gemt=opsoegning_slettet'));
    await expect.poll(() => page.getByTestId('candidate-stage').textContent()).toBe('Kontaktet');
    await attendedMeeting();

    // "Indskriv": the enrolment form pre-filled from the list and the outreach.
    await tabTo(page, /^A\|\|\|Indskriv$/);
    await pressAndWait(page, 'Enter', (u) => u.pathname.endsWith('/indskriv'));
    expect(await page.getByLabel('CPR-nummer').inputValue()).toBe(formatCpr(cpr));
    expect(await page.getByLabel('Fornavn').inputValue()).toBe('Sahra');
    expect(await page.getByLabel('Efternavn').inputValue()).toBe('Tastaturkandidat');
    expect(await page.getByLabel('Oprindelsesland').inputValue()).toBe('SO');
    // The corrected channel is the one the enrolment starts with.
    expect(await page.getByLabel('Rekrutteret via').inputValue()).toBe('rollemodel');
    await expectNoAxeViolations(page);
    await tabTo(page, /^INPUT\|Aktivitetsparat\|Visitation/);
    await page.keyboard.press('Space');
    await tabTo(page, /^BUTTON\|\|\|Indskriv$/);
    await pressAndWait(page, 'Enter', (u) => /^\/deltagere\/[0-9a-f-]{36}$/.test(u.pathname));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Sahra Tastaturkandidat');

    await page.goto(candidatePage);
    await expect.poll(() => page.getByTestId('candidate-stage').textContent()).toBe('Indskrevet');
    expect(await page.getByTestId('outreach-log').textContent()).toContain('Indskrevet');
    await expectNoAxeViolations(page);
    await page.close();
  });
});
