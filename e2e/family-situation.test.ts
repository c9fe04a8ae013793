/**
 * Her family situation in Chromium (issue 14 build 6), keyboard only: from "Mine borgere" to a
 * woman's page, "Ret familiesituation", a refused form (ages that are not numbers, an interpreter
 * without a language) with Danish errors, then a valid change shown on her page with its history;
 * the barriers on Styring. Axe on every page under the real CSP, the enrolment form's family
 * fields included.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, follow, signedInPage, useServerAndBrowser } from './browser.ts';
import { makeCpr } from '../src/core/cpr.ts';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { addMonths } from '../src/core/dates.ts';
import { enter, tabUntil } from './keyboard.ts';

const tabTo = (page: Page, re: RegExp) => tabUntil(page, re, { format: 'short' });

async function typeInto(page: Page, re: RegExp, text: string) {
  await tabTo(page, re);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

describe.runIf(browserAvailable())('family situation in Chromium', () => {
  const env = useServerAndBrowser({ municipality: true });

  it('changes her family situation with the keyboard alone, with Danish errors first, and Styring counts the barriers', async () => {
    const page = await signedInPage(env, env.m.caseworker.username);
    // Enrolled with her family situation on the enrolment form (its family fields axe clean).
    const enrolled = addMonths(todayInDenmark(), -3);
    await page.goto(`${env.server.url}/indskrivning`);
    await page.getByLabel('CPR-nummer').fill(makeCpr('1989-04-17', 'K', 3412));
    await follow(page, () => page.getByRole('button', { name: 'Find borger' }).click());
    await expect.poll(() => page.getByTestId('family-fields').count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.getByLabel('Fornavn').fill('Sahra');
    await page.getByLabel('Efternavn').fill('Børnepassen');
    await page.getByLabel('Oprindelsesland').selectOption('SY');
    const project = env.m.projectId;
    await page.getByLabel('Projekt').selectOption(String(project));
    await page.getByLabel('Indskrivningsdato').fill(`${Number(enrolled.slice(8))}.${Number(enrolled.slice(5, 7))}.${enrolled.slice(0, 4)}`);
    await page.getByLabel('Aktivitetsparat').check();
    await page.getByLabel('Rekrutteret via').selectOption('jobcenter');
    await page.getByLabel('Antal børn').fill('2');
    await page.getByLabel('Børnepasning og dagtilbud på plads').selectOption('nej');
    await follow(page, () => page.getByRole('button', { name: 'Indskriv' }).click());
    await page.waitForURL(/\/deltagere\/[0-9a-f-]{36}(\?|$)/);
    await expect.poll(() => page.getByTestId('family-now').textContent()).toContain('Nej, mangler');
    await expectNoAxeViolations(page);

    await tabTo(page, /^A\|\|(Ret|Registrér) familiesituation/);
    await enter(page, /\/familie$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Ret familiesituation');
    await expectNoAxeViolations(page);

    // Ages that are not numbers and an interpreter without a language: refused in Danish.
    await typeInto(page, /^INPUT\|Antal børn/, '2');
    await typeInto(page, /^INPUT\|Børnenes alder/, 'tre og et halvt');
    await tabTo(page, /^SELECT\|Brug for tolk/);
    await page.keyboard.type('Ja');
    await typeInto(page, /^INPUT\|Sprog/, '');
    await tabTo(page, /^BUTTON\|\|Gem familiesituation/);
    await enter(page, /\/familie$/);
    await expect.poll(() => page.locator('#fejlopsummering').textContent()).toContain('Skriv børnenes alder i hele år');
    await expect.poll(() => page.locator('#fejlopsummering').textContent()).toContain('Skriv, hvilket sprog hun skal have tolk på.');
    expect(await page.locator('input[name=childAges]').inputValue()).toBe('tre og et halvt');
    await expectNoAxeViolations(page);

    await typeInto(page, /^INPUT\|Børnenes alder/, '1, 6');
    await tabTo(page, /^SELECT\|Børnepasning og dagtilbud/);
    await page.keyboard.type('Delvis');
    expect(await page.locator('select[name=childcare] option:checked').textContent()).toBe('Delvis');
    await typeInto(page, /^INPUT\|Sprog/, 'arabisk');
    await tabTo(page, /^BUTTON\|\|Gem familiesituation/);
    await enter(page, /\/deltagere\/[0-9a-f-]{36}(\?|$)/);
    await expect.poll(() => page.getByTestId('family-now').textContent()).toContain('2 børn (alder 1, 6 år');
    await expect.poll(() => page.getByTestId('family-now').textContent()).toContain('Ja, arabisk');
    await expectNoAxeViolations(page);
    // Each change is in the Historik section, one key press away in her page's menu.
    await tabTo(page, /^A\|\|Historik$/);
    await enter(page, /\/historik$/);
    await expect.poll(() => page.getByTestId('family-history').textContent()).toContain('Delvis');
    await expectNoAxeViolations(page);

    const leader = await signedInPage(env, env.m.leader.username);
    await leader.goto(`${env.server.url}/styring?projekt=${project}`);
    await expect.poll(() => leader.getByTestId('tabel-familie-barrierer').count()).toBe(1);
    await expectNoAxeViolations(leader);
  });
});
