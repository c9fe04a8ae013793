import { describe, expect, it } from 'vitest';
import type { NationalFunnel } from '../app/steering/national-funnel.ts';
import type { FunnelCounts } from '../domain/recruitment.ts';
import type { DeclineReason } from '../core/codes.ts';
import { narrowed, recoverable } from '../../test/helpers/recoverability.ts';
import { nationalFunnelFigures, type Published } from '../../test/helpers/published-tables.ts';
import type { Table } from './model.ts';
import { nationalFunnelTables } from './national-funnel-section.ts';

const counts = (gross: number, contacted: number, informed: number, enrolled: number, declined: number): FunnelCounts => ({
  gross, contacted, invited: 0, informed, enrolled, declined,
});
const funnel = (c: FunnelCounts, reasons: [DeclineReason, number][]) => ({
  total: c, byChannel: [], byMonth: [], declinedByReason: reasons.map(([reason, count]) => ({ reason, count })),
});

/**
 * Aarhus: 7 contacted, 6 enrolled and 1 declined; Odense: 20 contacted, 15 enrolled, 5 declined.
 * Protected by the column sums and the reasons alone, Aarhus's declined is `<5` and Odense's an
 * `x`, yet the contacted (7) less the enrolled (6) leave room for one decline at most: a reader
 * pins Aarhus's `<5` to 1, and then Odense's `x` to 5.
 */
const national: NationalFunnel = {
  municipalities: [
    { municipality: 'Aarhus', funnel: funnel(counts(10, 7, 7, 6, 1), [['helbred', 1]]) },
    { municipality: 'Odense', funnel: funnel(counts(20, 20, 20, 15, 5), [['helbred', 5]]) },
  ],
  total: funnel(counts(30, 27, 27, 21, 6), [['helbred', 6]]),
  until: '2026-10-31',
};

/** What a reader of the two tables knows: the printed cells and every equation between them (test/helpers/published-tables.ts). */
function readerView(t: { funnel: Table; reasons: Table }): Published {
  const out: Published = { published: new Map(), relations: [] };
  nationalFunnelFigures('', { sections: [{ heading: '', tables: [t.funnel, t.reasons] }] }, out);
  return out;
}

describe('national recruitment funnel suppression', () => {
  it('leaves no small count pinned or narrowed by the funnel order (contacted ≥ enrolled + declined), nor worked out', () => {
    const t = nationalFunnelTables(national, 5)!;
    const { published, relations } = readerView(t);
    expect(published.get('natfunnel.Aarhus.Takket nej')).toBe('<5');
    expect(recoverable(published, relations)).toEqual([]);
    expect(narrowed(published, relations, 5)).toEqual([]);
  });

  it('gives every hidden cell its reason, and an «x» that protects a cell by the equations names it', () => {
    const t = nationalFunnelTables(national, 5)!;
    const hidden = [...t.funnel.rows, ...t.reasons.rows].flatMap((row) => row.filter((c) => c.value === 'x' || c.value === '<5'));
    expect(hidden.length).toBeGreaterThan(2);
    for (const c of hidden) expect(c.reason, String(c.value)).toMatch(c.value === 'x' ? /^Skjult, fordi tallet ellers/ : /^Færre end 5 kvinder/);
    expect(hidden.map((c) => c.reason)).toContain(
      'Skjult, fordi tallet ellers sammen med de viste tal ville afsløre det skjulte tal i «Rekrutteringstragten pr. kommune», rækken «Aarhus», kolonnen «Takket nej».',
    );
  });

  it('shows every count when nothing is small', () => {
    const big: NationalFunnel = {
      municipalities: [{ municipality: 'Aarhus', funnel: funnel(counts(40, 30, 20, 12, 8), [['helbred', 8]]) }],
      total: funnel(counts(40, 30, 20, 12, 8), [['helbred', 8]]),
      until: '2026-10-31',
    };
    const t = nationalFunnelTables(big, 5)!;
    expect(t.funnel.rows.map((r) => r.slice(1).map((c) => c.value))).toEqual([[40, 30, 20, 12, 8], [40, 30, 20, 12, 8]]);
    expect(t.reasons.rows.map((r) => r.slice(1).map((c) => c.value))).toEqual([[8, 8], [8, 8]]);
  });
});
