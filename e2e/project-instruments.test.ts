/**
 * A project's own progression instrument in Chromium (issue 14 build 5), keyboard only: the
 * project leader defines one (refused first: a dimension without a text per step), a caseworker
 * scores a woman on it (refused first: a dimension unanswered), the leader's edit of the used
 * instrument becomes version 2 while version 1 keeps its texts, and version 2 is retired.
 * Axe on every page under the real CSP.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, signedInPage, useServerAndBrowser } from './browser.ts';
import { tabAndEnter, tabAndEnterChecked, tabUntil } from './keyboard.ts';

const tabTo = (page: Page, re: RegExp) => tabUntil(page, re, { format: 'short' });

const steps = (word: string) => [1, 2, 3, 4, 5].map((n) => `${word} trin ${n}`).join('\n');

describe.runIf(browserAvailable())('project instruments in Chromium', () => {
  const env = useServerAndBrowser({ municipality: true });

  it('defines, scores, versions and retires an instrument with the keyboard alone, with Danish errors first', async () => {
    const leader = await signedInPage(env, env.m.leader.username);
    const project = env.m.projectId;
    await leader.goto(`${env.server.url}/projekt/${project}`);
    await tabAndEnter(leader, /^A\|\|Projektets måleredskaber/, /\/maaleredskaber$/);
    await expect.poll(() => leader.getByRole('heading', { level: 1 }).textContent()).toContain('Projektets måleredskaber');
    await expectNoAxeViolations(leader);

    await tabAndEnterChecked(leader, /^A\|\|Nyt måleredskab/, /\/maaleredskaber\/nyt$/);
    await tabTo(leader, /^INPUT\|Navn/);
    await leader.keyboard.type('Tastaturtrappen');
    await tabTo(leader, /^INPUT\|Navn på dimension 1/);
    await leader.keyboard.type('Sprog');
    await leader.keyboard.press('Tab');
    await leader.keyboard.type('Ingen dansk\nLidt dansk\nNogen dansk');
    await tabAndEnter(leader, /^BUTTON\|\|Opret måleredskab/, /\/maaleredskaber$/);
    await expect
      .poll(() => leader.locator('#fejlopsummering').textContent())
      .toContain('Dimensionen "Sprog" skal have en tekst for hvert trin: 5 trin (1–5), én linje pr. trin. Der er 3.');
    await expectNoAxeViolations(leader);
    // The summary links to the field; what was typed is kept.
    await tabTo(leader, /^TEXTAREA\|Trintekster for dimension 1/);
    expect(await leader.locator('textarea[name="dim1.steps"]').inputValue()).toBe('Ingen dansk\nLidt dansk\nNogen dansk');
    await leader.keyboard.press('Control+A');
    await leader.keyboard.type(steps('Sprog'));
    await tabTo(leader, /^INPUT\|Navn på dimension 2/);
    await leader.keyboard.type('Netværk');
    await leader.keyboard.press('Tab');
    await leader.keyboard.type(steps('Netværk'));
    await tabAndEnter(leader, /^BUTTON\|\|Opret måleredskab/, /\/maaleredskaber\/\d+\?gemt=oprettet$/);
    await expect.poll(() => leader.getByTestId('instrument-notice').textContent()).toContain('Måleredskabet er oprettet.');
    await expect.poll(() => leader.getByTestId('version-1').textContent()).toContain('Tager nye målinger');
    await expectNoAxeViolations(leader);
    const instrumentUrl = leader.url().replace(/\?.*$/, '');
    const iid = Number(/maaleredskaber\/(\d+)/.exec(instrumentUrl)![1]);

    // A caseworker scores a woman of the project from her page.
    const her = env.m.women[0].id;
    const cw = await signedInPage(env, env.m.caseworker.username);
    await cw.goto(`${env.server.url}/deltagere/${her}/maalinger`);
    await tabAndEnterChecked(cw, /^A\|\|Ny måling: Tastaturtrappen/, new RegExp(`/maalinger/ny\\?redskab=projekt-${iid}-v1$`));
    await tabTo(cw, /^INPUT\|5: Sprog trin 5/);
    await cw.keyboard.press('ArrowDown'); // 4
    await cw.keyboard.press('ArrowDown'); // 3
    await cw.keyboard.press('ArrowDown'); // 2
    expect(await cw.locator('input[name="answers.d1"]:checked').inputValue()).toBe('2');
    await tabAndEnter(cw, /^BUTTON\|\|Gem måling/, /\/maalinger$/);
    await expect.poll(() => cw.locator('#fejlopsummering').textContent()).toContain('Vælg et svar på "Netværk".');
    await expectNoAxeViolations(cw);
    await tabTo(cw, /^INPUT\|5: Netværk trin 5/);
    await cw.keyboard.press('ArrowDown'); // 4
    await tabAndEnter(cw, /^BUTTON\|\|Gem måling/, new RegExp(`/deltagere/${her}`));
    await expect.poll(() => cw.getByTestId('step-texts').first().textContent()).toContain('Sprog: 2 – Sprog trin 2');
    await expect.poll(() => cw.getByTestId('step-texts').first().textContent()).toContain('Netværk: 4 – Netværk trin 4');
    await expectNoAxeViolations(cw);

    // The leader edits the used instrument: version 2; version 1 keeps its texts.
    await leader.goto(instrumentUrl);
    await tabAndEnterChecked(leader, /^A\|\|Ret måleredskabet/, /\/ret$/);
    await tabTo(leader, /^TEXTAREA\|Trintekster for dimension 1/);
    await leader.keyboard.press('Control+A');
    await leader.keyboard.type(steps('Dansk'));
    await tabAndEnter(leader, /^BUTTON\|\|Gem ændringer/, /gemt=version-2$/);
    await expect.poll(() => leader.getByTestId('instrument-notice').textContent()).toContain('Ændringen er gemt som version 2');
    await expect.poll(() => leader.getByTestId('version-1').textContent()).toContain('Sprog trin 2');
    await expect.poll(() => leader.getByTestId('version-2').textContent()).toContain('Dansk trin 2');
    await expectNoAxeViolations(leader);

    // Retire version 2: it takes no new scores.
    await tabAndEnter(leader, /^BUTTON\|\|Udfas version 2/, /gemt=udfaset$/);
    await expect.poll(() => leader.getByTestId('version-2').textContent()).toContain('Udfaset');
    await expectNoAxeViolations(leader);
    await cw.goto(`${env.server.url}/deltagere/${her}/maalinger`);
    await expect.poll(() => cw.getByTestId('step-texts').first().textContent()).toContain('Sprog: 2 – Sprog trin 2');
    expect(await cw.getByText('Ny måling: Tastaturtrappen').count()).toBe(0);
  });
});
