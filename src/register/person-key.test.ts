/**
 * The person column and the readers' shared options (person-key.ts): which column holds the
 * person, running numbers, the `keep` filters by CPR and by keyed hash, and `--from`.
 */
import { describe, expect, it } from 'vitest';
import { firstWeekOfMonth, parseMonth } from '../monitoring/calendar.ts';
import { CsvReader } from './csv.ts';
import { RegisterInputError } from './errors.ts';
import { fromLimits, keepCprHashes, keepCprs, keepNumbers, PersonColumn, runningNumberKey, tenDigits } from './person-key.ts';
import { thrown } from './test-files.ts';

const reader = (text: string) => new CsvReader(Buffer.from(text), 'f.csv');

describe('tenDigits', () => {
  it('reads exactly the first ten characters as digits, or -1', () => {
    expect(tenDigits('0101901234')).toBe(101901234);
    expect(tenDigits('9999999999')).toBe(9999999999);
    expect(tenDigits('0000000000')).toBe(0);
    expect(tenDigits('0101901234xyz')).toBe(101901234);
    expect(tenDigits('010190123/')).toBe(-1);
    expect(tenDigits('/101901234')).toBe(-1);
    expect(tenDigits('010190123:')).toBe(-1);
    expect(tenDigits(':101901234')).toBe(-1);
    expect(tenDigits('010190-123')).toBe(-1);
  });
});

describe('keepCprs', () => {
  it('keeps the CPRs given with or without dash or blanks, by string and by number', () => {
    const keep = keepCprs(['0101901234', '020290-1234', ' 0303901234 ', '#17', 'junk']);
    for (const k of ['0101901234', '0202901234', '0303901234', '#17', 'junk']) expect(keep(k)).toBe(true);
    for (const k of ['020290-1234', ' 0303901234 ', '0404901234', '#18', '']) expect(keep(k)).toBe(false);
    const numbers = keepNumbers(keep)!;
    expect(numbers.size).toBe(3);
    expect(numbers.get(101901234)).toBe('0101901234');
    expect(numbers.get(202901234)).toBe('0202901234');
    expect(numbers.get(303901234)).toBe('0303901234');
    expect(numbers.has(404901234)).toBe(false);
  });
  it('keeps CPR 0000000000 by number too, and takes any other string as it is', () => {
    const keep = keepCprs(['0000000000', '010190123', '01019012345']);
    expect(keepNumbers(keep)!.get(0)).toBe('0000000000');
    expect(keepNumbers(keep)!.size).toBe(1);
    expect(keep('010190123')).toBe(true);
    expect(keep('01019012345')).toBe(true);
    const r = reader('cpr;x\n0000000000;1\n');
    const p = new PersonColumn(r);
    r.next();
    expect(p.key()).toBe(0);
    expect(p.keptKey(keep, keepNumbers(keep))).toBe(0);
  });
  it('has no number set for any other keep, nor without one', () => {
    expect(keepNumbers(undefined)).toBeNull();
    expect(keepNumbers(() => true)).toBeNull();
    expect(keepNumbers(keepCprHashes([], (c) => c))).toBeNull();
  });
});

describe('keepCprHashes', () => {
  it('keeps the CPRs whose hash is listed, never a running number, hashing each run of rows once', () => {
    const hashed: string[] = [];
    const hash = (c: string) => {
      hashed.push(c);
      return `h${c}`;
    };
    const keep = keepCprHashes(['h0101901234', 'h#1'], hash);
    const asked = ['0101901234', '0101901234', '0202901234', '0202901234', '0101901234', '#1', '#1'];
    expect(asked.map(keep)).toEqual([true, true, false, false, true, false, false]);
    expect(hashed).toEqual(['0101901234', '0202901234', '0101901234']);
  });
});

describe('fromLimits', () => {
  it('is unbounded without --from, and the month and its first week with it', () => {
    expect(fromLimits({}, 'f.csv')).toEqual({ week: -Infinity, month: -Infinity });
    expect(fromLimits({ from: '' }, 'f.csv')).toEqual({ week: -Infinity, month: -Infinity });
    const m = parseMonth('2021-03')!;
    expect(fromLimits({ from: '2021-03' }, 'f.csv')).toEqual({ week: firstWeekOfMonth(m), month: m });
  });
  it('refuses a --from that is not a month, naming the file', () => {
    const e = thrown(() => fromLimits({ from: '2021-13' }, 'f.csv'));
    expect(e).toBeInstanceOf(RegisterInputError);
    expect(e.code).toBe('bad_month');
    expect(e.message).toBe('f.csv: --from «2021-13» er ikke en måned (forventet ÅÅÅÅ-MM).');
    expect(e.file).toBe('f.csv');
  });
});

describe('PersonColumn', () => {
  it('finds PNR, pnr, cpr, lobenr or løbenr, the preferred name first', () => {
    expect(new PersonColumn(reader('x;PNR\n1;2\n')).index).toBe(1);
    expect(new PersonColumn(reader('lobenr;cpr\n1;2\n')).index).toBe(1);
    expect(new PersonColumn(reader('lobenr;cpr\n1;2\n'), 'lobenr').index).toBe(0);
    expect(new PersonColumn(reader('x;løbenr\n1;2\n')).index).toBe(1);
    expect(new PersonColumn(reader('x;løbenr\n1;2\n')).isCpr).toBe(false);
    expect(new PersonColumn(reader('x;lobenr\n1;2\n')).isCpr).toBe(false);
    expect(new PersonColumn(reader('x;cpr\n1;2\n')).isCpr).toBe(true);
  });
  it('a file without one names the columns it has', () => {
    const e = thrown(() => new PersonColumn(reader('navn;kode\n1;2\n'), 'cpr'));
    expect(e.code).toBe('missing_column');
    expect(e.message).toBe('f.csv, linje 1: ingen kolonne med personen (PNR, cpr eller lobenr) i overskriftslinjen (fundet: navn, kode).');
    expect(e.column).toBe('cpr');
    expect(e.line).toBe(1);
  });
  it('reads CPRs as numbers when plain, as strings otherwise', () => {
    const r = reader('cpr;x\n0101901234;1\n"010190-1234";1\n010190-1234;1\n');
    const p = new PersonColumn(r);
    r.next();
    expect(p.number()).toBe(101901234);
    expect(p.key()).toBe(101901234);
    r.next();
    expect(p.number()).toBe(-1);
    expect(p.key()).toBe('0101901234');
    r.next();
    expect(p.key()).toBe(101901234);
    expect(p.read()).toBe('0101901234');
  });
  it('keptKey: by number with the number set, by string otherwise', () => {
    const r = reader('cpr;x\n0101901234;1\n0202901234;1\n"0101901234";1\n');
    const p = new PersonColumn(r);
    const keep = keepCprs(['0101901234']);
    const numbers = keepNumbers(keep);
    const got: unknown[] = [];
    while (r.next()) got.push(p.keptKey(keep, numbers), p.keptKey(keep, null));
    expect(got).toEqual([101901234, '0101901234', null, null, '0101901234', '0101901234']);
  });
  it('rowKey: a kept row read to its end into ints and its field count checked; a left-out row null and unread', () => {
    const r = reader('cpr;x;y\n0101901234;1;2\n0202901234;1;2;3\n"0101901234";7;8\n');
    const p = new PersonColumn(r);
    const keep = keepCprs(['0101901234']);
    const ints = new Int32Array(3);
    const got: unknown[] = [];
    while (r.next(ints, 1)) {
      const key = p.rowKey(keep, keepNumbers(keep), ints);
      got.push(key === null ? null : [key, r.n, ints[1], ints[2]]);
    }
    expect(got).toEqual([[101901234, 3, 1, 2], null, ['0101901234', 3, 7, 8]]);
    const extra = reader('cpr;x\n0101901234;1;2\n');
    extra.next(undefined, 1);
    expect(thrown(() => new PersonColumn(extra).rowKey(keep, null)).code).toBe('field_count');
  });
  it('rowKey without keep: the field count is checked before her key is read', () => {
    const r = reader('cpr;x\n0101901234;1\nnot-a-cpr\n');
    const p = new PersonColumn(r);
    r.next();
    expect(p.rowKey(undefined, null)).toBe(101901234);
    r.next();
    const e = thrown(() => p.rowKey(undefined, null));
    expect(e.code).toBe('field_count');
  });
  it('running numbers: digits, letters, _ and -, at most 40, as #number; anything else named', () => {
    const ok = ['17', 'A-1_b', 'x'.repeat(40)];
    const r = reader(`lobenr;x\n${ok.map((k) => `${k};1\n${k};1\n`).join('')}`);
    const p = new PersonColumn(r);
    const got: unknown[] = [];
    while (r.next()) got.push(p.key());
    expect(got).toEqual(ok.flatMap((k) => [runningNumberKey(k), `#${k}`]));
    expect(p.number()).toBe(-1);
    for (const bad of ['x'.repeat(41), '1 2', '1.2', 'æ', '']) {
      const br = reader(`lobenr;x\n17;1\n${bad};1\n`);
      const bp = new PersonColumn(br);
      br.next();
      expect(bp.read()).toBe('#17');
      br.next();
      const e = thrown(() => bp.read());
      expect(e.code).toBe('bad_cpr');
      expect(e.message).toBe(`f.csv, linje 3, kolonne «lobenr»: «${bad.slice(0, 40)}» er ikke et løbenummer (cifre eller bogstaver).`);
    }
  });
  it('reads the person of a row read only up to her column, without the field-count check', () => {
    const r = reader('cpr;x;y\n0101901234;1;2\n"0202901234";1;2\n');
    const p = new PersonColumn(r);
    r.next(undefined, 1);
    expect(r.n).toBe(1);
    expect(p.number()).toBe(101901234);
    r.next(undefined, 1);
    expect(p.read()).toBe('0202901234');
  });
  it('a row too short to reach the person column is the field-count error', () => {
    const r = reader('x;y;cpr\n1;2\n1;2;0101901234\n');
    const p = new PersonColumn(r);
    r.next(undefined, 3);
    const e = thrown(() => p.number());
    expect(e.code).toBe('field_count');
    expect(e.message).toBe('f.csv, linje 2, kolonne «cpr»: rækken har 2 felter, men overskriften har 3; feltet mangler.');
    r.next(undefined, 3);
    expect(p.read()).toBe('0101901234');
  });
});
