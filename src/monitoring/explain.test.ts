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

describe('explainParticipant case by case (issue 17: the survivors of its mutation run)', () => {
  const two = inputOf([
    {
      id: 'A',
      in: '2021-05-10',
      out: '2021-09-20',
      weeks: { '2021-W26': 651, '2021-W27': 651, '2021-W35': 707, '2021-W36': 705 },
      hours: { '2021-06': 100 },
    },
  ]);

  it('names every code behind the reason, for education and for a company-oriented offer', () => {
    expect(explainParticipant(two, 'A', '2021-07').reason).toBe('Mål 1: uddannelse (kode 651 i uge 2021-W26, kode 651 i uge 2021-W27).');
    const v = explainParticipant(two, 'A', '2021-09');
    expect(v.reason).toBe('Mål 3: virksomhedsrettet tilbud (kode 707 i uge 2021-W35, kode 705 i uge 2021-W36).');
    expect(v).toMatchObject({ level: 3, U: false, F: false, D: false, V: true, inWindow: true });
  });

  it('a month of full-time hours is Mål 1 by F, not D; a month of nothing says so', () => {
    const f = explainParticipant(two, 'A', '2021-06');
    expect(f).toMatchObject({ level: 1, U: false, F: true, D: false, V: false, hours: 100, daysInMonth: 30 });
    expect(f.reason).toBe('Mål 1: 100,0 løntimer i 30 dage = 23,333 timer/uge i gennemsnit, over 18,5.');
    const none = explainParticipant(two, 'A', '2021-08');
    expect(none).toMatchObject({ level: 0, U: false, F: false, D: false, V: false, hours: 0 });
    expect(none.reason).toBe('Intet resultatmål: ingen uddannelse, løntimer, virksomhedspraktik eller løntilskud i måneden.');
  });

  it('weeks and hours before or after what the register holds for her read as no code and 0 hours', () => {
    for (const month of ['2021-05', '2021-10']) {
      const e = explainParticipant(two, 'A', month);
      expect(e.weeks.map((w) => [w.code, w.category, w.tekst])).toEqual(e.weeks.map(() => [null, null, null]));
      expect(e.hours).toBe(0);
    }
    // The week right after her last code, and the month right after the months held for her hours.
    expect(explainParticipant(two, 'A', '2021-09').weeks.map((w) => w.code)).toStrictEqual([707, 705, null, null, null]);
    expect(explainParticipant(two, 'A', '2021-12').hours).toBe(0);
    expect(participantTimeline(two, 'A', '2021-12', '2021-12')[0].hours).toBe(0);
  });

  it('the months she enrols and exits are inside her window; a month that is not YYYY-MM is refused', () => {
    expect(explainParticipant(two, 'A', '2021-05').inWindow).toBe(true);
    expect(explainParticipant(two, 'A', '2021-09').inWindow).toBe(true);
    expect(explainParticipant(two, 'A', '2021-04').inWindow).toBe(false);
    expect(() => explainParticipant(two, 'A', '2021-13')).toThrow('Ugyldig måned «2021-13» (forventet ÅÅÅÅ-MM).');
    expect(() => participantTimeline(two, 'A', 'maj', '2021-06')).toThrow('Ugyldig måned «maj» (forventet ÅÅÅÅ-MM).');
  });

  it('a timeline of one month has that month; one that ends before it starts is empty', () => {
    expect(participantTimeline(two, 'A', '2021-06', '2021-06').map((m) => [m.month, m.level, m.F])).toEqual([['2021-06', 1, true]]);
    expect(participantTimeline(two, 'A', '2021-07', '2021-06')).toEqual([]);
  });
});
