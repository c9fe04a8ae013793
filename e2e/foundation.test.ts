/** A caseworker signs in, searches the list and opens a participant; axe checks each page. */
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectNoAxeViolations, follow, signedInPage, takeProblems, useServerAndBrowser } from './browser.ts';

describe.runIf(browserAvailable())('foundation in Chromium', () => {
  const env = useServerAndBrowser({ municipality: true });

  it('runs pages under the real CSP: an inline script is refused and reported, a bypass is refused', async () => {
    await expect(env.browser.newPage({ bypassCSP: true })).rejects.toThrow(/bypassCSP is not allowed/);
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/login`);
    await expectNoAxeViolations(page); // axe itself runs under the policy
    await expect(page.addScriptTag({ content: 'document.title = "injiceret"' })).rejects.toThrow(/Content Security Policy/);
    expect(await page.title()).not.toBe('injiceret');
    expect(await page.title()).toContain('Fremdrift');
    const problems = takeProblems(page);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => /^CSP on .*\/login: /.test(p))).toBe(true);
    await page.close();
  });

  it('shows a Danish login page without axe violations, and rejects a wrong password', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/login`);
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    await expectNoAxeViolations(page);
    await page.getByLabel('Brugernavn').fill(env.m.caseworker.username);
    await page.getByLabel('Adgangskode').fill('forkert');
    await follow(page, () => page.getByRole('button', { name: 'Log ind' }).click());
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Forkert brugernavn eller adgangskode');
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('signs in, searches and sorts the participant list, opens a participant, signs out', async () => {
    // The demo's caseworker: her list is the demo's Aalborg women, each marked as a synthetic demo person.
    const page = await signedInPage(env, 'sagsbehandler.aalborg');
    await follow(page, () => page.getByRole('link', { name: 'Deltagere', exact: true }).click());
    await page.waitForURL(/\/deltagere$/);
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('Aalborg');
    await expectNoAxeViolations(page);
    const rows = page.getByTestId('participant-table').locator('tbody tr');
    expect(await rows.count()).toBe(25);
    await follow(page, () => page.getByRole('link', { name: /Født/ }).click());
    await page.waitForURL(/sort=foedt/);
    const first = rows.first().locator('a');
    const name = (await first.textContent())!.trim();
    await page.getByLabel('Søg på navn, CPR-nummer eller fødselsdato').fill(name.split(' ').slice(-1)[0]);
    await follow(page, () =>
      page.getByRole('search', { name: 'Søg i deltagerlisten' }).getByRole('button', { name: 'Søg', exact: true }).click(),
    );
    await page.waitForURL(/q=/);
    await follow(page, () => page.getByRole('link', { name }).first().click());
    await page.waitForURL(/\/deltagere\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(name);
    expect(await page.getByText('Syntetisk demo-person').count()).toBe(1);
    await expectNoAxeViolations(page);
    await follow(page, () => page.getByRole('button', { name: 'Log af' }).click());
    await page.waitForURL(/\/login/);
    await page.close();
  });
});
