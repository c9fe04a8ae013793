/**
 * A caseworker's day in Chromium: enrol a new woman, write her plan, add an internship and a
 * conversation, score WHO-5 twice and see the alert on Mine borgere appear and go away, then
 * exit her. axe checks every page of the flow, including the pages with form errors.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, follow, signedInPage, submitRefused, useServerAndBrowser } from './browser.ts';
import { makeCpr } from '../src/core/cpr.ts';
import { cvrMod11Ok } from '../src/domain/cvr.ts';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { addDays } from '../src/core/dates.ts';
import { addAssessments, addCaseRecords } from '../test/helpers/world.ts';

const today = todayInDenmark();
const da = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const validCvr = () => {
  for (let n = 20000000; ; n++) if (cvrMod11Ok(String(n))) return String(n);
};

describe.runIf(browserAvailable())('casework in Chromium (mouse)', () => {
  const env = useServerAndBrowser({ municipality: true });

  async function alertCodesFor(page: Page, name: string) {
    await page.goto(`${env.server.url}/mine-borgere`);
    // Her row must be there (with its alert cell) before the absence of an alert means anything.
    const row = page.locator('tbody tr', { hasText: name });
    await expect.poll(() => row.count(), { message: `${name} on Mine borgere` }).toBe(1);
    await expect
      .poll(() => row.locator('[data-testid="alerts"], [data-testid="no-alerts"]').count(), { message: `alert cell for ${name}` })
      .toBe(1);
    return row.locator('[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  }

  it('walks a caseworker through enrolment, plan, internship, conversation, WHO-5 twice and exit', async () => {
    const page = await signedInPage(env, env.m.caseworker.username);
    await page.goto(`${env.server.url}/mine-borgere`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mine borgere');
    await expectNoAxeViolations(page);

    await follow(page, () => page.getByRole('link', { name: 'Indskriv borger' }).click());
    await page.waitForURL(/\/indskrivning$/);
    await expectNoAxeViolations(page);
    await page.getByLabel('CPR-nummer').fill('320190-1234');
    await submitRefused(page, 'Find borger', { cpr: 'gyldig dato' });
    await page.getByLabel('CPR-nummer').fill(makeCpr('1985-03-09', 'K', 901));
    await follow(page, () => page.getByRole('button', { name: 'Find borger' }).click());
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Indskriv ny borger');
    await expectNoAxeViolations(page);

    // First try without names: Danish errors beside the fields, typed values kept.
    await page.getByLabel('Fornavn').fill('Leyla');
    await page.getByLabel('Oprindelsesland').selectOption('IQ');
    await submitRefused(page, 'Indskriv', { lastName: 'Angiv efternavn.' });
    expect(await page.getByLabel('Fornavn').inputValue()).toBe('Leyla');
    // The error summary takes focus (a screen reader reads it first) and lists the errors in the
    // form's order (issue 18 point 5).
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('fejlopsummering');
    const listed = await page.locator('#fejlopsummering a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)));
    const inForm = await page.locator('form [id^="f-"]').evaluateAll((els) => els.map((e) => e.id));
    expect(listed.length).toBeGreaterThan(1);
    const at = listed.map((id) => inForm.indexOf(id));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    await page.getByLabel('Efternavn').fill('Karimi');
    // The jobcentre has one project: it is chosen already (issue 18).
    expect(await page.getByLabel('Projekt').inputValue()).not.toBe('');
    await page.getByLabel('Aktivitetsparat').check();
    await page.getByLabel('Rekrutteret via').selectOption('boligomraade');
    await follow(page, () => page.getByRole('button', { name: 'Indskriv' }).click());
    await page.waitForURL(/\/deltagere\/[0-9a-f-]{36}(\?|$)/);
    const herPage = page.url().split('?')[0];
    await expect.poll(() => page.getByTestId('project-marking').textContent()).toContain('Deltager i');
    await expectNoAxeViolations(page);

    await follow(page, () => page.getByRole('link', { name: 'Plan', exact: true }).click());
    await expectNoAxeViolations(page);
    await page.getByLabel('Jobmål').fill('Køkkenmedhjælper');
    await page.getByLabel('A-job (det job, hun helst vil have)').fill('Kok');
    await page.getByLabel('B-job (et beslægtet job)').fill('Køkkenmedhjælper');
    await page.getByLabel('C-job (et job inden for rækkevidde nu)').fill('Opvasker');
    await page.getByLabel('CV er lagt på Jobnet').check();
    await submitRefused(page, 'Gem plan', { cvDate: 'Angiv datoen' });
    expect(await page.getByLabel('Jobmål').inputValue()).toBe('Køkkenmedhjælper');
    await page.getByLabel('Dato for CV på Jobnet').fill(da(today));
    await page.getByLabel(/^Delmål 1/).fill('Praktik i et storkøkken');
    await page.getByLabel('Frist for delmål 1').fill('01-01-2099');
    await follow(page, () => page.getByRole('button', { name: 'Gem plan' }).click());
    await page.waitForURL((u) => u.href.split('?')[0] === herPage);
    // The plan's history is one click away, through the section menu.
    await follow(page, () => page.getByTestId('section-nav').getByRole('link', { name: 'Historik' }).click());
    await page.waitForURL(`${herPage}/historik`);
    await expect.poll(() => page.getByTestId('plan-history').textContent()).toContain('Køkkenmedhjælper');

    await follow(page, () => page.getByRole('link', { name: 'Ny aktivitet' }).click());
    await page.getByLabel('Aktivitetstype').selectOption('virksomhedspraktik');
    await page.getByLabel('Udbyder eller virksomhed').fill('Storkøkkenet ApS');
    await page.getByLabel('CVR-nummer').fill('12345678');
    await page.getByLabel('Status').selectOption('i_gang');
    await submitRefused(page, 'Gem aktivitet', {
      cvr: 'CVR-nummeret er ugyldigt',
      companyConsent: 'Angiv om virksomheden må få oplysninger om hende.',
    });
    await page.getByLabel('CVR-nummer').fill(validCvr());
    await page.getByLabel(/^Ja: virksomheden må kende hendes navn/).check();
    await page.getByLabel('Timer pr. uge').fill('18,5');
    await follow(page, () => page.getByRole('button', { name: 'Gem aktivitet' }).click());
    await page.waitForURL((u) => u.href.split('?')[0] === `${herPage}/aktiviteter`);
    await expect.poll(() => page.getByTestId('saved-notice').textContent()).toContain('Aktiviteten er gemt.');
    await expect.poll(() => page.getByTestId('activities').textContent()).toContain('Virksomhedspraktik');

    await follow(page, () => page.getByRole('link', { name: 'Ny samtale' }).click());
    await expectNoAxeViolations(page);
    await page.getByLabel('Der blev brugt tolk').check();
    await page.getByLabel('Kort notat').fill('Første samtale om praktik.');
    await follow(page, () => page.getByRole('button', { name: 'Gem samtale' }).click());
    await page.waitForURL((u) => u.href.split('?')[0] === `${herPage}/samtaler`);
    await expect.poll(() => page.getByTestId('conversations').textContent()).toContain('Første samtale om praktik.');

    expect(await alertCodesFor(page, 'Leyla Karimi')).not.toContain('who5_lav');
    await page.goto(herPage);
    await follow(page, () => page.getByRole('link', { name: 'Ny WHO-5' }).click());
    await expectNoAxeViolations(page);
    for (const g of await page.locator('fieldset').all()) await g.getByLabel(/^1:/).check();
    await follow(page, () => page.getByRole('button', { name: 'Gem måling' }).click());
    await page.waitForURL((u) => u.href.split('?')[0] === `${herPage}/maalinger`);
    expect(await alertCodesFor(page, 'Leyla Karimi')).toContain('who5_lav');
    await expectNoAxeViolations(page);

    await page.goto(herPage);
    await follow(page, () => page.getByRole('link', { name: 'Ny WHO-5' }).click());
    for (const g of await page.locator('fieldset').all()) await g.getByLabel(/^4:/).check();
    await follow(page, () => page.getByRole('button', { name: 'Gem måling' }).click());
    await page.waitForURL((u) => u.href.split('?')[0] === `${herPage}/maalinger`);
    await expect.poll(() => page.getByTestId('distance-who5').textContent()).toContain('+60');
    expect(await alertCodesFor(page, 'Leyla Karimi')).not.toContain('who5_lav');

    await page.goto(`${herPage}/tidslinje`);
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('Måling: WHO-5');
    await follow(page, () => page.getByRole('link', { name: 'Afslut forløb' }).click());
    await expectNoAxeViolations(page);
    await page.getByLabel('Årsag').selectOption('uddannelse');
    await follow(page, () => page.getByRole('button', { name: 'Afslut forløb' }).click());
    await page.waitForURL((u) => u.href.split('?')[0] === herPage);
    await follow(page, () => page.getByTestId('section-nav').getByRole('link', { name: 'Tidslinje' }).click());
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('Udskrevet af projektet');
    await expectNoAxeViolations(page);
    await follow(page, () => page.getByRole('link', { name: 'Indskriv igen' }).click());
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Indskriv igen');
    await page.getByLabel('Rekrutteret via').selectOption('jobcenter');
    await submitRefused(page, 'Indskriv', { enrolmentDate: 'overlapper' });
    await page.close();
  });

  it('corrects and deletes records, and the project leader pages pass axe (also with errors)', async () => {
    // The fresh municipality's women get case files: an activity, a conversation, and two Fremdriftstrappen and
    // WHO-5 scores each (the last WHO-5 low, so each has an alert), so the Progression page has distances to show.
    const db = env.server.t.db;
    for (const [i, w] of env.m.women.entries()) {
      await addCaseRecords(db, env.m, w, `Sagsmappe${i}`);
      await addAssessments(db, env.m, w, [
        { instrument: 'fremdriftstrappen', on: addDays(today, -100), all: 2 },
        { instrument: 'fremdriftstrappen', on: addDays(today, -10), all: 3 },
        { instrument: 'who5', on: addDays(today, -100), all: 3 },
        { instrument: 'who5', on: addDays(today, -10), all: 1 },
      ]);
    }
    const page = await signedInPage(env, env.m.caseworker.username);
    await page.goto(`${env.server.url}/mine-borgere?sort=varsler&kunVarsler=ja`);
    await expectNoAxeViolations(page);
    await follow(page, () => page.locator('tbody tr a').first().click());
    await page.waitForURL(/\/deltagere\/[0-9a-f-]{36}(\?|$)/);
    const herPage = page.url().split('?')[0];
    await expectNoAxeViolations(page);
    await page.goto(`${herPage}/aktiviteter`);
    await follow(page, () => page.getByTestId('activities').getByRole('link', { name: /^Ret/ }).first().click());
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Ret aktivitet');
    await page.getByLabel('Startdato').fill('99-99-2024');
    await submitRefused(page, 'Gem aktivitet', { startDate: 'Måned 99 findes ikke.' });
    await page.goto(`${herPage}/samtaler`);
    const before = await page.getByTestId('conversations').locator('tbody tr').count();
    await follow(page, () => page.getByTestId('conversations').getByRole('link', { name: /^Slet/ }).first().click());
    await page.waitForURL(/\/slet$/);
    await expectNoAxeViolations(page);
    await follow(page, () => page.getByRole('button', { name: 'Ja, slet' }).click());
    await page.waitForURL((u) => u.href.split('?')[0] === `${herPage}/samtaler`);
    expect(await page.getByTestId('conversations').locator('tbody tr').count()).toBe(before - 1);
    await follow(page, () => page.getByRole('link', { name: 'Ny Fremdriftstrappen' }).click());
    await expectNoAxeViolations(page);
    await follow(page, () => page.getByRole('button', { name: 'Gem måling' }).click());
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Vælg et svar på');
    await expectNoAxeViolations(page);
    await follow(page, () => page.getByRole('link', { name: 'Progression' }).click());
    await page.waitForURL(/\/progression$/);
    // Distance travelled per visitation (issue 13): an SVG chart named for assistive technology, with its table as text alternative.
    const chart = page.getByRole('img', { name: /^Distance travelled på Fremdriftstrappen efter visitation/ });
    expect(await chart.count()).toBe(1);
    expect(await chart.getAttribute('aria-label')).toMatch(/Jobparat|Aktivitetsparat/);
    expect(
      await page
        .getByRole('table', { name: /^Fremdriftstrappen: gennemsnitlig ændring/ })
        .locator('tbody tr')
        .count(),
    ).toBe(1 + 1 + 7);
    expect(await page.getByRole('table', { name: /^WHO-5.*gennemsnitlig ændring/ }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.close();

    // The fresh municipality's project leader: her project's rules and activity types are her own.
    const leader = await signedInPage(env, env.m.leader.username);
    await follow(leader, () => leader.getByRole('link', { name: 'Projekt', exact: true }).click());
    await leader.waitForURL(/\/projekt$/);
    await expectNoAxeViolations(leader);
    await leader.getByLabel('Største sagsstamme pr. sagsbehandler').fill('0');
    await submitRefused(leader, 'Gem opfølgningsregler', { caseloadLimit: 'mindst 1' });
    await leader.getByLabel('Navn', { exact: true }).fill('Cykelkursus');
    await leader.getByLabel('Nøgle').fill('Cykel!');
    await leader.getByLabel('Kategori').selectOption('social_sundhed');
    await submitRefused(leader, 'Tilføj aktivitetstype', { key: 'Nøglen skal være' });
    await leader.getByLabel('Nøgle').fill('cykelkursus');
    await follow(leader, () => leader.getByRole('button', { name: 'Tilføj aktivitetstype' }).click());
    await expect.poll(() => leader.getByTestId('project-types').textContent()).toContain('Cykelkursus');
    await leader.goto(`${env.server.url}/mine-borgere`);
    await expectNoAxeViolations(leader);
    await leader.close();
  });
});
