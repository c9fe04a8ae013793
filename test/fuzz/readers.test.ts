/**
 * Fuzzing the register file readers with malformed input: whatever the bytes, a reader either
 * returns data or throws a RegisterInputError with a Danish message naming the file; never a
 * crash with another error, never a hang. And input that must be refused is: a valid file with
 * one cell spoilt (anywhere in it) is a RegisterInputError naming that line, never data.
 */
import fc from 'fast-check';
import { runs } from '../fast-check-setup.ts';
import { describe, expect, it } from 'vitest';
import {
  defaultCodeTable,
  readBenefits,
  readCodeTable,
  readHours,
  readParticipants,
  RegisterInputError,
} from '../../src/register/index.ts';

const enc = new TextEncoder();
const READERS = {
  deltagere: (b: Uint8Array) => readParticipants(b, 'fuzz.csv'),
  ydelser: (b: Uint8Array) => readBenefits(b, 'fuzz.csv').build(defaultCodeTable()),
  loentimer: (b: Uint8Array) => readHours(b, 'fuzz.csv').build(defaultCodeTable()),
  kodetabel: (b: Uint8Array) => readCodeTable(b, 'fuzz.csv'),
};

function expectCleanOutcome(read: (b: Uint8Array) => unknown, bytes: Uint8Array) {
  try {
    read(bytes);
  } catch (e) {
    if (!(e instanceof RegisterInputError)) throw e;
    expect(e.message).toContain('fuzz.csv');
    expect(e.message.length).toBeLessThan(2000);
  }
}

// Cells that look almost right: the readers' edge cases.
const cell = fc.oneof(
  fc.constantFrom(
    '',
    '0101901234',
    '010190-1234',
    '3102901234',
    '2021-W53',
    '2021-W54',
    '2107',
    '130',
    '651',
    '999',
    '-1',
    '80,5',
    '80.5',
    '1e9',
    'NaN',
    '2022-12',
    '2022-13',
    '31-12-2021',
    '2021-12-31',
    'aktivitetsparat',
    'øvrige',
    '"',
    '""',
    '";"',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -40000, max: 40000 }).map(String),
);
const header = fc.constantFrom(
  'id;cpr;kommune;indskrevet;visitation;udskrevet',
  'PNR;y_2101;y_2102;y_2153',
  'cpr;uge;kode',
  'cpr;maaned;timer',
  'kode;kategori;tekst',
  'CPR,UGE,KODE',
  'cpr\tmaaned\ttimer',
  'x',
);
const csvLike = fc
  .tuple(
    header,
    fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 12 }),
    fc.constantFrom(';', ',', '\t'),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([h, rows, sep, nl]) => enc.encode([h, ...rows.map((r) => r.join(sep))].join(nl)));

describe('register readers under fuzzing', () => {
  it('names line 1 when the header line itself has an unterminated quote (found by this fuzzer)', () => {
    expect(() => readParticipants(enc.encode(';"'), 'fuzz.csv')).toThrow(RegisterInputError);
    expect(() => readParticipants(enc.encode(';"'), 'fuzz.csv')).toThrow(/fuzz\.csv, linje 1, kolonne «felt 2»/);
  });

  for (const [name, read] of Object.entries(READERS)) {
    it(`${name}: random bytes give data or a RegisterInputError`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 400 }), (b) => expectCleanOutcome(read, b)),
        { numRuns: runs(400) },
      );
    });
    it(`${name}: almost-valid CSV gives data or a RegisterInputError`, () => {
      fc.assert(
        fc.property(csvLike, (b) => expectCleanOutcome(read, b)),
        { numRuns: runs(600) },
      );
    });
  }
});

// Valid files, and spoilt cells that each reader must refuse.
const CPRS = ['0101901234', '0202851236', '0303701238', '1512884321'];
const MUST_REJECT: Record<
  string,
  { header: string; row: (cpr: string) => string[]; spoil: Record<number, string[]>; read: (b: Uint8Array) => unknown }
> = {
  'ydelser (bred)': {
    header: 'PNR;y_2101;y_2102',
    row: (c) => [c, '131', '211'],
    read: READERS.ydelser,
    spoil: { 0: ['12345', '01019O1234', '0101901234x'], 2: ['13a', '-1', '70000', '65537', '1.5', '1e2'] },
  },
  'ydelser (lang)': {
    header: 'cpr;uge;kode',
    row: (c) => [c, '2021-W05', '131'],
    read: READERS.ydelser,
    spoil: { 0: ['123', '01019O1234'], 1: ['2021-W54', '2021-W00', 'uge 5', '2021-05'], 2: ['13a', '32768', '-131'] },
  },
  loentimer: {
    header: 'cpr;maaned;timer',
    row: (c) => [c, '2022-05', '80,5'],
    read: READERS.loentimer,
    spoil: { 0: ['123456789', 'abc'], 1: ['2022-13', '2022-00', 'maj 2022'], 2: ['abc', '1,2,3'] },
  },
};

describe('register readers refuse what they must', () => {
  for (const [name, spec] of Object.entries(MUST_REJECT)) {
    const valid = (rows: string[][]) => enc.encode([spec.header, ...rows.map((r) => r.join(';'))].join('\n') + '\n');
    it(`${name}: the unspoilt file is read`, () => {
      expect(() => spec.read(valid(CPRS.map(spec.row)))).not.toThrow();
    });
    it(`${name}: one spoilt cell anywhere is a RegisterInputError naming its line`, () => {
      const spoilt = fc.record({
        n: fc.integer({ min: 1, max: CPRS.length }),
        at: fc.nat(),
        col: fc.constantFrom(...Object.keys(spec.spoil).map(Number)),
        pick: fc.nat(),
      });
      fc.assert(
        fc.property(spoilt, ({ n, at, col, pick }) => {
          const rows = CPRS.slice(0, n).map(spec.row);
          const r = at % n;
          const bad = spec.spoil[col][pick % spec.spoil[col].length];
          rows[r][col] = bad;
          let err: unknown;
          try {
            spec.read(valid(rows));
          } catch (e) {
            err = e;
          }
          expect(err, `«${bad}» in column ${col} of row ${r + 2} was accepted`).toBeInstanceOf(RegisterInputError);
          expect((err as RegisterInputError).message).toMatch(new RegExp(`^fuzz\\.csv, linje ${r + 2}`));
        }),
        { numRuns: runs(60) },
      );
    });
  }
});
