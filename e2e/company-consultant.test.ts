/**
 * The company consultant in Chromium (issue 14 build 2), keyboard only: from "Mine borgere" to a
 * woman's page, "Skift virksomhedskonsulent", a refused form (no choice, an impossible date) with
 * Danish errors, then a valid change; the consultant's own "Mine borgere" marks her. Axe on
 * every page under the real CSP.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, signedInPage, useServerAndBrowser } from './browser.ts';
import { enter, tabUntil } from './keyboard.ts';
import { addUser, type TestUser } from '../test/helpers/world.ts';

const tabTo = (page: Page, re: RegExp) => tabUntil(page, re, { format: 'short' });

describe.runIf(browserAvailable())('company consultant in Chromium', () => {
  const env = useServerAndBrowser({ municipality: true });
  /** The jobcentre's company consultant (a caseworker by role, as the demo's are). */
  let consultant: TestUser;
  beforeAll(async () => {
    consultant = await addUser(env.server.t.db, env.m, 'sagsbehandler', 'Virksomhedskonsulent');
  });

  it('changes her company consultant with the keyboard alone, with Danish errors first, and the consultant sees her', async () => {
    const page = await signedInPage(env, env.m.caseworker.username);
    await page.goto(`${env.server.url}/mine-borgere?sortering=navn`);
    await expectNoAxeViolations(page);
    const name = (await page.locator('table a[href^="/deltagere/"]').first().textContent())!.trim();
    await tabTo(page, new RegExp(`^A\\|\\|${name}`));
    await enter(page, /\/deltagere\/[0-9a-f-]{36}/);
    await expectNoAxeViolations(page);

    await tabTo(page, /^A\|\|Skift virksomhedskonsulent/);
    await enter(page, /\/virksomhedskonsulent$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Skift virksomhedskonsulent');
    await expectNoAxeViolations(page);

    // No choice and an impossible date: refused in Danish.
    await tabTo(page, /^INPUT\|Fra dato/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('31.02.2026');
    await tabTo(page, /^BUTTON\|\|Gem virksomhedskonsulent/);
    await enter(page, /\/virksomhedskonsulent$/);
    await expect.poll(() => page.locator('#fejlopsummering').textContent()).toContain('Vælg en virksomhedskonsulent');
    await expect.poll(() => page.locator('#fejlopsummering').textContent()).toContain('31. februar 2026 findes ikke.');
    await expectNoAxeViolations(page);

    // Choose by typing on the focused list, and a good date.
    await tabTo(page, /^SELECT\|Virksomhedskonsulent/);
    await page.keyboard.type('Virksomhedskonsulent');
    expect(await page.locator('select[name=consultantId] option:checked').textContent()).toBe(`Virksomhedskonsulent ${env.m.name}`);
    await tabTo(page, /^INPUT\|Fra dato/);
    await page.keyboard.press('Control+A');
    const d = new Date();
    await page.keyboard.type(`${d.getDate()}.${d.getMonth() + 1}.${d.getFullYear()}`);
    await tabTo(page, /^BUTTON\|\|Gem virksomhedskonsulent/);
    await enter(page, /\/deltagere\/[0-9a-f-]{36}(\?|$)/);
    await expect.poll(() => page.getByTestId('consultant').textContent()).toContain(`Virksomhedskonsulent ${env.m.name}`);
    await expectNoAxeViolations(page);
    // Who was her consultant when: in the Historik section, reached through the section menu.
    await tabTo(page, /^A\|\|Historik/);
    await enter(page, /\/historik$/);
    await expect.poll(() => page.getByTestId('consultant-history').textContent()).toContain(`Virksomhedskonsulent ${env.m.name}`);
    await expectNoAxeViolations(page);

    // The consultant's own Mine borgere marks her (and only her: she is the consultant of nobody else).
    const other = await signedInPage(env, consultant.username);
    await other.goto(`${env.server.url}/mine-borgere?sortering=navn`);
    await expect.poll(() => other.getByTestId('as-consultant').count()).toBe(1);
    expect(await other.locator('tbody tr', { has: other.getByTestId('as-consultant') }).textContent()).toContain(name);
    await expectNoAxeViolations(other);
  });
});
