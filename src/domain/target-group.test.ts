import { describe, expect, it } from 'vitest';
import { makeCpr } from '../core/cpr.ts';
import { checkTargetGroup, enrolmentSchema } from './target-group.ts';

const woman = (birthDate: string) => makeCpr(birthDate, 'K', 7);
const base = {
  cpr: woman('1985-06-15'),
  countryOfOrigin: 'SY',
  enrolmentDate: '2024-03-01',
  visitation: 'aktivitetsparat' as const,
};

describe('checkTargetGroup', () => {
  it('accepts a non-Western woman aged 18–64 on a benefit', () => {
    expect(checkTargetGroup(base)).toEqual([]);
  });
  it('flags a man from the sex digit of the CPR number', () => {
    const r = checkTargetGroup({ ...base, cpr: makeCpr('1985-06-15', 'M', 7) });
    expect(r.map((u) => u.code)).toEqual(['koen']);
    expect(r[0].message).toMatch(/ikke en kvinde/);
  });
  it('counts her as 18 on her 18th birthday and 17 the day before', () => {
    const cpr = woman('2006-03-01');
    expect(checkTargetGroup({ ...base, cpr, enrolmentDate: '2024-03-01' })).toEqual([]);
    const r = checkTargetGroup({ ...base, cpr, enrolmentDate: '2024-02-29' });
    expect(r.map((u) => u.code)).toEqual(['alder']);
    expect(r[0].message).toMatch(/17 år/);
  });
  it('excludes her from her 65th birthday, includes her the day before', () => {
    const cpr = woman('1959-03-01');
    expect(checkTargetGroup({ ...base, cpr, enrolmentDate: '2024-02-29' })).toEqual([]);
    expect(checkTargetGroup({ ...base, cpr, enrolmentDate: '2024-03-01' }).map((u) => u.code)).toEqual(['alder']);
  });
  it('uses Danmarks Statistik grouping: Western countries fail, others pass', () => {
    for (const c of ['DK', 'GB', 'PL', 'US', 'NO', 'CH', 'VA', 'AU']) {
      expect(checkTargetGroup({ ...base, countryOfOrigin: c }).map((u) => u.code)).toEqual(['oprindelse']);
    }
    for (const c of ['SO', 'TH', 'AF', 'XK', 'TR', 'UA', 'RS', 'XX', 'ph']) {
      expect(checkTargetGroup({ ...base, countryOfOrigin: c })).toEqual([]);
    }
    expect(checkTargetGroup({ ...base, countryOfOrigin: 'QQ' })[0].message).toMatch(/ukendt/);
  });
  it('requires a benefit or self-supporting visitation', () => {
    for (const v of ['jobparat', 'selvforsoergende', 'oevrige'] as const) {
      expect(checkTargetGroup({ ...base, visitation: v })).toEqual([]);
    }
    expect(checkTargetGroup({ ...base, visitation: 'i_job' }).map((u) => u.code)).toEqual(['forsoergelse']);
    expect(checkTargetGroup({ ...base, visitation: null }).map((u) => u.code)).toEqual(['forsoergelse']);
  });
  it('lists every unmet criterion at once', () => {
    const r = checkTargetGroup({
      cpr: makeCpr('1950-01-01', 'M', 3),
      countryOfOrigin: 'SE',
      enrolmentDate: '2024-01-01',
      visitation: null,
    });
    expect(r.map((u) => u.code)).toEqual(['koen', 'alder', 'oprindelse', 'forsoergelse']);
  });
  it('reports an invalid CPR number instead of guessing sex and age', () => {
    expect(checkTargetGroup({ ...base, cpr: '123' }).map((u) => u.code)).toEqual(['cpr']);
  });
});

const form = {
  cpr: base.cpr.slice(0, 6) + '-' + base.cpr.slice(6),
  countryOfOrigin: 'so',
  enrolmentDate: '01-03-2024',
  visitation: 'jobparat',
  flereSkalMedGruppe: '1',
  recruitmentChannel: 'boligomraade',
  caseworkerId: '7',
  overrideReason: '',
};

describe('enrolmentSchema', () => {
  it('parses a valid form, normalising CPR, country, date and group', () => {
    const r = enrolmentSchema.safeParse(form);
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.data.cpr).toBe(base.cpr);
      expect(r.data.countryOfOrigin).toBe('SO');
      expect(r.data.enrolmentDate).toBe('2024-03-01');
      expect(r.data.flereSkalMedGruppe).toBe(1);
      expect(r.data.overrideReason).toBeNull();
      expect(r.data.caseworkerId).toBe(7);
      expect(r.data.unmetCriteria).toEqual([]);
    }
  });
  it('requires a reason of at least 10 characters to override unmet criteria', () => {
    const western = { ...form, countryOfOrigin: 'DE' };
    const r = enrolmentSchema.safeParse({ ...western, overrideReason: 'for kort' });
    expect(r.success).toBe(false);
    if (!r.success) {
      const issue = r.error.issues.find((i) => i.path[0] === 'overrideReason');
      expect(issue?.message).toMatch(/mindst 10 tegn/);
      expect(issue?.message).toMatch(/Tyskland/);
    }
    const ok = enrolmentSchema.safeParse({ ...western, overrideReason: '  Efterkommer af tyrkiske forældre  ' });
    expect(ok.success).toBe(true);
    if (ok.success) {
      expect(ok.data.unmetCriteria).toEqual(['oprindelse']);
      expect(ok.data.overrideReason).toBe('Efterkommer af tyrkiske forældre');
    }
  });
  it('accepts exactly 10 characters and rejects 9', () => {
    const western = { ...form, countryOfOrigin: 'DE' };
    expect(enrolmentSchema.safeParse({ ...western, overrideReason: '1234567890' }).success).toBe(true);
    expect(enrolmentSchema.safeParse({ ...western, overrideReason: '123456789' }).success).toBe(false);
  });
  it('gives Danish errors for bad fields', () => {
    const r = enrolmentSchema.safeParse({
      ...form,
      cpr: '12',
      flereSkalMedGruppe: '4',
      recruitmentChannel: 'x',
      enrolmentDate: '2024-02-30',
      visitation: '',
      caseworkerId: '',
    });
    expect(r.success).toBe(false);
    if (!r.success) {
      const byPath = Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
      expect(byPath.cpr).toMatch(/10 cifre/);
      expect(byPath.flereSkalMedGruppe).toMatch(/1, 2 eller 3/);
      expect(byPath.recruitmentChannel).toMatch(/rekrutteret/);
      expect(byPath.enrolmentDate).toBe('30. februar 2024 findes ikke.');
      expect(byPath.visitation).toMatch(/visitationskategori/);
      expect(byPath.caseworkerId).toMatch(/sagsbehandler/);
    }
  });
  it('allows an empty Flere skal med group', () => {
    const r = enrolmentSchema.safeParse({ ...form, flereSkalMedGruppe: '' });
    expect(r.success && r.data.flereSkalMedGruppe).toBeNull();
  });
});
