import { describe, expect, it } from 'vitest';
import { monitor } from './engine.ts';
import { inputOf } from './test-support.ts';
import { TIDY_COLUMNS, tidyRows } from './tidy.ts';

describe('tidyRows (the long table of the CSV and XLSX outputs)', () => {
  // Made inside each test, not once for the file: Stryker (--ignoreStatic) runs a mutant only with the tests that reach
  // it and would not see rows made while the file loads.
  const rowsOf = () =>
    tidyRows(
      monitor(
        inputOf([
          { kommune: 'Aalborg', in: '2022-11-10', hours: { '2022-12': 160 } },
          { kommune: 'Aarhus', in: '2022-12-01' },
        ]),
        { month: '2022-12', suppress: 0 },
      ),
    );
  it('one row per group, measure and category, in reading order (levels 1, 2, 3, 0, then 1 or 2)', () => {
    const rows = rowsOf();
    const all = rows.filter((x) => x.afsnit === 'grupper' && x.gruppe === 'all');
    expect(all.slice(0, 7).map((x) => [x.maal, x.kategori, x.antal])).toEqual([
      ['n', '', 2],
      ['accumulated', '1', 1],
      ['accumulated', '2', 0],
      ['accumulated', '3', 0],
      ['accumulated', '0', 1],
      ['accumulated', '1_or_2', 1],
      ['current', 'active', 2],
    ]);
    expect(all[7]).toEqual({ afsnit: 'grupper', gruppe: 'all', vaerdi: '', maaned: '2022-12', maal: 'current', kategori: '1', antal: 1 });
    expect(all.find((x) => x.maal === 'durableByAccumulated' && x.kategori === '1.none')?.antal).toBe(1);
    expect(all.find((x) => x.maal === 'snapshot' && x.kategori === 'beskaeftigelse_fuld')?.antal).toBe(1);
    expect(all.filter((x) => x.maal === 'durable').map((x) => x.kategori)).toEqual(['full', 'partial', 'none']);
    expect(all).toHaveLength(35);
  });
  it('groups of every dimension, named by their key, then the series month by month', () => {
    const rows = rowsOf();
    const aarhus = rows.filter((x) => x.gruppe === 'kommune' && x.vaerdi === 'Aarhus');
    expect(aarhus[0]).toMatchObject({ afsnit: 'grupper', maal: 'n', antal: 1, maaned: '2022-12' });
    expect(new Set(rows.map((x) => x.gruppe))).toEqual(new Set(['all', 'kommune', 'visitation', 'alder', 'aar']));
    expect(rows.filter((x) => x.afsnit === 'grupper')).toHaveLength(35 * (1 + 2 + 4 + 6 + 1));
    const serie = rows.filter((x) => x.afsnit === 'serie');
    expect(serie.map((x) => x.maaned)[0]).toBe('2022-11');
    expect(serie.filter((x) => x.maaned === '2022-12').map((x) => `${x.maal}:${x.kategori}=${x.antal}`)).toEqual([
      'enrolled:=2',
      'active:=2',
      'current:1=1',
      'current:2=0',
      'current:3=0',
      'current:0=1',
      'accumulated:1=1',
      'accumulated:2=0',
      'accumulated:3=0',
      'accumulated:0=1',
      'accumulated:1_or_2=1',
    ]);
    expect(serie.every((x) => x.gruppe === 'all' && x.vaerdi === '')).toBe(true);
    expect(rows.at(-1)).toMatchObject({ afsnit: 'serie', maaned: '2022-12', maal: 'accumulated', kategori: '1_or_2' });
    expect(TIDY_COLUMNS).toEqual(['afsnit', 'gruppe', 'vaerdi', 'maaned', 'maal', 'kategori', 'antal']);
  });
  it('keeps hidden counts as their text', () => {
    const s = tidyRows(monitor(inputOf([{ in: '2022-12-01' }]), { month: '2022-12' }));
    expect(s[0]).toMatchObject({ maal: 'n', antal: '<5' });
  });
});
