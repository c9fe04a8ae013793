/**
 * The analyst uploads a register file and follows the progress bar to the report; the results
 * page shows the national figures; a caseworker opens a woman's register explanation. Axe on each.
 */
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectNoAxeViolations, follow, signedInPage, useServerAndBrowser, useUploadFiles } from './browser.ts';

describe.runIf(browserAvailable())('register data in Chromium', () => {
  const env = useServerAndBrowser();
  const writeFile = useUploadFiles();

  it('uploads a benefits file, shows progress to completion, and lists the batch with its provenance', async () => {
    const file = writeFile('ydelser-2023.csv', 'cpr;uge;kode\n0101901234;2023-W05;130\n0101901234;2023-W06;211\n');
    const page = await signedInPage(env, 'analytiker.siri');
    await follow(page, () => page.getByRole('link', { name: 'Registerdata' }).click());
    await expectNoAxeViolations(page);
    await page.getByLabel('Filtype').selectOption('ydelser');
    await page.getByLabel('CSV-fil').setInputFiles(file);
    await follow(page, () => page.getByRole('button', { name: 'Indlæs fil' }).click());
    await page.waitForURL(/\/registerdata\/job\//);
    const status = page.getByTestId('job').locator('[data-status]');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 60_000 }).toBe('faerdig');
    expect(await page.locator('#job-progress').getAttribute('value')).toBe('100');
    expect(await page.locator('#job-text').textContent()).toMatch(/ydelser-2023\.csv er indlæst som parti \d+: 2 rækker, 1 personer/);
    await expectNoAxeViolations(page);
    await follow(page, () => page.getByRole('link', { name: 'Tilbage til registerdata' }).click());
    await expect.poll(() => page.getByTestId('batches').textContent()).toContain('ydelser-2023.csv');
    await page.close();
  });

  it('shows a Danish error for a malformed file and stores nothing', async () => {
    const file = writeFile('forkert.csv', 'cpr;uge;kode\n0101901234;2023-W99;130\n');
    const page = await signedInPage(env, 'analytiker.siri');
    await page.goto(`${env.server.url}/registerdata`);
    await page.getByLabel('CSV-fil').setInputFiles(file);
    await follow(page, () => page.getByRole('button', { name: 'Indlæs fil' }).click());
    const status = page.getByTestId('job').locator('[data-status]');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 60_000 }).toBe('fejl');
    expect(await page.locator('#job-text').textContent()).toMatch(/forkert\.csv, linje 2, kolonne «uge»/);
    await page.goto(`${env.server.url}/registerdata`);
    // The list shows the demo's batches (so it is the list), and not the refused file.
    const batches = await page.getByTestId('batches').locator('tbody tr').allTextContents();
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.join('\n')).toMatch(/\.csv/);
    expect(batches.join('\n')).not.toContain('forkert.csv');
    await page.close();
  });

  it('shows national results with suppressed small numbers and the published figures', async () => {
    const page = await signedInPage(env, 'analytiker.siri');
    await page.goto(`${env.server.url}/resultater`);
    expect(await page.getByTestId('vintage').textContent()).toContain('kib-2019.1');
    expect(await page.getByTestId('published').textContent()).toContain('Mål 1 eller 2 blandt aktivitetsparate');
    expect(await page.getByTestId('by-kommune').textContent()).toMatch(/<5|x/);
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('lets a caseworker see why a woman is at her level in a month', async () => {
    const page = await signedInPage(env, 'sagsbehandler.aalborg');
    await page.goto(`${env.server.url}/deltagere`);
    await follow(page, () => page.getByTestId('participant-table').locator('tbody a').first().click());
    await expect.poll(() => page.getByTestId('register-section').textContent()).toMatch(/Registerstatus/);
    // Her timeline (a section of her page) carries the monthly register statuses from the engine, in Danish.
    await follow(page, () => page.getByTestId('section-nav').getByRole('link', { name: 'Tidslinje' }).click());
    expect(await page.getByText(/^Registerstatus \d{4}-\d{2}: /).count()).toBeGreaterThan(3);
    await follow(page, () => page.getByTestId('section-nav').getByRole('link', { name: 'Registerdata' }).click());
    await follow(page, () => page.getByTestId('register-months').locator('tbody a').first().click());
    await expect.poll(() => page.getByTestId('explanation').textContent()).toMatch(/torsdag/);
    await expectNoAxeViolations(page);
    await page.close();
  });
});
