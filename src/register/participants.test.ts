import { describe, expect, it } from 'vitest';
import { plainCprNumbers, plainFieldKey, readParticipants } from './participants.ts';
import { RegisterInputError } from './errors.ts';
import { fixture, thrown } from './test-files.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('readParticipants', () => {
  it('reads UTF-8 with `;`, both date forms, CPR with and without dash, Danish spellings', () => {
    const ps = readParticipants(fixture('deltagere.csv'), 'deltagere.csv');
    expect(ps).toHaveLength(4);
    expect(ps[0]).toEqual({
      id: 'A1',
      cpr: '0101901234',
      kommune: 'Aalborg',
      visitation: 'aktivitetsparat',
      indskrevet: '2021-01-15',
      udskrevet: null,
    });
    expect(ps[1]).toMatchObject({ cpr: '0202851236', indskrevet: '2021-03-01', udskrevet: '2021-09-30' });
    expect(ps[2].visitation).toBe('selvforsoergende');
    expect(ps[3]).toMatchObject({ kommune: 'Brøndby', visitation: 'oevrige' });
  });
  it('reads Windows-1252 with `,` and a quoted field holding the delimiter', () => {
    const ps = readParticipants(fixture('deltagere-1252.csv'), 'deltagere-1252.csv');
    expect(ps.map((p) => p.kommune)).toEqual(['Brøndby', 'Køge, Syd', 'Læsø og Åbenrå']);
    expect(ps.map((p) => p.visitation)).toEqual(['selvforsoergende', 'oevrige', 'jobparat']);
    expect(ps[0].indskrevet).toBe('2021-01-15');
  });
  it('reads a UTF-8 file with BOM, tab delimiter, CRLF and upper-case headers', () => {
    const ps = readParticipants(fixture('deltagere-bom-tab.csv'), 'deltagere-bom-tab.csv');
    expect(ps).toEqual([
      { id: 'C1', cpr: '0101901234', kommune: 'Aarhus', visitation: 'jobparat', indskrevet: '2021-01-15', udskrevet: null },
    ]);
  });
  it('a bad date names file, line and column', () => {
    const e = thrown(() => readParticipants(fixture('fejl-dato.csv'), 'fejl-dato.csv'));
    expect(e).toBeInstanceOf(RegisterInputError);
    expect(e).toMatchObject({ code: 'bad_date', file: 'fejl-dato.csv', line: 3, column: 'indskrevet' });
    expect(e.message).toBe(
      'fejl-dato.csv, linje 3, kolonne «indskrevet»: «2021-02-30» er ikke en gyldig dato (forventet ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ).',
    );
  });
  it('a bad CPR names file, line and column', () => {
    const e = thrown(() => readParticipants(fixture('fejl-cpr.csv'), 'fejl-cpr.csv'));
    expect(e).toMatchObject({ code: 'bad_cpr', line: 2, column: 'cpr' });
    expect(e.message).toMatch(/^fejl-cpr\.csv, linje 2, kolonne «cpr»: «010190-12345»/);
  });
  it('rejects duplicate ids, unknown visitation, exit before enrolment and a missing column', () => {
    const head = 'id;cpr;kommune;indskrevet;visitation;udskrevet\n';
    expect(
      thrown(() => readParticipants(enc(`${head}A;0101901234;K;2021-01-01;jobparat;\nA;0101901234;K;2021-01-01;jobparat;\n`), 'd.csv'))
        .message,
    ).toMatch(/d\.csv, linje 3, kolonne «id»: id «A» står også i linje 2/);
    expect(thrown(() => readParticipants(enc(`${head}A;0101901234;K;2021-01-01;ledig;\n`), 'd.csv'))).toMatchObject({
      line: 2,
      column: 'visitation',
    });
    // Almost a category: the start of one, one letter off, one letter more (read from the bytes, these must not pass).
    for (const v of ['job', 'aktivitet', 'xobparat', 'jobparatt', 'oevrig'])
      expect(
        thrown(() => readParticipants(enc(`${head}A;0101901234;K;2021-01-01;jobparat;\nB;0202851236;K;2021-01-01;${v};\n`), 'd.csv')),
        v,
      ).toMatchObject({
        line: 3,
        column: 'visitation',
        message: expect.stringContaining(`ukendt visitationskategori «${v}»`),
      });
    expect(thrown(() => readParticipants(enc(`${head}A;0101901234;K;2021-05-01;jobparat;2021-04-30\n`), 'd.csv')).message).toMatch(
      /linje 2, kolonne «udskrevet»: udskrivningsdatoen 2021-04-30 ligger før/,
    );
    expect(thrown(() => readParticipants(enc('id;cpr;kommune;indskrevet\nA;0101901234;K;2021-01-01\n'), 'd.csv'))).toMatchObject({
      code: 'missing_column',
      line: 1,
      column: 'visitation',
    });
  });
  it('finds a repeated id wherever the ids stop rising: the line named is the first row with that id', () => {
    const head = 'id;cpr;kommune;indskrevet;visitation;udskrevet\n';
    const rows = (ids: string[]) => enc(head + ids.map((id) => `${id};0101901234;K;2021-01-01;jobparat;\n`).join(''));
    // Rising ids, then one equal to the last, one equal to an earlier one, one after a fall.
    expect(thrown(() => readParticipants(rows(['A', 'B', 'C', 'C']), 'd.csv')).message).toMatch(
      /linje 5, kolonne «id»: id «C» står også i linje 4/,
    );
    expect(thrown(() => readParticipants(rows(['A', 'B', 'C', 'B']), 'd.csv')).message).toMatch(
      /linje 5, kolonne «id»: id «B» står også i linje 3/,
    );
    expect(thrown(() => readParticipants(rows(['B', 'C', 'A', 'D', 'C']), 'd.csv')).message).toMatch(
      /linje 6, kolonne «id»: id «C» står også i linje 3/,
    );
    expect(thrown(() => readParticipants(rows(['B', 'A', 'D', 'E', 'A']), 'd.csv')).message).toMatch(
      /linje 6, kolonne «id»: id «A» står også i linje 3/,
    );
    // Ids that fall without repeating are all read.
    expect(readParticipants(rows(['C', 'B', 'A', 'D', '10', '9']), 'd.csv').map((p) => p.id)).toEqual(['C', 'B', 'A', 'D', '10', '9']);
  });
  it('municipalities and dates read from bytes are the same text as read field by field', () => {
    const head = 'id;cpr;kommune;indskrevet;visitation;udskrevet\n';
    const body = [
      'A;0101901234;0101;2021-01-01;jobparat;2021-02-01',
      'B;0101901234;101;2021-01-01;jobparat;2021-01-02',
      'C;0101901234;"101";01-02-2021;jobparat;',
      'D;0101901234; 101 ;2021-01-01;jobparat;20210102',
      'E;0101901234;12345678;2021-01-01;jobparat;',
      'F;0101901234;123456789;2021-01-01;jobparat;',
      'G;0101901234;0101;2021-01-01;jobparat;2021-02-01',
    ];
    const csv = head + body.map((r) => r.replace('20210102', '2021-01-02')).join('\n');
    const ps = readParticipants(enc(csv), 'd.csv');
    expect(ps.map((p) => [p.kommune, p.indskrevet, p.udskrevet])).toEqual([
      ['0101', '2021-01-01', '2021-02-01'],
      ['101', '2021-01-01', '2021-01-02'],
      ['101', '2021-02-01', null],
      ['101', '2021-01-01', '2021-01-02'],
      ['12345678', '2021-01-01', null],
      ['123456789', '2021-01-01', null],
      ['0101', '2021-01-01', '2021-02-01'],
    ]);
    // Different bytes never share a key: leading zeros, lengths, dates against digits.
    const key = (t: string) => plainFieldKey(enc(t), 0, t.length);
    const texts = ['0', '00', '1', '01', '101', '0101', '12345678', '99999999', '2021-01-01', '2021-10-01', '0000-00-00', '20210101'];
    const keys = texts.map(key);
    expect(new Set(keys).size).toBe(texts.length);
    expect(keys.every((k) => k >= 0 && k < 2 ** 30)).toBe(true);
    expect(['', '123456789', '2021-1-01', 'K', '2021/01/01', '-1', '2021-0a-01'].map(key)).toEqual([-1, -1, -1, -1, -1, -1, -1]);
  });
  it('a row with too few fields names the missing column; an unterminated quote is an error', () => {
    const head = 'id;cpr;kommune;indskrevet;visitation;udskrevet\n';
    expect(thrown(() => readParticipants(enc(`${head}A;0101901234;K\n`), 'd.csv'))).toMatchObject({
      code: 'field_count',
      line: 2,
      column: 'indskrevet',
    });
    expect(thrown(() => readParticipants(enc(`${head}A;0101901234;"K;2021-01-01;jobparat;\n`), 'd.csv'))).toMatchObject({
      line: 2,
      column: 'kommune',
    });
  });
  it('a quoted field may hold a line break; later line numbers count physical lines', () => {
    const text =
      'id;cpr;kommune;indskrevet;visitation;udskrevet\nA;0101901234;"Nord\nSyd";2021-01-01;jobparat;\nB;0101901234;K;2021-13-01;jobparat;\n';
    const e = thrown(() => readParticipants(enc(text), 'q.csv'));
    expect(e).toMatchObject({ code: 'bad_date', line: 4, column: 'indskrevet' });
    expect(readParticipants(enc(text.replace('2021-13-01', '2021-12-01')), 'q.csv')[0].kommune).toBe('Nord\nSyd');
  });
  it('counts lines the same with LF, CRLF and lone CR line ends, blank lines included', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = [
        'id;cpr;kommune;indskrevet;visitation;udskrevet',
        'A;0101901234;K;2021-01-01;jobparat;',
        '',
        'B;0101901234;K;2021-02-30;jobparat;',
        '',
      ].join(nl);
      expect(thrown(() => readParticipants(enc(text), 'nl.csv'))).toMatchObject({ line: 4, column: 'indskrevet' });
    }
  });
  it('an empty file or one without a delimiter is a header error', () => {
    expect(thrown(() => readParticipants(enc(''), 'tom.csv'))).toMatchObject({ code: 'header', file: 'tom.csv' });
    expect(thrown(() => readParticipants(enc('id\nA\n'), 'x.csv'))).toMatchObject({ code: 'header' });
  });
  it('keyed by running number: the number may hold digits, letters, `_` and `-` (at most 40); the birth date must be real', () => {
    const head = 'id;løbenr;fødselsdato;kommune;indskrevet;visitation\n';
    const read = (row: string) => readParticipants(enc(`${head}${row}\n`), 'l.csv');
    expect(read('A;aB_9-z;02-03-1985;K;2021-01-04;jobparat')[0]).toEqual({
      id: 'A',
      cpr: '#aB_9-z',
      birthDate: '1985-03-02',
      kommune: 'K',
      visitation: 'jobparat',
      indskrevet: '2021-01-04',
      udskrevet: null,
    });
    expect(read(`A;${'7'.repeat(40)};1985-03-02;K;2021-01-04;jobparat`)[0].cpr).toBe(`#${'7'.repeat(40)}`);
    for (const bad of ['', '1 7', '17!', '7'.repeat(41)]) {
      const e = thrown(() => read(`A;${bad};1985-03-02;K;2021-01-04;jobparat`));
      expect(e, bad).toMatchObject({ code: 'bad_cpr', line: 2, column: 'løbenr' });
      expect(e.message).toBe(`l.csv, linje 2, kolonne «løbenr»: «${bad.slice(0, 40)}» er ikke et løbenummer (cifre eller bogstaver).`);
    }
    const e = thrown(() => read('A;17;1985-02-30;K;2021-01-04;jobparat'));
    expect(e).toMatchObject({ code: 'bad_date', line: 2, column: 'fødselsdato' });
    expect(e.message).toBe(
      'l.csv, linje 2, kolonne «fødselsdato»: «1985-02-30» er ikke en gyldig dato (forventet ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ).',
    );
  });
  it('a CPR column wins over a running-number column; a CPR that is not plain is normalised', () => {
    const p = readParticipants(enc('id;lobenr;cpr;kommune;indskrevet;visitation\nA;17; 010190-1234 ;K;2021-01-04;jobparat\n'), 'd.csv');
    expect(p[0]).toEqual({ id: 'A', cpr: '0101901234', kommune: 'K', visitation: 'jobparat', indskrevet: '2021-01-04', udskrevet: null });
  });
  it('names the missing id, kommune, the unknown visitation and a bad exit date in full', () => {
    const head = 'id;cpr;kommune;indskrevet;visitation;udskrevet\n';
    const msg = (row: string) => thrown(() => readParticipants(enc(`${head}${row}\n`), 'd.csv')).message;
    expect(msg(';0101901234;K;2021-01-01;jobparat;')).toBe('d.csv, linje 2, kolonne «id»: id mangler.');
    expect(msg('A;0101901234;;2021-01-01;jobparat;')).toBe('d.csv, linje 2, kolonne «kommune»: kommune mangler.');
    expect(msg('A;0101901234;K;2021-01-01;ledig;')).toBe(
      'd.csv, linje 2, kolonne «visitation»: ukendt visitationskategori «ledig»; brug en af: aktivitetsparat, jobparat, selvforsoergende, oevrige.',
    );
    expect(msg('A;0101901234;K;2021-01-01;jobparat;2021-02-30')).toBe(
      'd.csv, linje 2, kolonne «udskrevet»: «2021-02-30» er ikke en gyldig dato (forventet ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ).',
    );
    expect(msg('A;0101901234;K;2021-05-01;jobparat;2021-04-30')).toBe(
      'd.csv, linje 2, kolonne «udskrevet»: udskrivningsdatoen 2021-04-30 ligger før indskrivningsdatoen 2021-05-01.',
    );
    // Leaving on the day of enrolment is allowed; so is a visitation in upper case with spaces.
    expect(readParticipants(enc(`${head}A;0101901234;K;2021-05-01; JOBPARAT ;2021-05-01\n`), 'd.csv')[0]).toMatchObject({
      visitation: 'jobparat',
      udskrevet: '2021-05-01',
    });
  });
  it('reads the columns in any order, the running number, CPR or exit date standing first included; errors carry their code', () => {
    expect(
      readParticipants(enc('løbenr;id;fødselsdato;kommune;indskrevet;visitation\n17;A;1985-03-02;K;2021-01-04;jobparat\n'), 'd.csv')[0],
    ).toMatchObject({
      id: 'A',
      cpr: '#17',
      birthDate: '1985-03-02',
    });
    expect(
      readParticipants(enc('cpr;id;lobenr;kommune;indskrevet;visitation\n0101901234;A;17;K;2021-01-04;jobparat\n'), 'd.csv')[0].cpr,
    ).toBe('0101901234');
    expect(
      readParticipants(enc('udskrevet;id;cpr;kommune;indskrevet;visitation\n2021-03-01;A;0101901234;K;2021-01-04;jobparat\n'), 'd.csv')[0]
        .udskrevet,
    ).toBe('2021-03-01');
    const head = 'id;cpr;kommune;indskrevet;visitation;udskrevet\n';
    const code = (row: string) => (thrown(() => readParticipants(enc(`${head}${row}\n`), 'd.csv')) as { code?: string }).code;
    expect(code(';0101901234;K;2021-01-01;jobparat;')).toBe('bad_value');
    expect(code('A;0101901234;;2021-01-01;jobparat;')).toBe('bad_value');
    expect(code('A;0101901234;K;2021-01-01;ledig;')).toBe('bad_value');
    expect(code('A;0101901234;K;2021-01-01;jobparat;2021-02-30')).toBe('bad_date');
    expect(code('A;0101901234;K;2021-05-01;jobparat;2021-04-30')).toBe('bad_date');
    expect(code('A;0101901234;K;2021-01-01;jobparat;\nA;0101901234;K;2021-01-01;jobparat;')).toBe('duplicate');
    const long = '1'.repeat(45);
    const e = thrown(() =>
      readParticipants(enc(`id;lobenr;foedselsdato;kommune;indskrevet;visitation\nA;17;${long};K;2021-01-04;jobparat\n`), 'd.csv'),
    );
    expect(e.message).toContain(`«${'1'.repeat(40)}» er ikke en gyldig dato`);
  });
});

describe('plainCprNumbers (the reader thread takes its people from the participants file)', () => {
  const nums = (text: string) => {
    const got = plainCprNumbers(enc(text));
    return got === null ? null : [...got];
  };
  it('reads the CPR column wherever it stands, row by row, with LF or CRLF, blank lines skipped and no line end at the end', () => {
    expect(nums('id;cpr;kommune\nD1;0101901234;851\nD2;3112999999;851\n')).toEqual([101901234, 3112999999]);
    expect(nums('cpr,id\r\n0101901234,D1\r\n\r\n3112999999,D2')).toEqual([101901234, 3112999999]);
    expect(nums('id\tkommune\tcpr\nD1\t851\t0101901234\n\nD2\t851\t3112999999\n')).toEqual([101901234, 3112999999]);
    // Repeats are kept as rows (a woman enrolled twice); the main thread compares them row by row.
    expect(nums('id;cpr\nD1;0101901234\nD2;0101901234\n')).toEqual([101901234, 101901234]);
    expect(nums('id;cpr\n')).toEqual([]);
  });
  it('gives up (null) on anything the full reader must read: quotes, a lone CR, too few fields, a CPR that is not ten plain digits, no cpr column', () => {
    expect(nums('id;cpr\nD1;"0101901234"\n')).toBeNull();
    expect(nums('id;cpr;navn\nD1;0101901234;"a\nb"\n')).toBeNull();
    expect(nums('id;cpr\nD1;0101901234\rD2;3112999999\n')).toBeNull();
    expect(nums('id;kommune;cpr\nD1;851\n')).toBeNull();
    expect(nums('id;cpr\nD1;010190-1234\n')).toBeNull();
    expect(nums('id;cpr\nD1;010190123\n')).toBeNull();
    expect(nums('id;cpr\nD1;01019012345\n')).toBeNull();
    expect(nums('id;cpr\nD1;010190123x\n')).toBeNull();
    expect(nums('id;cpr\nD1; 0101901234\n')).toBeNull();
    expect(nums('id;lobenr;foedselsdato\nD1;77;1980-01-01\n')).toBeNull();
  });
});
