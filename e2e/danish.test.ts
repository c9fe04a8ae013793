/**
 * Danish tuition in Chromium (issue 14 build 4), keyboard only: from "Mine borgere" to a woman's
 * page, attendance for a month refused first (a month in the future, 140 %) with Danish errors and
 * the typing kept, then saved; a module test refused without its module and result, then saved;
 * both shown in her section and on her timeline; the attendance deleted after confirming. Axe on
 * every page under the real CSP.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, signedInPage, useServerAndBrowser } from './browser.ts';
import { enter, tabUntil } from './keyboard.ts';

const tabTo = (page: Page, re: RegExp) => tabUntil(page, re, { format: 'short', max: 800 });

describe.runIf(browserAvailable())('Danish tuition in Chromium', () => {
  const env = useServerAndBrowser({ municipality: true });

  it('records attendance and a module test with the keyboard alone, with Danish errors first, and deletes after confirming', async () => {
    const page = await signedInPage(env, env.m.caseworker.username);
    await page.goto(`${env.server.url}/mine-borgere?sortering=navn`);
    const name = (await page.locator('table a[href^="/deltagere/"]').first().textContent())!.trim();
    await tabTo(page, new RegExp(`^A\\|\\|${name}`));
    await enter(page, /\/deltagere\/[0-9a-f-]{36}(\?|$)/);
    // Her Danish tuition is a section of her page, one key press away in its menu.
    await tabTo(page, /^A\|\|Dansk$/);
    await enter(page, /\/dansk$/);
    // One heading for the section, the one its menu link names; no second heading for the same thing.
    await expect.poll(() => page.getByRole('heading', { name: 'Dansk', exact: true, level: 2 }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Danskundervisning' }).count()).toBe(0);
    // The outline: h1 her name, h2 the section, h3 its parts — no level skipped.
    const levels = await page.evaluate(() =>
      [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')].map((h) => Number(h.tagName[1])),
    );
    expect(levels[0]).toBe(1);
    expect(
      levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1),
      `heading levels ${levels.join(',')}`,
    ).toEqual([]);
    expect(levels.filter((l) => l === 3).length).toBe(4);
    await expectNoAxeViolations(page);

    // Attendance: a month in the future and 140 % are refused in Danish.
    await tabTo(page, /^A\|\|Registrer fremmøde for en måned/);
    await enter(page, /\/dansk\/fremmoede\/ny$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Nyt fremmøde til dansk');
    await expectNoAxeViolations(page);
    const next = new Date();
    next.setMonth(next.getMonth() + 2);
    await tabTo(page, /^INPUT\|Måned/);
    await page.keyboard.type(`${String(next.getMonth() + 1).padStart(2, '0')}-${next.getFullYear()}`);
    await tabTo(page, /^INPUT\|Fremmøde i procent/);
    await page.keyboard.type('140');
    await tabTo(page, /^BUTTON\|\|Gem/);
    await enter(page, /\/dansk\/fremmoede$/);
    await expect.poll(() => page.locator('#fejlopsummering').textContent()).toContain('Måneden ligger i fremtiden.');
    await expect.poll(() => page.locator('#fejlopsummering').textContent()).toContain('Fremmødet skal være mellem 0 og 100 %.');
    expect(await page.locator('input[name=percent]').inputValue()).toBe('140');
    // The summary has focus, so a screen reader reads the errors first.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('fejlopsummering');
    await expectNoAxeViolations(page);

    await tabTo(page, /^INPUT\|Måned/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('01-2020');
    await tabTo(page, /^INPUT\|Fremmøde i procent/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('92');
    await tabTo(page, /^BUTTON\|\|Gem/);
    await enter(page, /gemt=dansk/);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Danskundervisningen er opdateret.');
    await expect.poll(() => page.getByTestId('danish-attendance').textContent()).toContain('januar 2020');
    /** Her timeline (reached by keyboard) shows `entry`; then back on Dansk, which passes axe. */
    const onTimeline = async (entry: string) => {
      await tabTo(page, /^A\|\|Tidslinje$/);
      await enter(page, /\/tidslinje$/);
      await expect.poll(() => page.getByTestId('timeline').textContent()).toContain(entry);
      await tabTo(page, /^A\|\|Dansk$/);
      await enter(page, /\/dansk$/);
      await expectNoAxeViolations(page);
    };
    await onTimeline('Fremmøde til dansk i januar 2020: 92 %');

    // A module test marked passed, without module and result: refused.
    await tabTo(page, /^A\|\|Registrer prøve/);
    await enter(page, /\/dansk\/proever\/ny$/);
    await expectNoAxeViolations(page);
    await tabTo(page, /^INPUT\|Modultest/);
    await page.keyboard.press('Space');
    await tabTo(page, /^INPUT\|Bestået/);
    await page.keyboard.press('Space');
    await tabTo(page, /^BUTTON\|\|Gem/);
    await enter(page, /\/dansk\/proever$/);
    await expect.poll(() => page.locator('#fejlopsummering').textContent()).toContain('Vælg hvilket modul modultesten gjaldt.');
    await expect
      .poll(() => page.locator('#fejlopsummering').textContent())
      .toContain('Skriv resultatet (karakter eller point), når prøven er bestået.');
    await expectNoAxeViolations(page);
    await tabTo(page, /^SELECT\|Modul/);
    await page.keyboard.type('Modul 2');
    expect(await page.locator('select[name=module] option:checked').textContent()).toBe('Modul 2');
    await tabTo(page, /^INPUT\|Resultat/);
    await page.keyboard.type('10');
    await tabTo(page, /^BUTTON\|\|Gem/);
    await enter(page, /gemt=dansk/);
    await expect.poll(() => page.getByTestId('danish-tests').textContent()).toContain('Modultest, modul 2');
    await onTimeline('Dansk: modultest, modul 2 – bestået');

    // Delete the attendance after confirming.
    await tabTo(page, /^A\|\|Slet fremmøde januar 2020/);
    await enter(page, /\/slet$/);
    await expect.poll(() => page.locator('main').textContent()).toContain('fremmødet for januar 2020 (92 %)');
    await expectNoAxeViolations(page);
    await tabTo(page, /^BUTTON\|\|Ja, slet/);
    await enter(page, /gemt=slettet/);
    await expect.poll(async () => (await page.getByTestId('danish-section').textContent()) ?? '').not.toContain('januar 2020');
    await expectNoAxeViolations(page);
  });
});
