/**
 * Unknown codes on the upload page, with the keyboard alone (issue 9, build item 3): the analyst
 * uploads a DREAM file with two codes the code table does not know, sees each with its weeks and
 * women, maps each to a category with a reason (first forgetting one, and the error summary
 * says so), the file is imported, and her codes are listed under Egne koder. Every action is a
 * key press (the file chooser opens from the keyboard); axe on each page, under the real CSP.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectNoAxeViolations, settled, useServerAndBrowser, useUploadFiles, WAIT_MS } from './browser.ts';
import { focused, openFileChooserWithSpace, signInByKeyboard, tabUntil } from './keyboard.ts';

const tabTo = (page: Page, re: RegExp) => tabUntil(page, re, { max: 200 });

/** Each body row of a table as its cells' texts. */
const cells = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())));

async function pressAndWait(page: Page, key: string, url: RegExp | ((u: URL) => boolean)) {
  await page.keyboard.press(key);
  await page.waitForURL(url, { timeout: WAIT_MS * 2 });
  await settled(page);
}

describe.runIf(browserAvailable())('unknown codes mapped in Chromium (keyboard only)', () => {
  const env = useServerAndBrowser();
  const writeFile = useUploadFiles();

  it('lists the unknown codes, takes a category and a reason for each, and imports the file', async () => {
    const file = writeFile(
      'ydelser-nye-koder.csv',
      'cpr;uge;kode\n0101904711;2023-W05;130\n0101904711;2023-W06;4711\n0202904712;2023-W05;4711\n0202904712;2023-W06;4712\n',
    );
    const page = await env.browser.newPage();
    await signInByKeyboard(page, env.server.url, 'analytiker.siri');

    await tabTo(page, /^A\|\|\|Registerdata$/);
    await pressAndWait(page, 'Enter', /\/registerdata$/);
    await tabTo(page, /^SELECT\|Filtype/);
    await page.keyboard.type('Yde');
    await tabTo(page, /^INPUT\|CSV-fil/);
    const chooser = await openFileChooserWithSpace(page);
    await chooser.setFiles(file);
    await tabTo(page, /^BUTTON\|\|\|Indlæs fil$/);
    await pressAndWait(page, 'Enter', /\/registerdata\/job\/[0-9a-f-]+$/);

    // The page reloads itself with the form once the file has been read.
    await expect.poll(() => page.getByTestId('unknown-codes').count(), { timeout: 60_000 }).toBe(1);
    await settled(page);
    expect(await page.locator('#job-text').textContent()).toContain('har koder, som kodetabellen ikke kender');
    expect(await cells(page, 'unknown-table')).toEqual([
      ['4711', '2', '2'],
      ['4712', '1', '1'],
    ]);
    await expectNoAxeViolations(page);

    // First only code 4711: the error summary names what is missing.
    await tabTo(page, /^SELECT\|Kategori\|Kode 4711/);
    await page.keyboard.type('Virk'); // type-ahead: Virksomhedspraktik
    await tabTo(page, /^INPUT\|Begrundelse\|Kode 4711/);
    await page.keyboard.type('Virksomhedspraktik ifølge DREAM 2024');
    await tabTo(page, /^BUTTON\|\|\|Gem koderne og indlæs filen$/);
    await pressAndWait(page, 'Enter', /\/koder$/);
    const summary = page.locator('#fejlopsummering');
    expect(await summary.textContent()).toMatch(/Vælg en kategori for kode 4712\.[\s\S]*Skriv en begrundelse for kode 4712\./);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('fejlopsummering');
    expect(await page.locator('#f-begrundelse-4711').inputValue()).toBe('Virksomhedspraktik ifølge DREAM 2024');
    await expectNoAxeViolations(page);

    // The summary's link takes her to the field.
    await tabTo(page, /^A\|\|.*\|Vælg en kategori for kode 4712\.$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^SELECT\|Kategori\|Kode 4712/);
    await page.keyboard.type('Anden'); // Anden offentlig ydelse
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^INPUT\|Begrundelse\|Kode 4712/);
    await page.keyboard.type('Hjemrejseydelse, kode fra 2019');
    await tabTo(page, /^BUTTON\|\|\|Gem koderne og indlæs filen$/);
    await pressAndWait(page, 'Enter', /\/registerdata\/job\/[0-9a-f-]+$/);
    const status = page.getByTestId('job').locator('[data-status]');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 60_000 }).toBe('faerdig');
    expect(await page.locator('#job-text').textContent()).toMatch(/ydelser-nye-koder\.csv er indlæst som parti \d+: 4 rækker, 2 personer/);
    await expectNoAxeViolations(page);

    await tabTo(page, /^A\|\|\|Tilbage til registerdata$/);
    await pressAndWait(page, 'Enter', /\/registerdata$/);
    await tabTo(page, /^A\|\|\|Egne koder$/);
    await pressAndWait(page, 'Enter', /\/registerdata\/koder$/);
    const own = (await cells(page, 'own-codes')).map((r) => r.slice(0, 5));
    expect(own).toEqual([
      [
        '4711',
        'Virksomhedspraktik',
        'Virksomhedspraktik ifølge DREAM 2024',
        'ydelser-nye-koder.csv (2 uger, 2 kvinder)',
        'analytiker.siri',
      ],
      ['4712', 'Anden offentlig ydelse', 'Hjemrejseydelse, kode fra 2019', 'ydelser-nye-koder.csv (1 uge, 1 kvinde)', 'analytiker.siri'],
    ]);
    await expectNoAxeViolations(page);
    await page.close();
  });
});
