import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyPauses, type ActivityPeriod } from './company-pauses.ts';
import { addDays } from '../core/dates.ts';
import { ACTIVITY_STATUSES } from '../core/codes.ts';

const pauses = (activities: ActivityPeriod[], enrolmentDate = '2024-01-01', exitDate: string | null = null) =>
  companyPauses({ enrolmentDate, exitDate, activities, maxPauseWeeks: 6 });

describe('companyPauses', () => {
  it('counts an interrupted activity up to its end date', () => {
    const r = pauses([{ typeKey: 'loentilskud', startDate: '2024-01-01', endDate: '2024-01-20', status: 'afbrudt' }]);
    expect(r).toEqual([{ start: '2024-01-21', nextStart: null, deadline: '2024-03-03', lengthDays: null, exceeded: true }]);
  });
  it('lets an activity that began before enrolment cover the first days', () => {
    const r = pauses([{ typeKey: 'igu', startDate: '2023-10-01', endDate: '2024-01-31', status: 'i_gang' }]);
    expect(r[0].start).toBe('2024-02-01');
    expect(pauses([{ typeKey: 'igu', startDate: '2023-10-01', endDate: '2023-12-01', status: 'afsluttet' }])[0].start).toBe('2024-01-01');
  });
  it('finds no pause while an open-ended activity runs from enrolment', () => {
    expect(pauses([{ typeKey: 'loentimer', startDate: '2024-01-01', endDate: null, status: 'i_gang' }])).toEqual([]);
  });
  it('never puts a company-oriented day inside a pause, and keeps pauses in order (property)', () => {
    const activity = fc
      .record({
        start: fc.integer({ min: -30, max: 300 }),
        length: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
        status: fc.constantFrom(...ACTIVITY_STATUSES),
        typeKey: fc.constantFrom('virksomhedspraktik', 'jobklub', 'igu'),
      })
      .map(({ start, length, status, typeKey }) => ({
        typeKey,
        startDate: addDays('2024-01-01', start),
        endDate:
          length === null
            ? status === 'afbrudt' || status === 'afsluttet'
              ? addDays('2024-01-01', start)
              : null
            : addDays('2024-01-01', start + length),
        status,
      }));
    fc.assert(
      fc.property(fc.array(activity, { maxLength: 6 }), (acts) => {
        const ps = pauses(acts);
        const company = acts.filter((a) => a.typeKey !== 'jobklub');
        for (let i = 0; i < ps.length; i++) {
          const p = ps[i];
          if (i > 0) {
            const prev = ps[i - 1];
            expect(prev.nextStart).not.toBeNull(); // only the last pause can be open-ended
            expect(p.start > prev.nextStart!).toBe(true);
          }
          expect(p.start >= '2024-01-01').toBe(true);
          const end = p.nextStart ?? '9999-12-31';
          for (const a of company) {
            const aEnd = a.endDate ?? '9999-12-31';
            // no overlap between [p.start, end) and [a.startDate, aEnd]
            expect(a.startDate >= end || aEnd < p.start).toBe(true);
          }
          expect(p.exceeded).toBe(p.lengthDays === null || p.lengthDays > 42);
        }
      }),
    );
  });
});
