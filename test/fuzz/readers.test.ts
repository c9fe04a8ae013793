/**
 * Fuzzing the register file readers with malformed input: whatever the bytes, a reader either
 * returns data or throws a RegisterInputError with a Danish message naming the file; never a
 * crash with another error, never a hang.
 */
import fc from 'fast-check';
import { runs } from '../fast-check-setup.ts';
import { describe, expect, it } from 'vitest';
import { defaultCodeTable, readBenefits, readCodeTable, readHours, readParticipants, RegisterInputError } from '../../src/monitoring/index.ts';

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
  fc.constantFrom('', '0101901234', '010190-1234', '3102901234', '2021-W53', '2021-W54', '2107', '130', '651', '999', '-1', '80,5',
    '80.5', '1e9', 'NaN', '2022-12', '2022-13', '31-12-2021', '2021-12-31', 'aktivitetsparat', 'øvrige', '"', '""', '";"'),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -40000, max: 40000 }).map(String),
);
const header = fc.constantFrom(
  'id;cpr;kommune;indskrevet;visitation;udskrevet', 'PNR;y_2101;y_2102;y_2153', 'cpr;uge;kode', 'cpr;maaned;timer', 'kode;kategori;tekst',
  'CPR,UGE,KODE', 'cpr\tmaaned\ttimer', 'x',
);
const csvLike = fc
  .tuple(header, fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 12 }), fc.constantFrom(';', ',', '\t'), fc.constantFrom('\n', '\r\n'))
  .map(([h, rows, sep, nl]) => enc.encode([h, ...rows.map((r) => r.join(sep))].join(nl)));

describe('register readers under fuzzing', () => {
  it('names line 1 when the header line itself has an unterminated quote (found by this fuzzer)', () => {
    expect(() => readParticipants(enc.encode(';"'), 'fuzz.csv')).toThrow(RegisterInputError);
    expect(() => readParticipants(enc.encode(';"'), 'fuzz.csv')).toThrow(/fuzz\.csv, linje 1, kolonne «felt 2»/);
  });

  for (const [name, read] of Object.entries(READERS)) {
    it(`${name}: random bytes give data or a RegisterInputError`, () => {
      fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (b) => expectCleanOutcome(read, b)), { numRuns: runs(400) });
    });
    it(`${name}: almost-valid CSV gives data or a RegisterInputError`, () => {
      fc.assert(fc.property(csvLike, (b) => expectCleanOutcome(read, b)), { numRuns: runs(600) });
    });
  }
});
