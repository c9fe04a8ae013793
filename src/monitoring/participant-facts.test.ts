import { describe, expect, it } from 'vitest';
import { AGE_BANDS, ageAt, factColumns, participantFacts } from './participant-facts.ts';
import { monthIndex } from './calendar.ts';
import { VISITATIONS, type Participant } from './types.ts';

const woman = (over: Partial<Participant> = {}): Participant => ({
  id: 'A1',
  cpr: '0505854000',
  kommune: 'Aalborg',
  visitation: 'jobparat',
  indskrevet: '2021-05-04',
  udskrevet: null,
  ...over,
});

describe('participantFacts', () => {
  it('enrolment and exit months, age band at enrolment and enrolment year', () => {
    expect(participantFacts(woman())).toEqual({ enrol: monthIndex(2021, 5), exit: Infinity, band: '30-39', year: '2021' });
    expect(participantFacts(woman({ indskrevet: '05-05-2021', udskrevet: '31.12.2022' }))).toEqual({
      enrol: monthIndex(2021, 5),
      exit: monthIndex(2022, 12),
      band: '30-39', // 36 on 5 May 2021
      year: '2021',
    });
    expect(participantFacts(woman({ udskrevet: '' })).exit).toBe(Infinity);
  });
  it('refuses an unknown visitation or an invalid date, naming the participant', () => {
    expect(() => participantFacts(woman({ visitation: 'ledig' as Participant['visitation'] }))).toThrow(
      'Deltager A1: ukendt visitationskategori «ledig».',
    );
    expect(() => participantFacts(woman({ indskrevet: '2021-02-30' }))).toThrow('Deltager A1: ugyldig indskrivningsdato «2021-02-30».');
    expect(() => participantFacts(woman({ udskrevet: 'snart' }))).toThrow('Deltager A1: ugyldig udskrivningsdato «snart».');
  });
});

describe('ageAt', () => {
  it('whole years on a date, the birthday itself included, from the CPR number with or without dash', () => {
    expect(ageAt({ cpr: '0505854000' }, '2021-05-04')).toBe(35);
    expect(ageAt({ cpr: '0505854000' }, '2021-05-05')).toBe(36);
    expect(ageAt({ cpr: '050585-4000' }, '2021-05-05')).toBe(36);
    expect(ageAt({ cpr: '3112994000' }, '2021-12-30')).toBe(21);
    expect(ageAt({ cpr: '3112994000' }, '2021-12-31')).toBe(22);
    expect(ageAt({ cpr: '0101054000' }, '2023-01-01')).toBe(18); // born 2005 (seventh digit 4)
    expect(ageAt({ cpr: '0101055000' }, '2023-01-01')).toBe(18); // 2005 by the seventh digit 5
    expect(ageAt({ cpr: '0101605000' }, '2023-01-01')).toBe(163); // 1860
  });
  it('from a given birth date when the key is not a CPR number', () => {
    expect(ageAt({ cpr: 'nøgle', birthDate: '2005-06-15' }, '2023-06-14')).toBe(17);
    expect(ageAt({ cpr: 'nøgle', birthDate: '2005-06-15' }, '2023-06-15')).toBe(18);
    expect(ageAt({ cpr: 'nøgle', birthDate: '1999-12-31' }, '2024-01-01')).toBe(24);
  });
  it('refuses a key that is not ten digits, naming the participant or the comparison pool', () => {
    expect(() => ageAt({ id: 'A1', cpr: 'nøgle' }, '2021-01-01')).toThrow('Deltager A1: CPR-nummeret skal være 10 cifre.');
    expect(() => ageAt({ cpr: '12345' }, '2021-01-01')).toThrow('En kvinde i sammenligningspuljen: CPR-nummeret skal være 10 cifre.');
    for (const cpr of ['01018a4000', '0101854x00', '010185400x', 'x101854000', '0x01854000', '0101x54000', '01018540x0'])
      expect(() => ageAt({ id: 'B', cpr }, '2021-01-01'), cpr).toThrow(/10 cifre/);
    // Ten characters with a non-digit just below '0' or just above '9' in the seventh or the last place.
    for (const cpr of ['010185-400', '010185:400', '010185412-'])
      expect(() => ageAt({ id: 'B', cpr }, '2021-01-01'), cpr).toThrow(/10 cifre/);
    expect(ageAt({ cpr: '0101859000' }, '2021-01-01')).toBe(36); // seventh digit 9: born 1985
  });
});

describe('factColumns', () => {
  const people: Participant[] = [
    woman(),
    woman({
      id: 'A2',
      cpr: '0101014000',
      kommune: 'Aarhus',
      visitation: 'aktivitetsparat',
      indskrevet: '2019-09-01',
      udskrevet: '2020-03-31',
    }),
    woman({ id: 'A3', cpr: '0101605000', kommune: 'Brøndby', visitation: 'oevrige', indskrevet: '05-05-2021' }),
    woman({ id: 'A4', kommune: 'Aarhus', visitation: 'selvforsoergende', indskrevet: '2020-01-01', udskrevet: '' }),
    // The dates of A2 again, a woman of another age band: a date is read once, her age is her own.
    woman({ id: 'A5', cpr: '0101854000', indskrevet: '2019-09-01', udskrevet: '2020-03-31' }),
    woman({ id: 'A6', cpr: '0101954000', indskrevet: '05-05-2021', udskrevet: '2020-03-31' }),
  ];
  it('holds participantFacts of every woman, her keys as indexes into the keys in the order first met', () => {
    const c = factColumns(people);
    expect(c.kommune).toEqual(['Aalborg', 'Aarhus', 'Brøndby']);
    expect(c.year).toEqual(['2021', '2019', '2020']);
    expect(c.earliest).toBe(monthIndex(2019, 9));
    people.forEach((p, i) => {
      const f = participantFacts(p);
      expect([c.enrol[i], c.exit[i], AGE_BANDS[c.bandOf[i]], c.year[c.yearOf[i]]]).toEqual([f.enrol, f.exit, f.band, f.year]);
      expect([c.kommune[c.kommuneOf[i]], VISITATIONS[c.visitationOf[i]]]).toEqual([p.kommune, p.visitation]);
    });
    expect(factColumns([]).earliest).toBe(Infinity);
  });
  it('refuses the first woman participantFacts refuses, with its message', () => {
    const bad = [
      ...people,
      woman({ id: 'B1', indskrevet: '2021-02-30' }),
      woman({ id: 'B2', visitation: 'ledig' as Participant['visitation'] }),
    ];
    expect(() => factColumns(bad)).toThrow('Deltager B1: ugyldig indskrivningsdato «2021-02-30».');
    expect(() => factColumns([...people, woman({ id: 'B2', visitation: 'ledig' as Participant['visitation'] })])).toThrow(
      'Deltager B2: ukendt visitationskategori «ledig».',
    );
    expect(() => factColumns([...people, woman({ id: 'B3', udskrevet: '2021-02-30' })])).toThrow(
      'Deltager B3: ugyldig udskrivningsdato «2021-02-30».',
    );
  });
});
