import { describe, expect, it } from 'vitest';
import { COUNTRIES, countryName, findCountry, isNonWestern } from './countries.ts';

const EU28 = 'AT BE BG CY CZ DE DK EE ES FI FR GB GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' ');
const OTHER_WESTERN = 'AD AU CA IS LI MC NZ NO SM CH US VA'.split(' ');

describe('countries', () => {
  it('has unique codes and Danish names', () => {
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(COUNTRIES.length);
    expect(countryName('SY')).toBe('Syrien');
    expect(countryName('GB')).toBe('Storbritannien');
    expect(findCountry(' so ')?.name).toBe('Somalia');
  });
  it('flags exactly EU-28 + the twelve others (+ Faroe Islands and Greenland) as Western', () => {
    const western = COUNTRIES.filter((c) => c.group === 'vestlig')
      .map((c) => c.code)
      .sort();
    expect(western).toEqual([...EU28, ...OTHER_WESTERN, 'FO', 'GL'].sort());
  });
  it('treats the seeds’ countries of origin as non-Western', () => {
    for (const c of ['SY', 'SO', 'TH', 'AF', 'VN', 'PH', 'IQ', 'IR', 'LB', 'XK', 'XX']) expect(isNonWestern(c)).toBe(true);
    expect(isNonWestern('QQ')).toBe(false); // unknown is not non-Western: the check reports it
  });
});
