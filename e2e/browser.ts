/**
 * Debian's Chromium driven by playwright-core, plus axe-core for WCAG 2.1 AA checks.
 * Outside CI the browser tests are left out (with the reason printed) when Chromium is missing;
 * in CI it is required.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startServer, type RunningServer } from '../test/helpers/server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium is required in CI but missing at ${CHROMIUM}`);
  console.warn(`[e2e] ${CHROMIUM} not found: browser tests not run (apt-get install -y chromium).`);
  return false;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Run axe for WCAG 2.0/2.1 A and AA on the page and fail with a readable list of violations. */
export async function expectNoAxeViolations(page: Page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // @ts-expect-error injected global
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v: { id: string; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
  expect(result, `axe on ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, base: string, username: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill('demo');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** One server over a fresh test database and one Chromium for the tests of a describe block. */
export function useServerAndBrowser() {
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
