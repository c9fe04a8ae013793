/**
 * Her page in sections (issue 13, build 5): a short overview (alerts, next step, enrolment facts,
 * plan) measured in Chromium on the demo woman with the most records, every section one click
 * away in a side menu with its own URL and aria-current, axe-clean; and no list bullet before a
 * row of buttons (the shared .action-list / .download-list) on the pages that have them.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, follow, signedInPage, useServerAndBrowser } from './browser.ts';

const SECTIONS = ['Overblik', 'Aktiviteter', 'Samtaler', 'Målinger', 'Fritagelser', 'Dansk', 'Historik', 'Tidslinje', 'Registerdata'];

/** Every item of a row of buttons or links (and any list item holding a button), with what its ::before draws. */
async function bulletsBeforeButtons(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('li')]
      .filter(
        (li) =>
          li.parentElement?.matches('.action-list, .download-list') ||
          li.querySelector(':scope > .button, :scope > button, :scope > form button'),
      )
      .map((li) => ({ text: (li.textContent ?? '').trim().slice(0, 40), before: getComputedStyle(li, '::before').content })),
  );
}
const drawsNothing = (content: string) => content === 'none' || content === 'normal' || content === '""';

describe.runIf(browserAvailable())('her page in sections, in Chromium', () => {
  const env = useServerAndBrowser();

  /**
   * The Aalborg woman still enrolled (so her page shows her alerts) with the most records in her case file (activities,
   * conversations, measurements, plan changes).
   */
  async function busiestWoman() {
    const r = await env.server.t.db.query<{ id: string; n: number }>(
      `SELECT participant_id AS id, count(*)::int AS n FROM (
         SELECT participant_id FROM casework_activity UNION ALL SELECT participant_id FROM casework_conversation
         UNION ALL SELECT participant_id FROM casework_assessment UNION ALL SELECT participant_id FROM casework_plan_change
       ) x JOIN participant p ON p.id = x.participant_id WHERE p.municipality_code = '851'
         AND EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = p.id AND e.exited_on IS NULL)
       GROUP BY participant_id ORDER BY n DESC, participant_id LIMIT 1`,
    );
    return r.rows[0];
  }

  it('shows a short overview of the busiest woman and every section one click away, axe-clean', async () => {
    const woman = await busiestWoman();
    expect(woman.n).toBeGreaterThan(20);
    const page = await signedInPage(env, 'sagsbehandler.aalborg', { viewport: { width: 1280, height: 900 } });
    const herPage = `${env.server.url}/deltagere/${woman.id}`;
    await page.goto(herPage);

    // The overview: alerts, next step, enrolment facts and plan, and none of the long lists.
    await expect.poll(() => page.locator('#forloeb-heading').count()).toBe(1);
    expect(await page.getByTestId('enrolment-facts').count()).toBe(1);
    expect(await page.locator('[data-testid="alerts"], [data-testid="no-alerts"]').count()).toBe(1);
    for (const long of ['timeline', 'activities', 'conversations', 'assessments', 'plan-history'])
      expect(await page.getByTestId(long).count()).toBe(0);
    const overviewHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`[person page] overview of the busiest demo woman (${woman.n} records): ${overviewHeight} px tall`);
    expect(overviewHeight).toBeLessThan(2500);

    // The menu: every section, the open one marked, in order.
    const nav = page.getByTestId('section-nav');
    expect(await nav.getByRole('link').allTextContents()).toEqual(SECTIONS);
    expect(await nav.locator('[aria-current="page"]').textContent()).toBe('Overblik');
    await expectNoAxeViolations(page);

    // Each section by one click, its own URL, marked current, with its content; all taller together than the overview.
    const expected: Record<string, { path: string; testid: string }> = {
      Aktiviteter: { path: '/aktiviteter', testid: 'activities' },
      Samtaler: { path: '/samtaler', testid: 'conversations' },
      Målinger: { path: '/maalinger', testid: 'section-maalinger' },
      Fritagelser: { path: '/fritagelser', testid: 'section-fritagelser' },
      Dansk: { path: '/dansk', testid: 'danish-section' },
      Historik: { path: '/historik', testid: 'section-historik' },
      Tidslinje: { path: '/tidslinje', testid: 'timeline' },
      Registerdata: { path: '/register', testid: 'section-body' },
    };
    let sectionsHeight = 0;
    for (const [label, { path, testid }] of Object.entries(expected)) {
      await follow(page, () => page.getByTestId('section-nav').getByRole('link', { name: label, exact: true }).click());
      expect(page.url()).toBe(`${herPage}${path}`);
      expect(await page.getByTestId('section-nav').locator('[aria-current="page"]').textContent()).toBe(label);
      expect(await page.getByTestId(testid).count()).toBe(1);
      sectionsHeight += await page.evaluate(() => document.documentElement.scrollHeight);
      await expectNoAxeViolations(page);
    }
    expect(sectionsHeight).toBeGreaterThan(overviewHeight * 2);
    await page.close();
  });

  it('draws no list bullet before a row of buttons or links (her actions, the Styring tabs, downloads)', async () => {
    const woman = await busiestWoman();
    const checks: [string, string][] = [
      ['sagsbehandler.aalborg', `/deltagere/${woman.id}`],
      ['projektleder.aalborg', '/styring'],
      ['analytiker.siri', '/nationalt'],
    ];
    for (const [user, path] of checks) {
      const page = await signedInPage(env, user);
      await page.goto(`${env.server.url}${path}`);
      const items = await bulletsBeforeButtons(page);
      expect(items.length, `list items with buttons on ${path}`).toBeGreaterThan(0);
      expect(
        items.filter((i) => !drawsNothing(i.before)),
        `bullets before buttons on ${path}`,
      ).toEqual([]);
      await page.close();
    }
  });
});
