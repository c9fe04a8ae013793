import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from './csv.ts';

describe('the one CSV writer', () => {
  it('neutralises what a spreadsheet would run as a formula, and keeps numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('-3,5')).toBe('-3,5');
    expect(csvCell(-4)).toBe('-4');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell(null)).toBe('');
    expect(csvDocument([['a', 1], ['=b']])).toBe("\uFEFFa;1\r\n'=b\r\n");
  });
});
