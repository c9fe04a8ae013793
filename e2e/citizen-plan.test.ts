/**
 * "Min plan" in Chromium: the caseworker opens her plan in Danish, Arabic (right to left) and
 * Somali, hands her a personal link; she opens it on a small phone without JavaScript under the
 * real CSP, switches language, prints it, answers WHO-5; the caseworker revokes the link and it
 * shows nothing. axe checks every page; lang/dir are checked on the plan block and on <html>.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, signedInPage, useServerAndBrowser } from './browser.ts';
import { addCaseRecords } from '../test/helpers/world.ts';

async function langDir(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => [el.getAttribute('lang'), el.getAttribute('dir')]);
}

describe.runIf(browserAvailable())('Min plan in Chromium', () => {
  const env = useServerAndBrowser({ municipality: true });
  let jobGoal: string;
  beforeAll(async () => {
    // Her plan has a job goal (free text the plan keeps in Danish in every language).
    jobGoal = (await addCaseRecords(env.server.t.db, env.m, env.m.women[0], 'Minplan')).jobGoal;
  });

  it('caseworker: Danish, Arabic and Somali with lang/dir per block, free text kept in Danish; link created with a QR code', async () => {
    const { server, browser } = env;
    const page = await signedInPage(env, env.m.caseworker.username);
    const id = env.m.women[0].id;
    await page.goto(`${server.url}/deltagere/${id}`);
    await page.getByRole('link', { name: 'Min plan (hendes visning)' }).click();
    await page.waitForURL(/\/min-plan$/);
    for (const [label, code, dir, title] of [
      ['Dansk', 'da', 'ltr', 'Min plan'],
      ['Arabisk', 'ar', 'rtl', 'خطتي'],
      ['Somali', 'so', 'ltr', 'Qorshahayga'],
    ] as const) {
      await page.getByLabel('Vis planen på').selectOption({ label });
      await page.getByRole('button', { name: 'Vis', exact: true }).click();
      await page.waitForURL(new RegExp(`sprog=${code}`));
      expect(await langDir(page, '[data-testid="my-plan"]')).toEqual([code, dir]);
      expect(await page.locator('html').getAttribute('lang')).toBe('da'); // the staff page around it stays Danish
      await expect.poll(() => page.locator('#mp-title').textContent()).toBe(title);
      const free = page.locator('[data-testid="my-plan"] [data-free-text]', { hasText: jobGoal }).first();
      expect(await free.evaluate((el) => [el.getAttribute('lang'), el.getAttribute('dir')])).toEqual(['da', 'ltr']);
      expect(await page.getByTestId('translation-notice').count()).toBe(code === 'da' ? 0 : 1);
      await expectNoAxeViolations(page);
    }
    await page.getByLabel('Linket åbner på').selectOption('so');
    await page.getByRole('button', { name: 'Opret personligt link' }).click();
    await expect.poll(() => page.getByTestId('link-created').count()).toBe(1);
    await expectNoAxeViolations(page);
    const url = (await page.getByTestId('citizen-url').textContent())!.trim();
    expect(url).toMatch(/\/borger\/[A-Za-z0-9_-]{43}$/);
    await page.close();

    // Her phone: small screen, no JavaScript, the real CSP.
    const phone = await browser.newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
    const her = await phone.newPage();
    const errors: string[] = [];
    her.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await her.goto(url);
    expect(await langDir(her, 'html')).toEqual(['so', 'ltr']);
    expect(await her.locator('h1').textContent()).toBe('Qorshahayga');
    expect(await her.locator('body').textContent()).toContain(jobGoal);
    expect(await her.locator('body').evaluate((b) => b.scrollWidth <= window.innerWidth + 1)).toBe(true); // no sideways scrolling
    await her.getByLabel('Luqadda').selectOption('ar');
    await her.getByRole('button', { name: 'Beddel luqadda' }).click(); // still the Somali page until sent
    await her.waitForURL(/sprog=ar/);
    expect(await langDir(her, 'html')).toEqual(['ar', 'rtl']);
    expect(await her.locator('[data-free-text]', { hasText: jobGoal }).first().getAttribute('lang')).toBe('da');
    // WHO-5 without JavaScript: a missing answer is named, her choices are kept, then it is sent.
    await her.getByRole('link', { name: 'أجيبي عن الأسئلة' }).click();
    expect(await langDir(her, '[data-testid="who5-form"]')).toEqual(['da', 'ltr']); // official Danish text: no validated Arabic one
    const radios = her.locator('fieldset');
    await radios.nth(0).getByLabel('Det meste af tiden').check();
    await her.getByRole('button', { name: 'أرسلي إجاباتي' }).click();
    await expect.poll(() => her.getByTestId('who5-errors').count()).toBe(1);
    expect(await radios.nth(0).getByLabel('Det meste af tiden').isChecked()).toBe(true);
    for (let i = 1; i < 5; i++) await radios.nth(i).getByLabel('Lidt mere end halvdelen af tiden').check();
    await her.getByRole('button', { name: 'أرسلي إجاباتي' }).click();
    await expect.poll(() => her.getByTestId('who5-thanks').count()).toBe(1);
    expect(errors.filter((e) => /Content Security Policy|Refused to/.test(e))).toEqual([]); // (the 400 of the form with a missing answer is expected)
    await phone.close();

    // axe on her pages (axe needs script injection, so a JavaScript-enabled page of the same size).
    const check = await browser.newPage({ viewport: { width: 360, height: 640 } });
    for (const u of [url, `${url}?sprog=ar`, `${url}/who5?sprog=so`, `${url}?sprog=ckb`, `${url}?sprog=ti`]) {
      await check.goto(u);
      await expectNoAxeViolations(check);
    }
    await check.goto(`${url}/who5?sprog=ar`);
    await check.getByRole('button', { name: 'أرسلي إجاباتي' }).click();
    await expect.poll(() => check.getByTestId('who5-errors').count()).toBe(1);
    await expectNoAxeViolations(check);

    // Printing her page: only the plan, not the language picker.
    await check.goto(url);
    await check.emulateMedia({ media: 'print' });
    expect(await check.locator('.language-picker').isVisible()).toBe(false);
    expect(await check.getByTestId('my-plan').isVisible()).toBe(true);
    const pdf = await check.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await check.emulateMedia({ media: 'screen' });

    // The caseworker revokes it: her link shows nothing.
    const cw = await signedInPage(env, env.m.caseworker.username);
    await cw.goto(`${server.url}/deltagere/${id}/min-plan`);
    await expect.poll(() => cw.getByTestId('citizen-links').textContent()).toContain('gange');
    await cw
      .getByRole('button', { name: /^Tilbagekald/ })
      .first()
      .click();
    await cw.waitForURL(/\/min-plan$/);
    await expect.poll(() => cw.getByTestId('citizen-links').textContent()).toContain('Tilbagekaldt');
    await expectNoAxeViolations(cw);
    await check.goto(url);
    await expect.poll(() => check.getByTestId('link-refused').count()).toBe(1);
    expect(await check.locator('body').textContent()).not.toContain(jobGoal);
    await expectNoAxeViolations(check);
    await check.close();
    // The self-reported WHO-5 on her page.
    await cw.goto(`${server.url}/deltagere/${id}/maalinger`);
    await expect.poll(() => cw.getByTestId('self-reported').count()).toBe(1);
    await cw.close();
  }, 300_000);
});
