/**
 * Steering group meetings in Chromium with the keyboard alone (issue 14, item 7), axe on every
 * page: the project leader finds Møder under Styring, plans a meeting (a date that does not exist
 * and a too short title give Danish errors with her typing kept), draws the agenda from Styring,
 * moves "Eventuelt" up, writes a decision, adds a follow-up action tied to a milestone (a bad due
 * date first), prints the minutes and deletes a point after confirming. Every action is a key press.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, useServerAndBrowser, WAIT_MS } from './browser.ts';
import { focused, signInByKeyboard, tabUntil } from './keyboard.ts';
import { addGoal, addMilestone } from '../test/helpers/world.ts';

const tabTo = (page: Page, re: RegExp) => tabUntil(page, re, { format: 'short', collapse: true });

/** Tab to the field `re` and replace what is in it with `value`, as a keyboard user does (select all, type). */
async function retype(page: Page, re: RegExp, value: string) {
  await tabTo(page, re);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
}

async function pressAndWait(page: Page, key: string, url: RegExp | ((u: URL) => boolean)) {
  await Promise.all([page.waitForEvent('load', { timeout: WAIT_MS * 2 }), page.keyboard.press(key)]);
  if (url instanceof RegExp) expect(page.url()).toMatch(url);
  else expect(url(new URL(page.url())), page.url()).toBe(true);
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ');

describe.runIf(browserAvailable())('steering meetings in Chromium (keyboard only)', () => {
  const env = useServerAndBrowser({ municipality: true });

  it('plans a meeting, draws and edits its agenda, records a decision and an action, prints the minutes', async () => {
    // The fresh municipality's project: a goal still behind its target and a milestone past its date, for the agenda to draw.
    await addGoal(env.server.t.db, env.m, 'Halvdelen i job');
    await addMilestone(env.server.t.db, env.m, { number: 1, content: 'Rekruttering er i gang', dueDate: '2024-06-01' });
    const leaderName = `Projektleder ${env.m.name}`;
    const page = await env.browser.newPage();
    await signInByKeyboard(page, env.server.url, env.m.leader.username);

    await tabTo(page, /^A\|\|Styring$/);
    await pressAndWait(page, 'Enter', /\/styring$/);
    expect(await text(page, 'meetings-section')).toContain('Møder og opfølgning');
    await tabTo(page, /^A\|\|Møder$/);
    await pressAndWait(page, 'Enter', /\/styring\/moeder\?projekt=\d+$/);
    expect(await text(page, 'meeting-year-check')).toContain('Projektet holder for få styregruppemøder');
    await expectNoAxeViolations(page);

    await tabTo(page, /^A\|\|Planlæg et møde$/);
    await pressAndWait(page, 'Enter', /\/styring\/moeder\/ny/);
    await expectNoAxeViolations(page);
    await tabTo(page, /^INPUT\|Dato/);
    await page.keyboard.type('30.2.2022');
    await tabTo(page, /^INPUT\|Overskrift/);
    await page.keyboard.type('M');
    await pressAndWait(page, 'Enter', /\/styring\/moeder\/ny/);
    // The error summary takes focus and links to each field.
    expect(await focused(page, 'short', true)).toMatch(/^DIV\|\|Formularen indeholder fejl/);
    expect(await page.locator('#f-heldOn-error').textContent()).toContain('30. februar 2022 findes ikke.');
    expect(await page.locator('#f-title-error').textContent()).toContain('Skriv en overskrift på mindst 2 tegn');
    expect(await page.locator('#f-heldOn').inputValue()).toBe('30.2.2022');
    await expectNoAxeViolations(page);
    await retype(page, /^INPUT\|Dato/, '28.2.2022');
    await retype(page, /^INPUT\|Overskrift/, 'Styregruppemøde februar 2022');
    await tabTo(page, /^INPUT\|Sted/);
    await page.keyboard.type('Jobcentrets mødelokale');
    await pressAndWait(page, 'Enter', /\/styring\/moeder\/\d+\?gemt=moede/);
    expect(await page.getByRole('status').textContent()).toContain('Mødet er gemt.');
    expect(await text(page, 'agenda')).toContain('Dagsordenen er tom.');
    await expectNoAxeViolations(page);

    await tabTo(page, /^BUTTON\|\|Hent punkter fra overblikket$/);
    await pressAndWait(page, 'Enter', /gemt=hentet/);
    const agenda = await text(page, 'agenda');
    expect(agenda).toContain('Resultatmål ikke nået');
    expect(agenda).toContain('Eventuelt');
    const points = await page.locator('[data-testid="agenda"] > li').count();
    expect(points).toBeGreaterThan(2);
    await expectNoAxeViolations(page);

    // "Eventuelt" (last) one place up.
    await tabTo(page, new RegExp(`^BUTTON\\|\\|Flyt op punkt ${points}: Eventuelt$`));
    await pressAndWait(page, 'Enter', /\/styring\/moeder\/\d+\?projekt=/);
    expect(
      await page
        .getByTestId(`point-${points - 1}`)
        .locator('h3')
        .textContent(),
    ).toBe('Eventuelt');

    // A decision on point 1.
    await tabTo(page, /^A\|\|Ret, skriv referat og beslutning for punkt 1:/);
    await pressAndWait(page, 'Enter', /\/punkter\/\d+/);
    await expectNoAxeViolations(page);
    await tabTo(page, /^TEXTAREA\|Beslutning/);
    await page.keyboard.type('Styregruppen beder projektlederen om en plan for flere virksomhedspraktikker.');
    await tabTo(page, /^BUTTON\|\|Gem punkt$/);
    await pressAndWait(page, 'Enter', /gemt=punkt/);
    expect(await text(page, 'decision-1')).toContain(
      'Beslutning: Styregruppen beder projektlederen om en plan for flere virksomhedspraktikker.',
    );

    // A follow-up action: a bad due date first.
    await tabTo(page, /^A\|\|Tilføj handling$/);
    await pressAndWait(page, 'Enter', /\/handlinger\/ny/);
    await expectNoAxeViolations(page);
    await tabTo(page, /^TEXTAREA\|Handling/);
    await page.keyboard.type('Plan for flere virksomhedspraktikker');
    // The owner chosen among the project's users by typing on the focused list.
    await tabTo(page, /^SELECT\|Ansvarlig/);
    await page.keyboard.type('Projektleder');
    expect(await page.locator('select[name=ownerUserId] option:checked').textContent()).toBe(leaderName);
    await tabTo(page, /^INPUT\|Frist/);
    await page.keyboard.type('1.15.2022');
    await tabTo(page, /^SELECT\|Milepæl/);
    await page.keyboard.type('Nr. 1:');
    await tabTo(page, /^BUTTON\|\|Gem handling$/);
    await pressAndWait(page, 'Enter', /\/handlinger\/ny/);
    expect(await page.locator('#f-dueDate-error').textContent()).toContain('Måned 15 findes ikke.');
    expect(await page.locator('#f-description').inputValue()).toBe('Plan for flere virksomhedspraktikker');
    expect(await page.locator('select[name=ownerUserId] option:checked').textContent()).toBe(leaderName);
    await expectNoAxeViolations(page);
    await retype(page, /^INPUT\|Frist/, '15.3.2022');
    await tabTo(page, /^BUTTON\|\|Gem handling$/);
    await pressAndWait(page, 'Enter', /gemt=handling/);
    const actions = await text(page, 'actions');
    expect(actions).toContain('Plan for flere virksomhedspraktikker');
    expect(actions).toContain('Fristen er overskredet');
    expect(actions).toContain('Nr. 1:');
    expect(actions).toContain(leaderName);
    await expectNoAxeViolations(page);

    // The printable minutes.
    await tabTo(page, /^A\|\|Udskriv referat$/);
    await pressAndWait(page, 'Enter', /\/referat/);
    const minutes = await text(page, 'print-referat');
    expect(minutes).toContain('Referat: Styregruppemøde februar 2022');
    expect(minutes).toContain('Beslutning: Styregruppen beder projektlederen');
    expect(minutes).toContain('Plan for flere virksomhedspraktikker');
    await expectNoAxeViolations(page);
    await tabTo(page, /^A\|\|Tilbage til mødet$/);
    await pressAndWait(page, 'Enter', /\/styring\/moeder\/\d+\?projekt=/);

    // Delete "Eventuelt" after confirming.
    await tabTo(page, new RegExp(`^A\\|\\|Slet punkt ${points - 1}: Eventuelt$`));
    await pressAndWait(page, 'Enter', /\/slet/);
    expect(await page.locator('main').textContent()).toContain('Vil du slette punktet «Eventuelt»');
    await expectNoAxeViolations(page);
    await tabTo(page, /^BUTTON\|\|Ja, slet$/);
    await pressAndWait(page, 'Enter', /gemt=slettet/);
    expect(await page.locator('[data-testid="agenda"] > li').count()).toBe(points - 1);
    expect(await text(page, 'agenda')).not.toContain('Eventuelt');
    await page.close();
  });
});
