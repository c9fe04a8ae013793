import { describe, expect, it } from 'vitest';
import { explainParticipant, participantTimeline } from './explain.ts';
import { inputOf } from './test-support.ts';
import { monitor } from './engine.ts';

const input = inputOf([
  { id: 'W', in: '2021-05-10', out: '2021-09-20', weeks: { '2021-W26': 651, '2021-W27': 730, '2021-W35': 707 }, hours: { '2021-08': 30 } },
]);

describe('explainParticipant', () => {
  it('lists the weeks of the month (by Thursday) with codes and categories, and why the level', () => {
    const e = explainParticipant(input, 'W', '2021-07');
    expect(e.weeks.map((w) => w.week)).toEqual(['2021-W26', '2021-W27', '2021-W28', '2021-W29', '2021-W30']);
    expect(e.weeks[0]).toEqual({ week: '2021-W26', monday: '2021-06-28', code: 651, category: 'uddannelse', tekst: 'SU med ydelse' });
    expect(e.weeks[1]).toMatchObject({ code: 730, category: 'ydelse' });
    expect(e.weeks[2]).toMatchObject({ code: null, category: null });
    expect(e).toMatchObject({ level: 1, U: true, F: false, inWindow: true });
    expect(e.reason).toBe('Mål 1: uddannelse (kode 651 i uge 2021-W26).');
  });
  it('shows hours, days and a(m) for paid hours', () => {
    const e = explainParticipant(input, 0, '2021-08');
    expect(e).toMatchObject({ level: 2, hours: 30, daysInMonth: 31, D: true, F: false });
    expect(e.averageWeeklyHours).toBeCloseTo((30 * 7) / 31, 10);
    expect(e.reason).toMatch(/^Mål 2: 30,0 løntimer i 31 dage = 6,774 timer\/uge i gennemsnit, højst 18,5\.$/);
  });
  it('says when a month is outside her window', () => {
    const e = explainParticipant(input, 'W', '2021-10');
    expect(e.inWindow).toBe(false);
    expect(e.reason).toMatch(/uden for hendes forløb/);
    expect(() => explainParticipant(input, 'nobody', '2021-10')).toThrow(/Ukendt deltager/);
  });
});

describe('participantTimeline', () => {
  it('gives level, accumulated and snapshot per month, accumulated only from her window', () => {
    const t = participantTimeline(input, 'W', '2021-04', '2021-10');
    expect(t.map((m) => [m.month, m.inWindow, m.level, m.accumulated])).toEqual([
      ['2021-04', false, 0, 0],
      ['2021-05', true, 0, 0],
      ['2021-06', true, 0, 0],
      ['2021-07', true, 1, 1],
      ['2021-08', true, 2, 1],
      ['2021-09', true, 3, 1],
      ['2021-10', false, 0, 1],
    ]);
    expect(t[3].snapshot).toBe('selvforsoergende'); // last week of July (W30) has no code
    expect(t[4].snapshot).toBe('beskaeftigelse_delvis');
    expect(t[4]).toMatchObject({ hours: 30, F: false, durable: 'none' });
  });
  it('shows durable employment as it would be with each month as Dm, agreeing with monitor()', () => {
    const full = inputOf([{ in: '2021-01-01', hours: { '2021-03': 100, '2021-04': 100, '2021-05': 100, '2021-06': 10 } }]);
    const t = participantTimeline(full, 0, '2021-04', '2021-12');
    expect(t.map((m) => m.durable)).toEqual(['none', 'full', 'full', 'full', 'full', 'partial', 'none', 'none', 'none']);
    expect(t.map((m) => m.F).slice(0, 3)).toEqual([true, true, false]);
    for (const m of t)
      expect(monitor(full, { month: '2021-12', durableMonth: m.month, suppress: 0 }).participants[0].durable).toBe(m.durable);
  });
});
