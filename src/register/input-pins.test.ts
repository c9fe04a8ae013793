/**
 * Register input that must be refused, pinned so that a rework of the readers keeps refusing it:
 * benefit codes beyond what a week can hold (never wrapped into another code by the 16-bit
 * week arrays), negative or non-integer codes, and the same week given in two columns.
 */
import { describe, expect, it } from 'vitest';
import { readBenefits } from './benefits.ts';
import { thrown } from './test-files.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const CPR = '0101901234';

describe('benefit codes out of range are refused, never wrapped', () => {
  // 65537 and 98305 would wrap to 1 and -32767 in an Int16Array; 32768 to -32768.
  for (const code of ['32768', '65537', '98305', '100000', '4294967297', '-1', '-131', '13.1', '1e3', '0x83']) {
    it(`refuses «${code}» in the wide layout, naming line and column`, () => {
      const e = thrown(() => readBenefits(enc(`PNR;y_2101;y_2102\n${CPR};131;${code}\n`), 'bred.csv'));
      expect(e).toMatchObject({ code: 'bad_code', line: 2, column: 'y_2102' });
      expect(e.message).toContain(`«${code}» er ikke en gyldig ydelseskode`);
    });
    it(`refuses «${code}» in the long layout, naming line and column`, () => {
      const e = thrown(() => readBenefits(enc(`cpr;uge;kode\n${CPR};2021-W01;131\n${CPR};2021-W02;${code}\n`), 'lang.csv'));
      expect(e).toMatchObject({ code: 'bad_code', line: 3, column: 'kode' });
    });
  }
});

describe('a week given twice', () => {
  it('in two y_ columns is refused, naming the second column and the first', () => {
    const e = thrown(() => readBenefits(enc(`PNR;y_2101;y_2102;y_2101\n${CPR};131;131;211\n`), 'bred.csv'));
    expect(e).toMatchObject({ code: 'duplicate', line: 1, column: 'y_2101' });
    expect(e.message).toMatch(/kolonne «y_2101»: ugen står også i kolonne «y_2101»/);
  });
  it('also when the columns differ only in case', () => {
    const e = thrown(() => readBenefits(enc(`PNR;y_2101;Y_2101\n${CPR};131;131\n`), 'bred.csv'));
    expect(e).toMatchObject({ code: 'duplicate', line: 1, column: 'Y_2101' });
  });
  it('is refused even when no row has a value in either column', () => {
    expect(thrown(() => readBenefits(enc(`PNR;y_2101;y_2101\n${CPR};;\n`), 'bred.csv'))).toMatchObject({ code: 'duplicate' });
  });
});
