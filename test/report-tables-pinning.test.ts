/**
 * Issue 18 point 12: every table of a project report is protected the same way as its engine
 * figures (one pass, monitoring/suppress-pass.ts, with interval protection against pinning), with a
 * reason per hidden cell. The engine tables were; the activity mix, the breakdowns and the
 * recruitment funnel were suppressed apart, against the equations only, so the bounds a reader
 * knows (counts ≥ 0, a `<5` is 1–4, an `x` 5 or more) could pin a hidden count to one value: a
 * half-year with 8 activities, 4 of them company-oriented and 4 courses, printed both as `<5`
 * beside the row total 8 — each is 4.
 *
 * The data is built here (no demo draws); the tables are read as a reader gets them and the
 * independent solvers (helpers/recoverability.ts) say whether a hidden count is determined or pinned.
 */
import { describe, expect, it } from 'vitest';
import { outreachEvent } from '../src/domain/test-support.ts';
import { breakdownOf } from '../src/app/steering/breakdowns.ts';
import type { SteeringData } from '../src/app/steering/steering-data.ts';
import { recruitmentFunnel, type FunnelCandidate } from '../src/domain/recruitment.ts';
import type { MonitorResult } from '../src/monitoring/types.ts';
import { breakdownTable } from '../src/reports/breakdown-section.ts';
import type { Report, Table } from '../src/reports/model.ts';
import { recruitmentTables } from '../src/reports/recruitment-section.ts';
import { mixTable, mixTotals } from '../src/reports/steering-sections.ts';
import { channelMembers, noGoalGroup } from './helpers/breakdown-members.ts';
import { breakdownFigures, type Published } from './helpers/published-tables.ts';
import { ranges, recoverable, type Shown } from './helpers/recoverability.ts';

const THRESHOLD = 5;

/** Pinned to one value by the bounds, or determined by the equations. */
function exposed(p: Published): string[] {
  return [
    ...recoverable(p.published, p.relations).map((r) => `${r.key} shown ${r.shown} is ${r.value}`),
    ...ranges(p.published, p.relations, THRESHOLD)
      .filter((r) => r.lo >= r.hi)
      .map((r) => `${r.key} shown ${r.shown} is pinned to ${r.lo}`),
  ];
}

/** Every hidden count of the table says why; a complement names the cell it protects (its row and column). */
function expectReasons(t: Table) {
  for (const row of t.rows)
    for (const c of row) {
      if (c.kind !== 'count' || typeof c.value !== 'string') continue;
      expect(c.reason, `${t.id}: ${String(row[0].value)} ${c.value} has a reason`).toBeTruthy();
      if (c.value === 'x') expect(c.reason, `${t.id}: the complement names what it protects`).toMatch(/rækken «.+», kolonnen «.+»/);
    }
}

const put = (p: Published, key: string, v: unknown) => p.published.set(key, v as Shown);

describe('the activity mix', () => {
  const cats = { virksomhedsrettet: 0, opkvalificering: 0, social_sundhed: 0, vejledning: 0 };
  const mix = [
    { period: '2025-H1', counts: { ...cats, virksomhedsrettet: 4, opkvalificering: 4 }, total: 8 },
    { period: '2025-H2', counts: { ...cats, virksomhedsrettet: 10, opkvalificering: 10, vejledning: 7 }, total: 27 },
  ];
  const d = { mix, suppressed: true, threshold: THRESHOLD } as unknown as SteeringData;

  /** The table as a reader gets it: each row adds up to «I alt», each column to the row «I alt». */
  function read(t: Table): Published {
    const p: Published = { published: new Map(), relations: [] };
    const cols = t.columns.slice(1, -1);
    for (const row of t.rows) {
      cols.forEach((c, j) => put(p, `${String(row[0].value)}.${c}`, row[1 + j].value));
      p.relations.push({ total: `${String(row[0].value)}.I alt`, parts: cols.slice(1).map((c) => `${String(row[0].value)}.${c}`) });
    }
    for (const c of cols) p.relations.push({ total: `I alt.${c}`, parts: mix.map((m) => `${m.period}.${c}`) });
    return p;
  }

  it('pins no hidden count to one value (8 activities, 4 and 4: each `<5` would be 4) and says why each is hidden', () => {
    const t = mixTable(d);
    const p = read(t);
    expect([...p.published.values()].filter((v) => v === `<${THRESHOLD}`).length, 'the small cells are hidden').toBeGreaterThanOrEqual(2);
    expect(exposed(p)).toEqual([]);
    expectReasons(t);
  });

  it('the committee brief’s totals in words are the table’s «I alt» row', () => {
    const t = mixTable(d);
    const total = t.rows[t.rows.length - 1];
    expect(mixTotals(d)).toEqual({ started: total[1].value, company: total[2].value });
  });

  it('shows everything inside the municipality', () => {
    const t = mixTable({ ...d, suppressed: false });
    expect(t.rows.map((r) => r.slice(1, -1).map((c) => c.value))).toEqual([
      [8, 4, 4, 0, 0],
      [27, 10, 10, 0, 7],
      [35, 14, 14, 0, 7],
    ]);
  });
});

describe('the recruitment funnel', () => {
  const ev = outreachEvent;
  /** Ten reached by telephone and ten by a role model; in each, four declined (health) and six enrolled. */
  function candidates(): FunnelCandidate[] {
    const out: FunnelCandidate[] = [];
    for (const channel of ['telefon', 'rollemodel'] as const)
      for (let i = 0; i < 10; i++)
        out.push({
          addedOn: '2025-01-06',
          events: [
            ev('kontakt', '2025-02-03', { channel }),
            i < 4 ? ev('afslag', '2025-02-10', { declineReason: 'helbred' }) : ev('indskrevet', '2025-02-17'),
          ],
        });
    return out;
  }
  const d = { recruitment: recruitmentFunnel(candidates()), suppressed: true, threshold: THRESHOLD } as unknown as SteeringData;

  /** As a reader gets them: channels add up to «I alt»; in a row the contacted are enrolled, declined or neither; months and reasons add up. */
  function read(t: { channel: Table; month: Table; reasons: Table }): Published {
    const p: Published = { published: new Map(), relations: [] };
    const k = (row: string, col: string) => `funnel.${row}.${col}`;
    const rows = t.channel.rows.map((r) => String(r[0].value));
    t.channel.rows.forEach((r, i) => t.channel.columns.slice(1).forEach((c, j) => put(p, k(rows[i], c), r[1 + j].value)));
    for (const c of t.channel.columns.slice(1))
      p.relations.push({ total: k('I alt', c), parts: rows.filter((r) => r !== 'I alt').map((r) => k(r, c)) });
    for (const r of rows)
      p.relations.push(
        { total: k(r, 'Bruttomålgruppe'), parts: [k(r, 'Kontaktet'), k(r, '~ikke kontaktet')] },
        { total: k(r, 'Kontaktet'), parts: [k(r, 'Indskrevet'), k(r, 'Takket nej'), k(r, '~i gang')] },
        { total: k(r, 'Kontaktet'), parts: [k(r, 'Inviteret'), k(r, '~ikke inviteret')] },
        { total: k(r, 'Kontaktet'), parts: [k(r, 'Informeret'), k(r, '~ikke informeret')] },
      );
    const cols = ['Bruttomålgruppe', ...t.month.columns.slice(2)];
    t.month.rows.forEach((r) => cols.forEach((c, j) => put(p, `month.${String(r[0].value)}.${c}`, r[1 + j].value)));
    for (const c of cols) p.relations.push({ total: k('I alt', c), parts: t.month.rows.map((r) => `month.${String(r[0].value)}.${c}`) });
    const reasons = t.reasons.rows.filter((r) => r[0].value !== 'I alt');
    reasons.forEach((r) => put(p, `decline.${String(r[0].value)}`, r[1].value));
    p.relations.push({ total: k('I alt', 'Takket nej'), parts: reasons.map((r) => `decline.${String(r[0].value)}`) });
    return p;
  }

  it('pins no hidden count to one value (8 declined, 4 by telephone and 4 by a role model) and says why each is hidden', () => {
    const t = recruitmentTables(d)!;
    const p = read(t);
    expect([...p.published.values()].filter((v) => v === `<${THRESHOLD}`).length, 'the small cells are hidden').toBeGreaterThanOrEqual(2);
    expect(exposed(p)).toEqual([]);
    for (const tb of [t.channel, t.month, t.reasons]) expectReasons(tb);
  });
});

describe('the breakdowns', () => {
  const members = (channel: string, n: number) => channelMembers(channel, n, channel);
  const g = noGoalGroup;
  // The engine shows the whole group's 18 women (as the report's other tables do).
  const result = { groups: { all: g(18), kommune: { Aalborg: g(18) }, visitation: { jobparat: g(18) } } } as unknown as MonitorResult;

  it('pins no hidden count to one value (18 women: 4 by the jobcentre, 4 from a housing area, 10 by local TV) and says why each is hidden', () => {
    const b = breakdownOf(
      'kanal',
      [...members('jobcenter', 4), ...members('boligomraade', 4), ...members('lokaltv', 10)],
      '2025-12-31',
      THRESHOLD,
      {
        result,
      },
    );
    const t = breakdownTable(b);
    const p: Published = { published: new Map(), relations: [] };
    breakdownFigures('P:', { sections: [{ heading: '', tables: [t] }] } as unknown as Report, p);
    expect(p.published.get('P:groups.all.n'), 'the engine’s 18 women stay shown').toBe(18);
    expect([...p.published.values()].filter((v) => v === `<${THRESHOLD}`).length, 'the small cells are hidden').toBeGreaterThanOrEqual(2);
    expect(exposed(p)).toEqual([]);
    expectReasons(t);
  });
});
