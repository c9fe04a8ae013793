/**
 * The byte-level CSV reader (csv.ts) on its own: delimiter detection, encodings, quotes, line
 * counting, integers parsed in place, rows read in part, field counts and its messages.
 */
import * as nodeBuffer from 'node:buffer';
import { describe, expect, it, vi } from 'vitest';
import { bytesSource, type ByteSource } from './chunks.ts';
import { CsvReader, MAX_HEADER_BYTES, listSome } from './csv.ts';
import { thrown } from './test-files.ts';

// `isAscii` watched (and still run) to count how often a chunk is scanned for the whole-chunk decode.
vi.mock('node:buffer', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:buffer')>();
  return { ...real, isAscii: vi.fn(real.isAscii) };
});

const reader = (text: string | Uint8Array) => new CsvReader(typeof text === 'string' ? Buffer.from(text) : text, 'f.csv');
/** Every row as its fields' text, with the line it starts on. */
function rows(r: CsvReader): [number, ...string[]][] {
  const out: [number, ...string[]][] = [];
  while (r.next()) out.push([r.rowLine, ...Array.from({ length: r.n }, (_, i) => r.text(i))]);
  return out;
}
/** Chunks given one by one (each must end at a row end). */
const chunks = (...parts: string[]): ByteSource => {
  let i = 0;
  return { next: () => (i < parts.length ? Buffer.from(parts[i++]) : null) };
};

describe('CsvReader: header and delimiter', () => {
  it('takes the delimiter that occurs most often in the header, outside quotes; ties go ; then tab then ,', () => {
    expect(reader('a;b,c;d\n').delim).toBe(59);
    expect(reader('a,b,c;d\n').delim).toBe(44);
    expect(reader('a\tb\tc;d\n').delim).toBe(9);
    expect(reader('a;b,c\n').delim).toBe(59);
    expect(reader('a;b\tc\n').delim).toBe(59);
    expect(reader('a\tb,c\n').delim).toBe(9);
    expect(reader('a,b\n').delim).toBe(44);
    expect(reader('"a;b;c",d,e\n').delim).toBe(44);
    expect(reader('a;b\n1,2,3,4,5\n').delim).toBe(59);
    expect(reader('a;b\r1,2,3,4,5\n').delim).toBe(59);
    expect(reader('a,b\r\n1;2;3;4\n').header).toEqual(['a', 'b']);
  });
  it('reads the header names trimmed, and lower-cased for col', () => {
    const r = reader(' PNR ;"Ma""aned";Timer\n');
    expect(r.header).toEqual(['PNR', 'Ma"aned', 'Timer']);
    expect(r.headerLower).toEqual(['pnr', 'ma"aned', 'timer']);
    expect(r.col('x', 'timer', 'pnr')).toBe(2);
    expect(r.col('x')).toBe(-1);
    expect(r.requireCol('y', 'pnr')).toBe(0);
    const e = thrown(() => r.requireCol('kode', 'code'));
    expect(e.code).toBe('missing_column');
    expect(e.message).toBe('f.csv, linje 1: kolonnen «kode» mangler i overskriftslinjen (fundet: PNR, Ma"aned, Timer).');
    expect(e.column).toBe('kode');
  });
  it('refuses a file without a header of delimited names', () => {
    for (const text of ['', 'abc\n1\n', '\n\na;b\n']) {
      const e = thrown(() => reader(text));
      expect(e.code).toBe('header');
      expect(e.message).toBe('f.csv: filen har ingen overskriftslinje med kolonnenavne adskilt af semikolon, komma eller tabulator.');
    }
  });
  it('skips a UTF-8 BOM and reads Windows-1252 when the bytes are not UTF-8', () => {
    expect(reader(Buffer.from('\ufeffnavn;by\nÅse;Ærø\n')).header).toEqual(['navn', 'by']);
    expect(rows(reader(Buffer.from('\ufeffnavn;by\nÅse;Ærø\n')))).toEqual([[2, 'Åse', 'Ærø']]);
    const cp = Buffer.from([...Buffer.from('navn;by\n'), 0xc5, 0x73, 0x65, 0x3b, 0xc6, 0x72, 0xf8, 0x0a]);
    expect(rows(reader(cp))).toEqual([[2, 'Åse', 'Ærø']]);
    // Only the first three bytes make a BOM.
    expect(reader(Buffer.from([0xef, 0xbb, 0x61, 0x3b, 0x62, 0x0a])).header[1]).toBe('b');
  });
  it('reads a quoted first name after a BOM, and needs all three BOM bytes (trim would drop a BOM read as text)', () => {
    expect(reader('\ufeff"cpr";"uge"\n1;2\n').header).toEqual(['cpr', 'uge']);
    expect(new CsvReader(chunks('\ufeff"a";b\n', '1;2\n'), 'f.csv').header).toEqual(['a', 'b']);
    // Two of the three bytes are no BOM: the file is then Windows-1252 (ï » ¿).
    expect(reader(Buffer.from([0x61, 0xbb, 0xbf, 0x3b, 0x62, 0x0a])).header).toEqual(['a»¿', 'b']);
    expect(reader(Buffer.from([0xef, 0x61, 0xbf, 0x3b, 0x62, 0x0a])).header).toEqual(['ïa¿', 'b']);
    expect(reader(Buffer.from([0xef, 0xbb, 0x61, 0x3b, 0x62, 0x0a])).header).toEqual(['ï»a', 'b']);
  });
  it(`measures the header line without the BOM, up to its line feed or the file's end, and refuses it beyond ${MAX_HEADER_BYTES} bytes`, () => {
    const name = (bytes: number) => `${'x'.repeat(bytes - 2)};b`;
    expect(reader(`\ufeff${name(MAX_HEADER_BYTES)}\n1;2\n`).header[1]).toBe('b');
    const message = `f.csv, linje 1: overskriftslinjen er længere end 1 MB, som er det højeste tilladte. Er det den rigtige fil?`;
    for (const text of [`${name(MAX_HEADER_BYTES + 1)}\n1;2\n`, name(MAX_HEADER_BYTES + 1)]) {
      const e = thrown(() => reader(text));
      expect([e.code, e.message]).toEqual(['too_large', message]);
    }
    // A short header before a long file is read; an empty first line is no header, however long the file.
    const body = '1;2\n'.repeat(MAX_HEADER_BYTES / 4 + 1);
    expect(reader(`a;b\n${body}`).header).toEqual(['a', 'b']);
    expect(thrown(() => reader(`\na;b\n${body}`)).code).toBe('header');
  });
  it('switches to Windows-1252 at the first chunk that is not UTF-8, and stays there', () => {
    const src: ByteSource = {
      next: (() => {
        const parts = [Buffer.from('a;b\n1;æ\n'), Buffer.from([0x32, 0x3b, 0xe6, 0x0a]), Buffer.from('3;ø\n')];
        let i = 0;
        return () => parts[i++] ?? null;
      })(),
    };
    expect(rows(new CsvReader(src, 'f.csv'))).toEqual([
      [2, '1', 'æ'],
      [3, '2', 'æ'],
      [4, '3', 'Ã¸'],
    ]);
  });
  it('gives the same text once a chunk read field by field is decoded whole (ASCII), and stays field by field when it is not ASCII', () => {
    // Enough fields asked for as text that the reader decodes an ASCII chunk once (csv.ts, ASCII_AFTER).
    const body = Array.from({ length: 300 }, (_, i) => `D${i};"x ""${i}""";  ${i % 7}  ;2022-01-0${1 + (i % 9)}\n`).join('');
    const want = Array.from({ length: 300 }, (_, i) => [i + 2, `D${i}`, `x "${i}"`, `${i % 7}`, `2022-01-0${1 + (i % 9)}`]);
    expect(rows(reader(`id;navn;k;dato\n${body}`))).toEqual(want);
    // Not ASCII (UTF-8 after the first rows): byte offsets are not string offsets, so no whole-chunk text.
    expect(rows(reader(`id;navn;k;dato\n${body}Æ1;Ærø;1;2022-01-01\n`))).toEqual([...want, [302, 'Æ1', 'Ærø', '1', '2022-01-01']]);
    // Several chunks: each is decoded (or not) on its own.
    expect(rows(new CsvReader(chunks(`id;navn;k;dato\n${body}`, 'Å;ø;1;2\n', body), 'f.csv'))).toEqual([
      ...want,
      [302, 'Å', 'ø', '1', '2'],
      ...want.map(([line, ...f]) => [(line as number) + 301, ...f]),
    ]);
  });
  /**
   * The participants reader asks for most fields as text: an ASCII chunk is then decoded once and its
   * fields are slices (bench/README.md, 30 Nov 13:13), not a native decode per field; a reader that asks
   * for few fields of a large chunk (the benefit readers: the header and bad cells) decodes only those,
   * and a chunk that is not ASCII is scanned for it once. Counted through `Buffer.prototype.toString`
   * on the chunk's bytes (whole: no range) and `isAscii`.
   */
  it('decodes an ASCII chunk read field by field once, not a large chunk of which few fields are read, and scans a chunk for ASCII once', () => {
    const body = Array.from({ length: 300 }, (_, i) => `D${i};"x ""${i}""";  ${i % 7}  ;2022-01-0${1 + (i % 9)}\n`).join('');
    const decodes = (text: string, read: (r: CsvReader) => void) => {
      const bytes = new TextEncoder().encode(text);
      const toString = vi.spyOn(Buffer.prototype, 'toString');
      const scans = vi.mocked(nodeBuffer.isAscii).mock.calls.length;
      try {
        read(new CsvReader(bytes, 'f.csv'));
        const mine = toString.mock.calls.filter((_, k) => (toString.mock.contexts[k] as Buffer).buffer === bytes.buffer);
        return {
          whole: mine.filter((args) => args.length === 1).length,
          fields: mine.filter((args) => args.length === 3).length,
          scans: vi.mocked(nodeBuffer.isAscii).mock.calls.length - scans,
        };
      } finally {
        toString.mockRestore();
      }
    };
    // 300 rows of four fields and the header (1,204 fields) asked for as text: one whole decode after a few fields.
    const ascii = decodes(`id;navn;k;dato\n${body}`, rows);
    expect(ascii.whole).toBe(1);
    expect(ascii.fields).toBeLessThan(100);
    expect(ascii.scans).toBe(1);
    // Not ASCII: every field decoded on its own, and the chunk scanned once.
    const other = decodes(`id;navn;k;dato\n${body}Æ1;Ærø;1;2022-01-01\n`, rows);
    expect(other).toEqual({ whole: 0, fields: 1208, scans: 1 });
    // 4,200 rows (about 70 kB) of which only the first field of the first 100 is read: those 100 and the header's 4.
    const few = decodes(`id;navn;k;dato\n${body.repeat(14)}`, (r) => {
      for (let i = 0; i < 100 && r.next(undefined, 1); i++) r.text(0);
    });
    expect(few).toEqual({ whole: 0, fields: 104, scans: 0 });
  });
});

describe('CsvReader: rows', () => {
  it('counts physical lines over LF, CRLF, lone CR, blank lines and line breaks in quotes', () => {
    const r = reader('a;b\r\n1;2\r\n\r\n3;"x\ny"\r4;5\n\n\n6;7');
    expect(rows(r)).toEqual([
      [2, '1', '2'],
      [4, '3', 'x\ny'],
      [6, '4', '5'],
      [9, '6', '7'],
    ]);
    expect(r.next()).toBe(false);
  });
  it('unescapes "" only in quoted fields (a quote first in the field), trims, and allows blanks after a closing quote', () => {
    const r = reader('a;b;c\n"x""y" ;x""y;"a;b"\t \n"";"  ";\n');
    expect(rows(r)).toEqual([
      [2, 'x"y', 'x""y', 'a;b'],
      [3, '', '', ''],
    ]);
  });
  it('refuses an unterminated quote and characters after a closing quote, naming the field', () => {
    const e = thrown(() => rows(reader('a;b\n1;"x\n')));
    expect(e.code).toBe('bad_value');
    expect(e.message).toBe('f.csv, linje 2, kolonne «b»: et felt i anførselstegn slutter ikke.');
    const f = thrown(() => rows(reader('a;b\n"1"x;2\n')));
    expect(f.code).toBe('bad_value');
    expect(f.message).toBe('f.csv, linje 2, kolonne «a»: tegn efter det afsluttende anførselstegn.');
    expect(rows(reader('a;b\n"1"\r\n"2";"3"'))).toEqual([
      [2, '1'],
      [3, '2', '3'],
    ]);
  });
  it('grows past 64 fields', () => {
    const n = 200;
    const head = Array.from({ length: n }, (_, i) => `k${i}`).join(';');
    const row = Array.from({ length: n }, (_, i) => `${i}`).join(';');
    const r = reader(`${head}\n${row}\n`);
    expect(r.header).toHaveLength(n);
    expect(r.next()).toBe(true);
    expect(r.n).toBe(n);
    expect(r.text(0)).toBe('0');
    expect(r.text(63)).toBe('63');
    expect(r.text(64)).toBe('64');
    expect(r.text(n - 1)).toBe(`${n - 1}`);
  });
  it('parses unquoted integers in place: -1 empty, -2 not nine plain digits or quoted', () => {
    const r = reader('a;b;c;d;e;f;g\n12;;1x;"7";999999999;1000000000; 5\n1;2\n');
    const ints = new Int32Array(7);
    expect(r.next(ints)).toBe(true);
    expect([...ints]).toEqual([12, -1, -2, -2, 999999999, -2, -2]);
    // Fields beyond the array are read, not parsed.
    const few = new Int32Array(1);
    expect(r.next(few)).toBe(true);
    expect(r.n).toBe(2);
    expect([...few]).toEqual([1]);
    expect(r.text(1)).toBe('2');
  });
  it('checks the field count: too few is an error, extra fields only when empty', () => {
    const r = reader('a;b\n1;2;\n1;2; \n1\n1;2;x\n');
    r.next();
    expect(() => r.checkFieldCount()).not.toThrow();
    r.next();
    expect(() => r.checkFieldCount()).not.toThrow();
    r.next();
    const few = thrown(() => r.checkFieldCount());
    expect(few.code).toBe('field_count');
    expect(few.message).toBe('f.csv, linje 4, kolonne «b»: rækken har 1 felter, men overskriften har 2; feltet mangler.');
    r.next();
    const many = thrown(() => r.checkFieldCount());
    expect(many.code).toBe('field_count');
    expect(many.message).toBe('f.csv, linje 5, kolonne «felt 3»: rækken har 3 felter, men overskriften har kun 2.');
    expect(r.place(0)).toEqual({ file: 'f.csv', line: 5, column: 'a' });
    expect(r.place(5)).toEqual({ file: 'f.csv', line: 5, column: 'felt 6' });
  });
  it('names the field by its number when the header line itself has a bad quote (no column names yet)', () => {
    for (const [text, what] of [
      ['a;"b\n1;2\n', 'et felt i anførselstegn slutter ikke.'],
      ['a;"b"x;c\n1;2;3\n', 'tegn efter det afsluttende anførselstegn.'],
    ]) {
      const e = thrown(() => reader(text));
      expect(e.code).toBe('bad_value');
      expect(e.message).toBe(`f.csv, linje 1, kolonne «felt 2»: ${what}`);
    }
  });
  it('looks only at the current row for extra fields: every extra field must be empty, not just the first', () => {
    const r = reader('a;b\n1;2;;x\n1;2;y\n1;2\n1;2;\n');
    r.next();
    expect(thrown(() => r.checkFieldCount()).message).toBe(
      'f.csv, linje 2, kolonne «felt 4»: rækken har 4 felter, men overskriften har kun 2.',
    );
    r.next();
    expect(thrown(() => r.checkFieldCount()).column).toBe('felt 3');
    // The row before had a third field «y»; this row has two, and its own empty third is no data either.
    r.next();
    expect(() => r.checkFieldCount()).not.toThrow();
    r.next();
    expect(() => r.checkFieldCount()).not.toThrow();
  });
  it('skips blank lines of lone CRs, CRLFs and LFs between rows, counting each as one line', () => {
    expect(rows(reader('a;b\n1;2\n\r3;4\r\r\n\n5;6\r\r7;8\n'))).toEqual([
      [2, '1', '2'],
      [4, '3', '4'],
      [7, '5', '6'],
      [9, '7', '8'],
    ]);
    expect(rows(reader('a;b\r\r\n\r1;2'))).toEqual([[4, '1', '2']]);
  });
  it('parses integers in place up to the row end (CRLF, lone CR) and with the digit 0 anywhere', () => {
    const r = reader('a;b;c\r\n10;0;305\r\n7;8;90\r4;5;6\n');
    const ints = new Int32Array(3);
    expect(r.next(ints)).toBe(true);
    expect([...ints]).toEqual([10, 0, 305]);
    expect(r.next(ints)).toBe(true);
    expect([r.rowLine, ...ints]).toEqual([3, 7, 8, 90]);
    expect(r.next(ints)).toBe(true);
    expect([r.rowLine, ...ints]).toEqual([4, 4, 5, 6]);
    expect(r.next(ints)).toBe(false);
    // A last row without a line feed: its last field parsed up to the end of the file.
    const last = reader('a;b\n1;23');
    expect(last.next(ints)).toBe(true);
    expect([last.n, ints[0], ints[1]]).toEqual([2, 1, 23]);
  });
  it('takes a tab after a closing quote as the delimiter in a tab-separated file, not as a blank', () => {
    expect(rows(reader('a\tb\tc\n"1"\t"2" \t3\n'))).toEqual([[2, '1', '2', '3']]);
  });
});

describe('CsvReader: rows read in part', () => {
  it('reads the first fields, then the rest or nothing, and keeps the line count', () => {
    const r = reader('a;b;c\n1;2;3\n4;"x\ny";6\n7;8;9\r\n10;11;12\r13;14;15\n');
    expect(r.next(undefined, 1)).toBe(true);
    expect(r.n).toBe(1);
    expect(r.nextRowAt).toBe(-1);
    r.rest();
    expect([r.n, r.text(2)]).toEqual([3, '3']);
    r.rest(); // nothing left to read
    expect(r.n).toBe(3);
    expect(r.nextRowAt).toBe('a;b;c\n1;2;3\n'.length);
    expect(r.nextLine).toBe(3);
    // A row skipped unread: one with a line break in quotes, one with CRLF, one ending in a lone CR.
    expect(r.next(undefined, 1)).toBe(true);
    expect([r.rowLine, r.text(0)]).toEqual([3, '4']);
    r.skipRow();
    expect(r.next(undefined, 2)).toBe(true);
    expect([r.rowLine, r.text(0), r.text(1)]).toEqual([5, '7', '8']);
    expect(r.next(undefined, 1)).toBe(true); // skips the rest of row 5 itself
    expect([r.rowLine, r.text(0)]).toEqual([6, '10']);
    r.skipRow();
    r.skipRow(); // nothing to skip
    expect(r.next()).toBe(true);
    expect([r.rowLine, r.n, r.text(2)]).toEqual([7, 3, '15']);
    expect(r.next()).toBe(false);
  });
  it('skips the unread rest of a row whose line feed comes before a later quote', () => {
    const r = reader('a;b\n1;2\n3;"4"\n5;6\n');
    r.next(undefined, 1);
    r.skipRow();
    r.next(undefined, 1);
    r.skipRow();
    expect(rows(r)).toEqual([[4, '5', '6']]);
  });
  it('looks for the next quote and CR once while skipping rows up to them, not on every row (skipping stays linear in the chunk)', () => {
    // A file kept to a few people skips most rows; a quote or a lone CR far ahead must not be searched for from every row.
    const plain = Array.from({ length: 1000 }, (_, i) => `${i};x;y`).join('\n');
    const bytes = new TextEncoder().encode(`a;b;c\n${plain}\n1000;"p";q\n1001;r\rs;t\n`);
    const r = new CsvReader(bytes, 'f.csv');
    const indexOf = vi.spyOn(Buffer.prototype, 'indexOf');
    try {
      for (let i = 0; i < 1000; i++) {
        expect(r.next(undefined, 1)).toBe(true);
        r.skipRow();
      }
      const searches = (byte: number) =>
        indexOf.mock.calls.filter((args, k) => args[0] === byte && (indexOf.mock.contexts[k] as Buffer).buffer === bytes.buffer).length;
      expect([searches(34), searches(13)]).toEqual([1, 1]);
    } finally {
      indexOf.mockRestore();
    }
    expect(rows(r)).toEqual([
      [1002, '1000', 'p', 'q'],
      [1003, '1001', 'r'],
      [1004, 's', 't'],
    ]);
  });
  it('skips the rest of a plain row at its line feed (LF or CRLF) without reading its fields, and reads the rest of any other', () => {
    const plain = Array.from({ length: 50 }, (_, i) => `${i};x;y`);
    const r = reader(`a;b;c\n${plain.join('\n')}\n${plain.join('\r\n')}\r\n50;"p\nq";r\n51;s\rt;u\n52;v;w`);
    const fields = vi.spyOn(CsvReader.prototype as unknown as { fields: (ints: unknown, upTo: number) => void }, 'fields');
    try {
      const seen: [number, string][] = [];
      const read = () => {
        seen.push([r.rowLine, r.text(0)]);
        r.skipRow();
      };
      for (let i = 0; i < 100; i++) if (r.next(undefined, 1)) read();
      expect(fields).toHaveBeenCalledTimes(100); // one call per row: the first field only
      for (let i = 0; i < 10 && r.next(undefined, 1); i++) read(); // bounded: a wrong skip may start over
      expect(seen).toEqual([
        ...plain.map((_, i) => [2 + i, String(i)]),
        ...plain.map((_, i) => [52 + i, String(i)]),
        [102, '50'],
        [104, '51'],
        [105, 't'],
        [106, '52'],
      ]);
      // Two calls each for the rows with a quote or a lone CR in their rest and for the last row (no line feed); one for
      // the row after them: no quote or CR follows it.
      expect(fields).toHaveBeenCalledTimes(107);
      expect(r.next()).toBe(false);
    } finally {
      fields.mockRestore();
    }
  });
  it('skipTo goes on after rows a caller parsed itself', () => {
    const r = reader('a;b\n1;2\n3;4\n5;6\n');
    const at = r.nextRowAt;
    expect(at).toBe(4);
    r.skipTo(at + '1;2\n3;4\n'.length, 2);
    expect(r.nextLine).toBe(4);
    expect(rows(r)).toEqual([[4, '5', '6']]);
  });
  it('reads rows across chunks, counting lines on', () => {
    expect(rows(new CsvReader(chunks('a;b\n1;2\n', '\n3;4\n', '5;6'), 'f.csv'))).toEqual([
      [2, '1', '2'],
      [4, '3', '4'],
      [5, '5', '6'],
    ]);
    expect(rows(new CsvReader(bytesSource(Buffer.from('a;b\n1;2\n')), 'f.csv'))).toEqual([[2, '1', '2']]);
    expect(thrown(() => new CsvReader(chunks(), 'g.csv')).code).toBe('header');
  });
});

describe('listSome', () => {
  it('joins at most ten items, cut each, and counts the rest', () => {
    const items = Array.from({ length: 12 }, (_, i) => `k${i}`);
    expect(listSome(items.slice(0, 10))).toBe(items.slice(0, 10).join(', '));
    expect(listSome(items)).toBe(`${items.slice(0, 10).join(', ')} og 2 flere`);
    expect(listSome(['abcdef', 'xy'], 1, 4)).toBe('abc… og 1 flere');
    expect(
      listSome(
        Array.from({ length: 1234 }, () => 'a'),
        0,
      ),
    ).toBe(' og 1.234 flere');
  });
});
