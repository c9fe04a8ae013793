/**
 * The company register in Chromium (issue 14), axe on every page under the real CSP, with the
 * pages that show form errors: the list, a new company (bad CVR number first), its page, a
 * contact person (bad e-mail first), a logged visit, a company with women, and the
 * follow-up after hiring (no answer first). The new-company form is also driven by keyboard only.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, follow, signedInPage, submitRefused, useServerAndBrowser, WAIT_MS } from './browser.ts';
import { focused, tabUntil } from './keyboard.ts';
import { cvrMod11Ok } from '../src/domain/cvr.ts';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { addDays, addMonths } from '../src/core/dates.ts';
import { loginAs } from '../test/helpers/http.ts';

const today = todayInDenmark();
const da = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

const tabTo = (page: Page, re: RegExp) => tabUntil(page, re, { max: 200, format: 'short' });

const cvrFrom = (start: number) => {
  for (let n = start; ; n++) if (cvrMod11Ok(String(n))) return String(n);
};

describe.runIf(browserAvailable())('company register in Chromium', () => {
  const env = useServerAndBrowser({ municipality: true });

  it('creates a company, adds a contact person and a visit, and follows up a hiring, with Danish errors and no axe violations', async () => {
    // The fresh municipality's women at three companies (each made from its CVR number by the placement), the first
    // hired a month and 20 days ago: her one-month follow-up is due.
    const s = await loginAs(env.server.app, env.m.caseworker.username);
    for (const [i, w] of env.m.women.entries()) {
      const placement = {
        typeKey: i === 0 ? 'loentimer' : 'virksomhedspraktik',
        provider: `Arbejdsplads ${i + 1} ApS`,
        cvr: cvrFrom(45000000 + 1000 * i),
        companyConsent: 'navn',
        startDate: da(i === 0 ? addDays(addMonths(today, -1), -20) : addDays(today, -10)),
        endDate: '',
        hoursPerWeek: '12',
        status: 'i_gang',
      };
      expect((await s.post(`/deltagere/${w.id}/aktiviteter`, placement)).statusCode).toBe(303);
    }
    const page = await signedInPage(env, env.m.caseworker.username);
    await page.goto(`${env.server.url}/virksomheder`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Virksomheder');
    await expectNoAxeViolations(page);

    await follow(page, () => page.getByRole('link', { name: 'Opret virksomhed' }).click());
    await expectNoAxeViolations(page);
    await page.getByLabel('CVR-nummer').fill('12345678');
    await submitRefused(page, 'Gem', { cvr: 'kontrolcifferet passer ikke', name: 'Angiv virksomhedens navn.' });
    await page.getByLabel('CVR-nummer').fill(cvrFrom(43000000));
    await page.getByLabel('Navn').fill('Browservirksomheden ApS');
    await page.getByLabel('Branche (valgfri)').fill('Detail');
    await follow(page, () => page.getByRole('button', { name: 'Gem' }).click());
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Browservirksomheden ApS');
    await expectNoAxeViolations(page);

    await page.locator('summary', { hasText: 'Tilføj kontaktperson' }).click();
    await page.getByLabel('Navn').fill('Hanne Lund');
    await page.getByLabel('E-mail (valgfri)').fill('ikke-en-mail');
    const saveContactPerson = page.locator('form[action$="/kontaktpersoner"] button[type=submit]');
    await submitRefused(page, saveContactPerson, { email: 'Skriv en e-mailadresse' });
    await page.getByLabel('E-mail (valgfri)').fill('hl@browser.dk');
    await follow(page, () => saveContactPerson.click());
    await expect.poll(() => page.getByTestId('contact-persons').textContent()).toContain('Hanne Lund');

    await page.locator('summary', { hasText: 'Registrér kontakt eller besøg' }).click();
    await page.getByLabel('Slags kontakt').selectOption('besoeg');
    await page.getByLabel('Note (valgfri)').fill('Første besøg');
    await follow(page, () => page.locator('form[action$="/kontakter"] button[type=submit]').click());
    await expect.poll(() => page.getByTestId('company-contacts').textContent()).toContain('Første besøg');
    await expectNoAxeViolations(page);

    // The company with the hiring waiting for follow-up, and the follow-up form.
    await page.goto(`${env.server.url}/virksomheder`);
    const companies = await page
      .locator('main a[href^="/virksomheder/"]')
      .evaluateAll((as) => [
        ...new Set(as.map((a) => a.getAttribute('href')!).filter((h) => /^\/virksomheder\/[^/?#]+$/.test(h) && h !== '/virksomheder/ny')),
      ]);
    expect(companies.length).toBeGreaterThan(3);
    const link = page.getByRole('link', { name: /Registrér opfølgning/ }).first();
    for (const href of companies) {
      await page.goto(`${env.server.url}${href}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
      if ((await link.count()) > 0) break;
    }
    await expectNoAxeViolations(page);
    await expect.poll(() => link.count(), { timeout: WAIT_MS }).toBeGreaterThan(0);
    await follow(page, () => link.click());
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Opfølgning på ansættelse');
    await expectNoAxeViolations(page);
    await follow(page, () => page.getByRole('button', { name: 'Gem opfølgning' }).click());
    await expect.poll(() => page.locator('#fejlopsummering').textContent()).toContain('Svar om hun stadig er ansat.');
    await expectNoAxeViolations(page);
    await page.getByLabel('Ja, stadig ansat').check();
    await follow(page, () => page.getByRole('button', { name: 'Gem opfølgning' }).click());
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Opfølgningen er gemt.');
    await expectNoAxeViolations(page);
  });

  it('creates a company with the keyboard alone', async () => {
    const page = await signedInPage(env, env.m.caseworker.username);
    await page.goto(`${env.server.url}/virksomheder/ny`);
    await tabTo(page, /^INPUT\|CVR-nummer/);
    await page.keyboard.type(cvrFrom(44000000));
    await page.keyboard.press('Tab');
    expect(await focused(page, 'short')).toMatch(/^INPUT\|Navn/);
    await page.keyboard.type('Tastaturfirmaet A/S');
    await tabTo(page, /^BUTTON\|\|Gem/);
    await Promise.all([page.waitForURL(/\/virksomheder\/[0-9a-f-]{36}/, { timeout: WAIT_MS * 2 }), page.keyboard.press('Enter')]);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Tastaturfirmaet A/S');
    await expectNoAxeViolations(page);
  });
});
