import { describe, expect, it } from 'vitest';
import {
  activityCatalogue,
  BUILT_IN_ACTIVITY_TYPES,
  catalogueByCategory,
  findActivityType,
  isCompanyOriented,
  projectActivityTypeSchema,
  type ActivityType,
} from './activities.ts';
import { makeActivitySchema } from './activity.ts';

const madhold: ActivityType = { key: 'madhold', name: 'Madhold (catering)', category: 'opkvalificering', atCompany: false };
const butik: ActivityType = { key: 'butikspraktik', name: 'Praktik i lokal butik', category: 'virksomhedsrettet', atCompany: true };

describe('activity catalogue', () => {
  it('ships the seeded types in four categories with unique keys', () => {
    const keys = BUILT_IN_ACTIVITY_TYPES.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    const byCat = Object.fromEntries(catalogueByCategory().map((g) => [g.category, g.types.length]));
    expect(byCat).toEqual({ virksomhedsrettet: 5, opkvalificering: 8, social_sundhed: 6, vejledning: 4 });
    expect(findActivityType('kickstart')?.name).toBe('Kickstartkursus (5 dage)');
  });
  it('adds a project’s own types but never lets them replace a built-in one', () => {
    const fake: ActivityType = { key: 'jobklub', name: 'Falsk', category: 'virksomhedsrettet', atCompany: true };
    const cat = activityCatalogue([madhold, fake]);
    expect(cat).toHaveLength(BUILT_IN_ACTIVITY_TYPES.length + 1);
    expect(findActivityType('madhold', [madhold])?.name).toBe('Madhold (catering)');
    expect(findActivityType('madhold')).toBeUndefined();
    expect(isCompanyOriented('jobklub', [fake])).toBe(false);
  });
  it('classifies company-oriented types, including a project’s own', () => {
    expect(isCompanyOriented('loentilskud')).toBe(true);
    expect(isCompanyOriented('snusepraktik')).toBe(true);
    expect(isCompanyOriented('virksomhedsbesoeg')).toBe(false);
    expect(isCompanyOriented('butikspraktik', [butik])).toBe(true);
    expect(isCompanyOriented('ukendt')).toBe(false);
  });
  it('validates a project type and refuses a built-in key', () => {
    expect(projectActivityTypeSchema.safeParse({ key: 'madhold', name: 'Madhold', category: 'opkvalificering' }).success).toBe(true);
    expect(
      projectActivityTypeSchema.safeParse({ key: 'igu', name: 'IGU 2', category: 'opkvalificering' }).error?.issues[0].message,
    ).toMatch(/indbygget/);
    expect(projectActivityTypeSchema.safeParse({ key: 'Mad Hold', name: 'M', category: 'x' }).success).toBe(false);
  });
});

const schema = makeActivitySchema([madhold, butik]);
const praktik = {
  typeKey: 'virksomhedspraktik',
  provider: 'Netto Ellekonebakken',
  cvr: '10403782',
  startDate: '2024-03-04',
  endDate: '2024-04-26',
  hoursPerWeek: '18,5',
  status: 'i_gang',
  companyConsent: 'navn',
};

describe('activity schema', () => {
  it('parses a company activity with a decimal comma', () => {
    const r = schema.parse(praktik);
    expect(r.hoursPerWeek).toBe(18.5);
    expect(r.cvr).toBe('10403782');
  });
  it('requires company name and a valid CVR for types at a company, in Danish', () => {
    const r = schema.safeParse({ ...praktik, provider: '', cvr: '' });
    const msgs = Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(msgs.provider).toMatch(/virksomhedens navn/);
    expect(msgs.cvr).toMatch(/CVR-nummer/);
    expect(schema.safeParse({ ...praktik, cvr: '10403783' }).error?.issues[0].message).toMatch(/kontrolcifferet/);
    expect(schema.safeParse({ ...praktik, typeKey: 'butikspraktik', cvr: '' }).success).toBe(false);
  });
  it('requires her consent on a placement at a company, and keeps none without a CVR number', () => {
    const r = schema.safeParse({ ...praktik, companyConsent: '' });
    expect(r.error?.issues.map((i) => [String(i.path[0]), i.message])).toEqual([
      ['companyConsent', 'Angiv om virksomheden må få oplysninger om hende.'],
    ]);
    expect(schema.safeParse({ ...praktik, companyConsent: 'maaske' }).success).toBe(false);
    expect(schema.parse({ ...praktik, companyConsent: 'ingen' }).companyConsent).toBe('ingen');
    expect(
      schema.parse({ typeKey: 'madhold', startDate: '2024-01-01', status: 'planlagt', companyConsent: 'navn' }).companyConsent,
    ).toBeNull();
  });
  it('does not require a CVR for a course, but checks one if given', () => {
    expect(schema.safeParse({ typeKey: 'madhold', startDate: '2024-01-01', status: 'planlagt' }).success).toBe(true);
    expect(schema.safeParse({ typeKey: 'jobklub', startDate: '2024-01-01', status: 'planlagt', cvr: '12345678' }).success).toBe(false);
  });
  it('accepts hours 0 and 37, rejects 37,5, negatives and text', () => {
    expect(schema.parse({ ...praktik, hoursPerWeek: '0' }).hoursPerWeek).toBe(0);
    expect(schema.parse({ ...praktik, hoursPerWeek: 37 }).hoursPerWeek).toBe(37);
    expect(schema.safeParse({ ...praktik, hoursPerWeek: '37,5' }).error?.issues[0].message).toMatch(/højst være 37/);
    expect(schema.safeParse({ ...praktik, hoursPerWeek: '-1' }).success).toBe(false);
    expect(schema.safeParse({ ...praktik, hoursPerWeek: 'ti' }).error?.issues[0].message).toMatch(/som et tal/);
    expect(schema.parse({ ...praktik, hoursPerWeek: '' }).hoursPerWeek).toBeNull();
  });
  it('requires end ≥ start, and an end date once finished or interrupted', () => {
    expect(schema.safeParse({ ...praktik, endDate: '2024-03-03' }).error?.issues[0].message).toMatch(/før startdatoen/);
    expect(schema.safeParse({ ...praktik, endDate: '2024-03-04' }).success).toBe(true);
    expect(schema.safeParse({ ...praktik, endDate: '', status: 'afbrudt' }).error?.issues[0].message).toMatch(/slutdato/);
    expect(schema.parse({ ...praktik, endDate: '', status: 'i_gang' }).endDate).toBeNull();
  });
  it('rejects a type outside the project’s catalogue', () => {
    expect(makeActivitySchema().safeParse({ ...praktik, typeKey: 'madhold' }).error?.issues[0].message).toMatch(/kataloget/);
  });
});
