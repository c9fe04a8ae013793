import { describe, expect, it } from 'vitest';
import { outreachEvent } from '../domain/test-support.ts';
import type { SteeringData } from '../app/steering/steering-data.ts';
import { recruitmentFunnel } from '../domain/recruitment.ts';
import { recruitmentTables } from './recruitment-section.ts';

const ev = outreachEvent;

/** 30 reached by telephone (10 enrolled, 6 declined), 2 by a role model (1 declined), 8 not reached. */
function funnel() {
  const c = [];
  for (let i = 0; i < 30; i++) {
    const e = [ev('kontakt', i < 20 ? '2024-02-10' : '2024-08-10', { channel: 'telefon' })];
    if (i < 10) e.push(ev('indskrevet', '2024-08-20'));
    else if (i < 16) e.push(ev('afslag', '2024-08-12', { declineReason: 'helbred' }));
    c.push({ addedOn: '2024-01-05', events: e });
  }
  c.push({ addedOn: '2024-01-05', events: [ev('kontakt', '2024-08-03', { channel: 'rollemodel' }), ev('afslag', '2024-08-04', { declineReason: 'familie' })] });
  c.push({ addedOn: '2024-01-05', events: [ev('kontakt', '2024-08-03', { channel: 'rollemodel' })] });
  for (let i = 0; i < 8; i++) c.push({ addedOn: '2024-01-05', events: [] });
  return recruitmentFunnel(c);
}

const data = (suppressed: boolean) => ({ recruitment: funnel(), suppressed, threshold: 5 }) as unknown as SteeringData;
const shown = (rows: { value: unknown }[][]) => rows.map((r) => r.slice(1).map((c) => c.value));

describe('recruitment section', () => {
  it('shows every count inside the municipality', () => {
    const t = recruitmentTables(data(false))!;
    expect(shown(t.channel.rows)).toEqual([
      [30, 30, 0, 0, 10, 6], [2, 2, 0, 0, 0, 1], [8, 0, 0, 0, 0, 0], [40, 32, 0, 0, 10, 7],
    ]);
    expect(shown(t.reasons.rows)).toEqual([[6], [1], [7]]);
  });

  it('suppressed: no count from 1 to 4, and no additive set with exactly one hidden cell', () => {
    const t = recruitmentTables(data(true), '2024-07')!;
    const cells = [...shown(t.channel.rows), ...shown(t.month.rows), ...shown(t.reasons.rows)].flat();
    expect(cells.filter((c) => typeof c === 'number' && c >= 1 && c < 5)).toEqual([]);
    const hidden = (c: unknown) => typeof c === 'string';
    // Each column of the channel table, with its total row.
    for (let j = 0; j < 6; j++) expect(shown(t.channel.rows).filter((r) => hidden(r[j])).length).not.toBe(1);
    // Declines by reason with their total.
    expect(shown(t.reasons.rows).filter((r) => hidden(r[0])).length).not.toBe(1);
    // The half-year's months (from July): February's figures are not shown, yet take part.
    expect(t.month.rows.map((r) => r[0].value)).toEqual(['august 2024']);
  });
});
