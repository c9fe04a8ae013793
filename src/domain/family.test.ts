import { describe, expect, it } from 'vitest';
import {
  barriersOf,
  childrenText,
  countBarriers,
  familyFieldsSchema,
  familyOn,
  makeFamilyChangeSchema,
  parseAges,
  type FamilySituation,
} from './family.ts';

const none: FamilySituation = {
  childrenCount: null,
  childAges: [],
  childcare: null,
  partnerInvolvement: null,
  interpreterNeeded: null,
  interpreterLanguage: null,
};
const s = (o: Partial<FamilySituation>): FamilySituation => ({ ...none, ...o });

describe('family situation form', () => {
  it('reads ages typed with commas or "og", and counts the children from them when the number is left out', () => {
    expect(parseAges('2, 5 og 11')).toEqual([2, 5, 11]);
    const r = familyFieldsSchema.safeParse({
      childAges: '7, 1',
      childrenCount: '',
      childcare: '',
      partnerInvolvement: '',
      interpreterNeeded: '',
      interpreterLanguage: '',
    });
    expect(r.success && r.data).toEqual(s({ childrenCount: 2, childAges: [1, 7] }));
  });
  it('refuses in Danish: words for ages, ages not matching the number, childcare without children, an interpreter without a language', () => {
    const errors = (f: Record<string, string>) => {
      const r = familyFieldsSchema.safeParse(f);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(errors({ childAges: 'to' })).toEqual(['Skriv børnenes alder i hele år, adskilt af komma, fx 2, 5, 11.']);
    expect(errors({ childrenCount: '3', childAges: '1, 2' })[0]).toContain('Du har skrevet 2 aldre, men 3 børn.');
    expect(errors({ childrenCount: '0', childcare: 'nej' })).toEqual([
      'Hun har ingen børn. Vælg «Ikke relevant», eller ret antallet af børn.',
    ]);
    expect(errors({ interpreterNeeded: 'ja' })).toEqual(['Skriv, hvilket sprog hun skal have tolk på.']);
    expect(errors({ childrenCount: '21' })).toEqual(['Skriv antallet af børn som et tal fra 0 til 20.']);
  });
  it('on her page refuses a future date, an empty form and the situation already in force', () => {
    const current = s({ childrenCount: 1, childcare: 'nej' });
    const schema = makeFamilyChangeSchema({ today: '2026-05-01', current: (d) => (d >= '2026-01-01' ? current : null) });
    const msg = (f: Record<string, string>) => {
      const r = schema.safeParse(f);
      return r.success ? null : r.error.issues[0].message;
    };
    expect(msg({ fromDate: '2.5.2026', childrenCount: '1' })).toContain('Datoen kan ikke ligge efter i dag');
    expect(msg({ fromDate: '1.4.2026' })).toBe('Udfyld mindst ét felt om hendes familiesituation.');
    expect(msg({ fromDate: '1.4.2026', childrenCount: '1', childcare: 'nej' })).toContain('allerede gælder på datoen');
    expect(msg({ fromDate: '1.4.2026', childrenCount: '1', childcare: 'ja' })).toBeNull();
  });
});

describe('family situation over time and barriers', () => {
  it('takes the latest snapshot on or before a day', () => {
    const rows = [
      { ...s({ childcare: 'nej' }), fromDate: '2026-01-10' },
      { ...s({ childcare: 'ja' }), fromDate: '2026-03-01' },
    ];
    expect(familyOn(rows, '2026-01-09')).toBeNull();
    expect(familyOn(rows, '2026-02-28')?.childcare).toBe('nej');
    expect(familyOn(rows, '2026-03-01')?.childcare).toBe('ja');
  });
  it('counts each barrier at enrolment and now, and interpreter languages now', () => {
    const c = countBarriers([
      {
        atEnrolment: s({ childcare: 'nej', interpreterNeeded: true, interpreterLanguage: 'Arabisk', childAges: [3] }),
        now: s({ childcare: 'ja', interpreterNeeded: true, interpreterLanguage: 'arabisk', childAges: [3] }),
      },
      { atEnrolment: s({ childcare: 'delvis', partnerInvolvement: 'nej' }), now: s({ childcare: 'delvis', partnerInvolvement: 'ja' }) },
      { atEnrolment: null, now: s({ interpreterNeeded: true, interpreterLanguage: 'somali' }) },
    ]);
    expect(c.women).toBe(3);
    expect(c.recorded).toEqual({ atEnrolment: 2, now: 3 });
    expect(Object.fromEntries(c.rows.map((r) => [r.barrier, [r.atEnrolment, r.now]]))).toEqual({
      mangler_boernepasning: [2, 1],
      tolkebehov: [1, 2],
      partner_deltager_ikke: [1, 0],
      boern_under_skolealder: [1, 1],
    });
    expect(c.languagesNow).toEqual([
      { language: 'arabisk', women: 1 },
      { language: 'somali', women: 1 },
    ]);
    expect(barriersOf(null).size).toBe(0);
  });
  it('describes children by age band', () => {
    expect(childrenText(s({ childrenCount: 3, childAges: [1, 4, 9] }))).toBe(
      '3 børn (alder 1, 4, 9 år: 1 på 0–2 år, 1 på 3–5 år, 1 på 6–17 år)',
    );
    expect(childrenText(s({ childrenCount: 0 }))).toBe('Ingen børn');
    expect(childrenText(none)).toBe('Ikke oplyst');
  });
});
