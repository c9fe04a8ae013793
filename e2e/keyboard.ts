/**
 * Keyboard-only browser tests: what has focus, and Tab until something does. One place for the
 * helpers every keyboard flow uses (casework, companies, sessions, recruitment, register …).
 */
import type { FileChooser, Page } from 'playwright-core';
import { expectNoAxeViolations, settled, WAIT_MS } from './browser.ts';

/**
 * The focused element as `TAG|label|text` (`short`), or `TAG|label|legend|text` (`legend`: the
 * legend of its fieldset too, for radio buttons and grouped fields); `collapse` folds runs of
 * white space in the text into one space.
 */
export function focused(page: Page, format: 'short' | 'legend' = 'legend', collapse = false): Promise<string> {
  return page.evaluate(
    ([withLegend, fold]) => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el) return '';
      const label = el.labels?.[0]?.textContent?.trim() ?? '';
      const text = (el.textContent ?? '').trim();
      const shown = fold ? text.replace(/\s+/g, ' ') : text;
      if (!withLegend) return `${el.tagName}|${label}|${shown}`;
      const legend = el.closest('fieldset')?.querySelector('legend')?.textContent?.trim() ?? '';
      return `${el.tagName}|${label}|${legend}|${shown}`;
    },
    [format === 'legend', collapse] as const,
  );
}

/** Press Tab until the focused element (described as `focused` does) matches `re`; fail after `max` presses. */
export async function tabUntil(page: Page, re: RegExp, opts: { max?: number; format?: 'short' | 'legend'; collapse?: boolean } = {}) {
  const { max = 300, format = 'legend', collapse = false } = opts;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (re.test(await focused(page, format, collapse))) return;
  }
  throw new Error(`Tab never reached ${re} on ${page.url()}`);
}

/** Press Enter and wait until the browser has arrived at `url` (a link or a form's button has focus). */
export async function enter(page: Page, url: RegExp) {
  await Promise.all([page.waitForURL(url, { timeout: WAIT_MS * 2 }), page.keyboard.press('Enter')]);
}

/** Tab to `target` (described as `focused` does in the `short` format), press Enter there and wait until the browser has arrived at `url`. */
export async function tabAndEnter(page: Page, target: RegExp, url: RegExp) {
  await tabUntil(page, target, { format: 'short' });
  await enter(page, url);
}

/** As tabAndEnter, then the page arrived at passes axe (expectNoAxeViolations). */
export async function tabAndEnterChecked(page: Page, target: RegExp, url: RegExp) {
  await tabAndEnter(page, target, url);
  await expectNoAxeViolations(page);
}

/**
 * Opens the focused file input's chooser with Space, as a keyboard user does. On a loaded machine
 * headless Chromium now and then drops that first key press without opening the chooser (seen in
 * CI: no "filechooser" event in 20 s with the input focused), so the press is repeated, up to three
 * times, before the test fails.
 */
export async function openFileChooserWithSpace(page: Page): Promise<FileChooser> {
  for (let attempt = 1; ; attempt++) {
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
    await page.keyboard.press('Space');
    try {
      return await chooser;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

/**
 * Sign in on `base`'s login page by keyboard only, as a keyboard user does: Tab to the user name,
 * type it, Tab to the password, type it (`demo`, as the test users have) and press Enter. Waits
 * until the browser has arrived where `landing` says (anywhere but the login page unless given).
 */
export async function signInByKeyboard(
  page: Page,
  base: string,
  username: string,
  landing: RegExp | ((u: URL) => boolean) = (u) => !u.pathname.startsWith('/login'),
) {
  await page.goto(`${base}/login`);
  await tabUntil(page, /^INPUT\|Brugernavn/, { max: 100 });
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo');
  await Promise.all([page.waitForURL(landing, { timeout: WAIT_MS * 2 }), page.keyboard.press('Enter')]);
  await settled(page);
}
