/**
 * Debian's Chromium driven by playwright-core, plus axe-core for WCAG 2.1 AA checks.
 * Outside CI the browser tests are left out (with the reason printed) when Chromium is missing;
 * in CI it is required.
 *
 * Every page runs under the server's real Content-Security-Policy: `newPage`/`newContext` refuse
 * `bypassCSP`, and each page records what the policy (or the page) complained about. Axe is
 * injected through the DevTools protocol (`page.evaluate`), which the policy does not govern, so
 * no inline script is needed; the page's own scripts stay under the policy. A test fails when a
 * page it opened logged a CSP violation, threw, or failed to load a sub-resource.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { startServer, type RunningServer } from '../test/helpers/server.ts';
import { createMunicipality, type TestMunicipality } from '../test/helpers/world.ts';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { addDays } from '../src/core/dates.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Waits in browser tests: generous, the CI machine has two busy cores. */
export const WAIT_MS = 20_000;

export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium is required in CI but missing at ${CHROMIUM}`);
  console.warn(`[e2e] ${CHROMIUM} not found: browser tests not run (apt-get install -y chromium).`);
  return false;
}

interface Watch {
  /** CSP violations, uncaught errors and failed sub-resources, in order. */
  problems: string[];
  /** Main-frame navigations started and not yet committed. */
  pending: number;
  /** The Content-Security-Policy header of the document now shown. */
  csp: string | null;
}
const watched = new WeakMap<Page, Watch>();
const openPages = new Set<Page>();

function watch(page: Page): Page {
  const w: Watch = { problems: [], pending: 0, csp: null };
  watched.set(page, w);
  openPages.add(page);
  page.setDefaultTimeout(WAIT_MS);
  page.setDefaultNavigationTimeout(WAIT_MS * 2);
  page.on('close', () => openPages.delete(page));
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) w.problems.push(`CSP on ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.problems.push(`uncaught error on ${page.url()}: ${e.message}`));
  page.on('request', (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) w.pending++;
  });
  page.on('requestfailed', (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) w.pending = Math.max(0, w.pending - 1);
    // A sub-resource the browser itself cancelled because the page moved on (net::ERR_ABORTED) is not
    // missing; anything else that failed (refused, blocked, not found) is a problem of the page.
    else if (r.failure()?.errorText !== 'net::ERR_ABORTED')
      w.problems.push(`failed to load ${r.url()} on ${page.url()}: ${r.failure()?.errorText}`);
  });
  page.on('download', () => {
    w.pending = 0;
  });
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) w.pending = 0;
  });
  page.on('response', async (r) => {
    const req = r.request();
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) {
      if (r.status() < 300 || r.status() >= 400) w.csp = (await r.headerValue('content-security-policy').catch(() => null)) ?? null;
    } else if (r.status() >= 400) {
      w.problems.push(`HTTP ${r.status()} for ${r.url()} on ${page.url()}`);
    }
  });
  return page;
}

function refuseBypass(o?: BrowserContextOptions) {
  if (o?.bypassCSP) throw new Error('Browser tests run under the real Content-Security-Policy: bypassCSP is not allowed');
}

/** Chromium whose pages and contexts are all watched and never bypass the CSP. */
function instrument(browser: Browser): Browser {
  const newPage = browser.newPage.bind(browser);
  const newContext = browser.newContext.bind(browser);
  browser.newPage = async (o?: BrowserContextOptions) => {
    refuseBypass(o);
    return watch(await newPage(o));
  };
  browser.newContext = async (o?: BrowserContextOptions) => {
    refuseBypass(o);
    const ctx: BrowserContext = await newContext(o);
    ctx.on('page', watch);
    return ctx;
  };
  return browser;
}

export async function launch(): Promise<Browser> {
  return instrument(
    await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    }),
  );
}

/** What the page has complained about so far (and forget it): CSP violations, errors, failed loads. */
export function takeProblems(page: Page): string[] {
  const w = watched.get(page);
  if (!w) throw new Error('page was not opened through e2e/browser.ts (launch/useServerAndBrowser)');
  return w.problems.splice(0);
}

/** Fail if any page opened since the last check logged a CSP violation, threw or failed a load. */
export function expectNoPageProblems(page?: Page) {
  const pages = page ? [page] : [...openPages];
  expect(pages.flatMap((p) => (watched.has(p) ? takeProblems(p) : []))).toEqual([]);
}

/** Run `action` (a click or key press that leaves the page) and wait until the next page has loaded. */
export async function follow(page: Page, action: () => Promise<unknown>) {
  await Promise.all([page.waitForEvent('load', { timeout: WAIT_MS * 2 }), action()]);
}

/** Wait until no main-frame navigation is under way and the shown document has loaded. */
export async function settled(page: Page) {
  const w = watched.get(page);
  if (!w) throw new Error('page was not opened through e2e/browser.ts (launch/useServerAndBrowser)');
  await expect.poll(() => w.pending, { timeout: WAIT_MS * 2, message: `navigation on ${page.url()} never finished` }).toBe(0);
  await page.waitForLoadState('load');
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Axe leaves "incomplete" what it cannot decide; those are reported as failures too, except
 * colour contrast, which is then decided here: the text colour (or SVG fill) against the colour
 * actually painted beneath the text's centre (the topmost filled SVG shape or element background
 * there, decorative background images such as a select's arrow or an alert's stripe ignored).
 */
interface AxeNode {
  target: string[];
  any: { message: string }[];
}
interface AxeRule {
  id: string;
  help: string;
  nodes: AxeNode[];
}

/** Run axe for WCAG 2.0/2.1 A and AA on the page, under its CSP, and fail with a readable list. */
export async function expectNoAxeViolations(page: Page) {
  await settled(page);
  const w = watched.get(page)!;
  // The page's own policy must be in force: the header is the server's and nothing bypasses it.
  expect(w.csp, `CSP header on ${page.url()}`).toMatch(/script-src 'self'/);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const r = await page.evaluate(async (tags) => {
    // @ts-expect-error injected global
    const res = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return { violations: res.violations as AxeRule[], incomplete: res.incomplete as AxeRule[], passes: (res.passes as unknown[]).length };
  }, WCAG_AA);
  const summary = (rules: AxeRule[]) =>
    rules.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  expect(r.passes, `axe ran on ${page.url()}`).toBeGreaterThan(0);
  expect(summary(r.violations), `axe violations on ${page.url()}`).toEqual([]);

  const undecided = r.incomplete.filter((v) => v.id !== 'color-contrast');
  const contrastTargets = r.incomplete.filter((v) => v.id === 'color-contrast').flatMap((v) => v.nodes.map((n) => n.target));
  const contrast = await page.evaluate(decideContrast, contrastTargets);
  expect({ undecided: summary(undecided), lowContrast: contrast.filter((c) => !c.ok) }, `axe incomplete on ${page.url()}`).toEqual({
    undecided: [],
    lowContrast: [],
  });
  expectNoPageProblems(page);
}

/** Runs in the page: contrast of each target against what is painted beneath it. */
function decideContrast(targets: string[][]) {
  const parse = (c: string): [number, number, number, number] | null => {
    const m = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+))?\)/.exec(c);
    return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
  };
  const lum = ([r, g, b]: number[]) => {
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const shapes = new Set(['rect', 'path', 'circle', 'polygon', 'ellipse', 'line', 'polyline']);
  return targets.map((t) => {
    const sel = t[t.length - 1];
    const el = document.querySelector(sel);
    if (!el) return { target: sel, ok: false, why: 'not found' };
    const cs = getComputedStyle(el);
    const isSvg = el instanceof SVGElement;
    const fg = parse(isSvg ? cs.fill : cs.color);
    if (!fg || fg[3] < 1 || Number(cs.opacity) < 1)
      return { target: sel, ok: false, why: `foreground ${isSvg ? cs.fill : cs.color} opacity ${cs.opacity}` };
    const box = el.getBoundingClientRect();
    const under = document.elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    let bg: [number, number, number, number] | null = null;
    for (const u of under) {
      if (u === el || el.contains(u)) continue;
      const us = getComputedStyle(u);
      const svgShape = u instanceof SVGElement && shapes.has(u.tagName);
      const c = parse(u instanceof SVGElement ? (svgShape ? us.fill : 'rgba(0,0,0,0)') : us.backgroundColor);
      // An SVG shape's paint is its fill times its fill-opacity and opacity (a hit area has 0).
      if (c && svgShape) c[3] *= Number(us.fillOpacity) * Number(us.opacity);
      if (!c || c[3] === 0) continue;
      if (c[3] < 1) return { target: sel, ok: false, why: `translucent background on ${u.tagName}` };
      bg = c;
      break;
    }
    bg ??= [255, 255, 255, 1]; // the canvas
    const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(cs.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
    const need = large ? 3 : 4.5;
    return { target: sel, ok: ratio >= need, why: `${ratio.toFixed(2)} < ${need} (${fg} on ${bg})` };
  });
}

export async function signIn(page: Page, base: string, username: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill('demo');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** A new page (with `options`, e.g. a viewport or downloads) of the block's Chromium (useServerAndBrowser), signed in as `username`. */
export async function signedInPage(
  env: { server: RunningServer; browser: Browser },
  username: string,
  options?: BrowserContextOptions,
): Promise<Page> {
  const page = await env.browser.newPage(options);
  await signIn(page, env.server.url, username);
  return page;
}

/**
 * Submit the page's form with the button named `submit` (or the locator `submit`): it comes back
 * refused, with each message of `errors` beside its field (`#f-<field>-error`), and the page with
 * its errors passes axe.
 */
export async function submitRefused(page: Page, submit: string | Locator, errors: Record<string, string>) {
  await follow(page, () => (typeof submit === 'string' ? page.getByRole('button', { name: submit }) : submit).click());
  for (const [field, text] of Object.entries(errors))
    await expect.poll(() => page.locator(`#f-${field}-error`).textContent()).toContain(text);
  await expectNoAxeViolations(page);
}

/**
 * Set-up (not a flow under test): the signed-in caseworker enrols a new woman through the
 * enrolment form, recruited by the jobcentre, on `enrolledOn` (YYYY-MM-DD). Ends on her page;
 * returns its URL without the query.
 */
export async function enrolThroughForm(
  page: Page,
  base: string,
  w: { cpr: string; firstName: string; lastName: string; country: string; enrolledOn: string; visitation: 'Aktivitetsparat' | 'Jobparat' },
): Promise<string> {
  await page.goto(`${base}/indskrivning`);
  await page.getByLabel('CPR-nummer').fill(w.cpr);
  await follow(page, () => page.getByRole('button', { name: 'Find borger' }).click());
  await page.getByLabel('Fornavn').fill(w.firstName);
  await page.getByLabel('Efternavn').fill(w.lastName);
  await page.getByLabel('Oprindelsesland').selectOption(w.country);
  await page.getByLabel('Indskrivningsdato').fill(`${w.enrolledOn.slice(8, 10)}-${w.enrolledOn.slice(5, 7)}-${w.enrolledOn.slice(0, 4)}`);
  await page.getByLabel(w.visitation).check();
  await page.getByLabel('Rekrutteret via').selectOption('jobcenter');
  await follow(page, () => page.getByRole('button', { name: 'Indskriv' }).click());
  await page.waitForURL(/\/deltagere\/[0-9a-f-]{36}(\?|$)/);
  return page.url().split('?')[0];
}

/**
 * Set-up (not a flow under test): a new page signed in as the block's fresh municipality's
 * caseworker (useServerAndBrowser with `municipality`), who enrols `w` as aktivitetsparat through
 * the form (enrolThroughForm), enrolled `daysAgo` days before today. Returns the page, on her page,
 * and her page's URL without the query.
 */
export async function caseworkerEnrols(
  env: { server: RunningServer; browser: Browser; m: TestMunicipality },
  w: { cpr: string; firstName: string; lastName: string; country: string },
  daysAgo: number,
): Promise<{ page: Page; herPage: string }> {
  const page = await signedInPage(env, env.m.caseworker.username);
  const herPage = await enrolThroughForm(page, env.server.url, {
    ...w,
    enrolledOn: addDays(todayInDenmark(), -daysAgo),
    visitation: 'Aktivitetsparat',
  });
  return { page, herPage };
}

/**
 * One server over a fresh test database and one Chromium for the tests of a describe block; with
 * `municipality`, also a fresh municipality on that database (`env.m`: its own project, caseworker,
 * project leader and women, test/helpers/world.ts), so the block signs in as none of the demo's users.
 * After each test, no page it opened may have logged a CSP violation, thrown or failed a load.
 */
export function useServerAndBrowser(opts: { municipality?: boolean } = {}) {
  // A whole flow in Chromium on a busy two-core machine takes minutes, not the default minute.
  vi.setConfig({ testTimeout: 300_000 });
  const env = {} as { server: RunningServer; browser: Browser; m: TestMunicipality };
  beforeAll(async () => {
    env.server = await startServer();
    env.browser = await launch();
    if (opts.municipality) env.m = await createMunicipality(env.server.t.db);
  });
  afterEach(() => expectNoPageProblems());
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * A folder of the describe block's own for the files its tests upload (made before its tests,
 * removed after them). Returns `write(name, text)`, which puts a file there and returns its path.
 */
export function useUploadFiles() {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fremdrift-e2e-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
}
