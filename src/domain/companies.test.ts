import { describe, expect, it } from 'vitest';
import { companySchema, contactPersonSchema, hiringCheckpoints, hiringFollowUpAlerts, makeFollowUpSchema } from './companies.ts';

const hire = { id: 'a1', typeKey: 'loentimer', startDate: '2026-01-15', endDate: null };

describe('company register rules', () => {
  it('checks the CVR number (modulus 11) and the name, and strips DK and spaces', () => {
    expect(companySchema.safeParse({ cvr: '12345678', name: 'X' }).success).toBe(false);
    const ok = companySchema.safeParse({ cvr: 'DK 31 00 00 09', name: ' Netto ' });
    expect(ok.success && ok.data).toMatchObject({ cvr: '31000009', name: 'Netto', address: null });
    const r = companySchema.safeParse({ cvr: '', name: '' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(['Angiv virksomhedens CVR-nummer.', 'Angiv virksomhedens navn.']),
    );
    expect(contactPersonSchema.safeParse({ name: 'A', email: 'a@b' }).success).toBe(false);
    expect(contactPersonSchema.safeParse({ name: 'A', email: 'a@b.dk', phone: '+45 98 12 34 56' }).success).toBe(true);
  });

  it('puts checkpoints at 1, 3 and 6 months; a hiring that ended before one lets it lapse', () => {
    const c = hiringCheckpoints({ ...hire, endDate: '2026-03-01' }, [], '2026-05-01');
    expect(c.map((x) => [x.months, x.date, x.state])).toEqual([
      [1, '2026-02-15', 'mangler'],
      [3, '2026-04-15', 'bortfaldet'],
      [6, '2026-07-15', 'bortfaldet'],
    ]);
  });

  it('warns a week before a checkpoint, turns critical 14 days after it, and is quiet once answered', () => {
    expect(hiringFollowUpAlerts([hire], [], '2026-02-07')).toEqual([]);
    expect(hiringFollowUpAlerts([hire], [], '2026-02-08').map((a) => a.severity)).toEqual(['advarsel']);
    expect(hiringFollowUpAlerts([hire], [], '2026-03-01').map((a) => a.severity)).toEqual(['advarsel']);
    expect(hiringFollowUpAlerts([hire], [], '2026-03-02').map((a) => [a.severity, a.dueDate])).toEqual([['kritisk', '2026-03-01']]);
    expect(hiringFollowUpAlerts([hire], [{ activityId: 'a1', checkpointMonths: 1, stillEmployed: true }], '2026-03-02')).toEqual([]);
    // Answered "no longer employed": no later checks.
    expect(hiringFollowUpAlerts([hire], [{ activityId: 'a1', checkpointMonths: 1, stillEmployed: false }], '2026-09-01')).toEqual([]);
    // A praktik is not a hiring.
    expect(hiringFollowUpAlerts([{ ...hire, typeKey: 'virksomhedspraktik' }], [], '2026-09-01')).toEqual([]);
  });

  it('refuses a follow-up before the hiring began or in the future', () => {
    const s = makeFollowUpSchema('2026-01-15', '2026-03-01');
    expect(s.safeParse({ checkpointMonths: '1', checkedOn: '2026-01-14', stillEmployed: 'ja' }).success).toBe(false);
    expect(s.safeParse({ checkpointMonths: '1', checkedOn: '2026-03-02', stillEmployed: 'ja' }).success).toBe(false);
    expect(s.safeParse({ checkpointMonths: '2', checkedOn: '2026-02-20', stillEmployed: 'ja' }).success).toBe(false);
    const ok = s.safeParse({ checkpointMonths: '3', checkedOn: '20.2.2026', stillEmployed: 'nej' });
    expect(ok.success && ok.data).toMatchObject({ checkpointMonths: 3, checkedOn: '2026-02-20', stillEmployed: false });
  });
});
