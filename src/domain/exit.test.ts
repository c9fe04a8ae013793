import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../core/dates.ts';
import { checkReEnrolment, EXIT_REASON_OPTIONS, makeExitSchema, validateEnrolmentHistory, type EnrolmentPeriod } from './exit.ts';

describe('exit schema', () => {
  const schema = makeExitSchema('2024-03-01');
  it('lists the eight Danish exit reasons', () => {
    expect(EXIT_REASON_OPTIONS.map((o) => o.label)).toEqual([
      'Job (ordinære vilkår)',
      'Uddannelse',
      'Fraflyttet kommunen',
      'Overgået til anden indsats',
      'Sygdom',
      'Ønsker ikke at deltage',
      'Projektperiode afsluttet',
      'Andet',
    ]);
  });
  it('accepts an exit on the enrolment date and rejects the day before', () => {
    expect(schema.safeParse({ exitDate: '2024-03-01', reason: 'uddannelse' }).success).toBe(true);
    expect(schema.safeParse({ exitDate: '2024-02-29', reason: 'uddannelse' }).error?.issues[0].message).toBe(
      'Udskrivningsdatoen kan ikke ligge før indskrivningsdatoen (1.3.2024).',
    );
  });
  it('requires a reason, and a note for "Andet"', () => {
    expect(schema.safeParse({ exitDate: '2024-04-01' }).error?.issues[0].message).toMatch(/årsag/);
    expect(schema.safeParse({ exitDate: '2024-04-01', reason: 'andet', note: ' ' }).error?.issues[0].message).toMatch(/Andet/);
    expect(schema.safeParse({ exitDate: '2024-04-01', reason: 'andet', note: 'Flyttet til udlandet' }).success).toBe(true);
  });
});

describe('re-enrolment', () => {
  const history: EnrolmentPeriod[] = [
    { projectId: 'kib', enrolmentDate: '2022-01-10', exitDate: '2022-09-30' },
    { projectId: 'andet', enrolmentDate: '2023-01-01', exitDate: null },
  ];
  it('allows re-enrolment the day after an exit, keeping other projects apart', () => {
    expect(checkReEnrolment(history, { projectId: 'kib', enrolmentDate: '2022-10-01' })).toEqual({ ok: true });
  });
  it('rejects a start on or before an earlier exit date', () => {
    const r = checkReEnrolment(history, { projectId: 'kib', enrolmentDate: '2022-09-30' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/overlapper.*10\.1\.2022–30\.9\.2022/);
    expect(checkReEnrolment(history, { projectId: 'kib', enrolmentDate: '2021-01-01' }).ok).toBe(false);
  });
  it('rejects a second open enrolment in the same project', () => {
    const r = checkReEnrolment(history, { projectId: 'andet', enrolmentDate: '2024-01-01' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/allerede indskrevet/);
  });
  it('validates whole histories', () => {
    expect(validateEnrolmentHistory(history)).toEqual([]);
    expect(validateEnrolmentHistory([...history, { projectId: 'kib', enrolmentDate: '2022-05-01', exitDate: null }])).toEqual([
      'Projekt kib: forløbene fra 10.1.2022 og 1.5.2022 overlapper.',
    ]);
    expect(validateEnrolmentHistory([...history, { projectId: 'andet', enrolmentDate: '2025-01-01', exitDate: null }])).toHaveLength(1);
    expect(validateEnrolmentHistory([{ projectId: 'x', enrolmentDate: '2024-02-01', exitDate: '2024-01-01' }])[0]).toMatch(/slutter før/);
  });
  it('keeps a history valid when each accepted re-enrolment is added and later closed (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -50, max: 200 }), fc.integer({ min: 0, max: 200 })), { maxLength: 8 }), (steps) => {
        const h: EnrolmentPeriod[] = [];
        let day = '2020-01-01';
        for (const [gap, length] of steps) {
          const start = addDays(day, gap);
          if (checkReEnrolment(h, { projectId: 'p', enrolmentDate: start }).ok) {
            h.push({ projectId: 'p', enrolmentDate: start, exitDate: addDays(start, length) });
            day = addDays(start, length);
          }
          expect(validateEnrolmentHistory(h)).toEqual([]);
        }
      }),
    );
  });
});
