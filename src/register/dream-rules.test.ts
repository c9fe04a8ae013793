import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultCodeTable } from './codetable.ts';
import { codeTableCsv, deriveCodeTable, dreamCategory, readDreamStatusList } from './dream-rules.ts';
import { thrown } from './test-files.ts';

const listText = readFileSync(new URL('./dream-statuskoder.csv', import.meta.url), 'utf8');
const shippedText = readFileSync(new URL('./kodetabel.default.csv', import.meta.url), 'utf8');

/** The rules of spec §1.4 written out again, straight from the spec text, over plain split lines. */
function bySpec(kode: number, ydelse: string, aktivitet: string): string {
  if ([0, 100, 121, 122, 123].includes(kode)) return 'ingen';
  if ([997, 998, 999].includes(kode)) return 'udgaaet';
  if ([651, 652, 521].includes(kode)) return 'uddannelse';
  if (aktivitet === 'Løntilskud') return 'loentilskud';
  if (aktivitet === 'Virksomhedspraktik') return 'praktik';
  if ([771, 774].includes(kode) || ydelse === 'Ledighedsydelse') return 'fleksjob';
  if ([781, 783].includes(kode)) return 'foertidspension';
  if (kode === 785 || ydelse === 'Ressourceforløb') return 'ressourceforloeb';
  return 'ydelse';
}

describe('shipped code table (spec §1.4)', () => {
  const list = listText
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(';'));
  const shipped = shippedText
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(';'));

  it('has one row per code of the public status list, in the same order, with the category the spec rules give', () => {
    expect(list.length).toBe(131);
    expect(shipped.length).toBe(list.length);
    list.forEach(([kode, ydelse, status, aktivitet], i) => {
      const [sKode, sKat, sTekst, sKilde] = shipped[i];
      expect(sKode).toBe(kode);
      expect(sKat, `kode ${kode}`).toBe(bySpec(Number(kode), ydelse, aktivitet));
      expect(sTekst).toBe(status);
      expect(sKilde).toMatch(/^DREAMs statusliste \(ydelse .+, aktivitet .+\), regel [1-7] i spec §1\.4$/);
    });
  });

  it('every row names the rule that decided it (first match wins)', () => {
    const rows = readDreamStatusList(Buffer.from(listText), 'dream-statuskoder.csv');
    for (const row of rows) {
      const { category, rule } = dreamCategory(row);
      expect(category).toBe(bySpec(row.kode, row.ydelse, row.aktivitet));
      const line = shipped.find((s) => Number(s[0]) === row.kode)!;
      expect(line[3]).toContain(`regel ${rule} `);
    }
    // 745 is ledighedsydelse with løntilskud: rule 3 comes before rule 4.
    expect(dreamCategory(rows.find((r) => r.kode === 745)!)).toEqual({ category: 'loentilskud', rule: 3 });
  });

  it('puts the codes the old table had wrong where the public list says', () => {
    const t = defaultCodeTable();
    const cat = (c: number) => t.entries.get(c)?.category;
    expect(cat(135)).toBe('loentilskud'); // kontanthjælp, løntilskud privat
    expect(cat(740)).toBe('fleksjob'); // ledighedsydelse
    expect(cat(521)).toBe('uddannelse'); // voksenlærling
    expect(cat(211)).toBe('ydelse'); // dagpenge, vejledning
    expect(cat(707)).toBe('praktik');
    expect(cat(810)).toBe('ressourceforloeb');
    expect(cat(0)).toBe('ingen');
    expect(cat(121)).toBe('ingen');
    expect(t.entries.size).toBe(131);
  });

  it('is exactly what `npm run kodetabel` writes from the list (derivation and CSV text)', () => {
    const rows = readDreamStatusList(Buffer.from(listText), 'dream-statuskoder.csv');
    expect(codeTableCsv(deriveCodeTable(rows))).toBe(shippedText);
  });
});

describe('the code table as CSV text', () => {
  it('quotes a cell holding the delimiter, a quote or a line break, doubling its quotes', () => {
    const csv = codeTableCsv([
      { kode: 1, kategori: 'ydelse', tekst: 'a;b', kilde: 'say "x"' },
      { kode: 2, kategori: 'ingen', tekst: 'two\nlines', kilde: 'plain' },
    ]);
    expect(csv).toBe('kode;kategori;tekst;kilde\n1;ydelse;"a;b";"say ""x"""\n2;ingen;"two\nlines";plain\n');
  });
  it('a status list row without a code is refused, naming the line', () => {
    const e = thrown(() => readDreamStatusList(Buffer.from('kode;ydelse;status;aktivitet\n1;a;b;c\nx;a;b;c\n'), 'l.csv'));
    expect(e).toMatchObject({ code: 'bad_code', line: 3, column: 'kode' });
    expect(e.message).toBe('l.csv, linje 3, kolonne «kode»: «x» er ikke en kode.');
  });
  it('the rules trim and ignore case in ydelse and aktivitet', () => {
    const cat = (kode: number, ydelse: string, aktivitet: string) => dreamCategory({ kode, ydelse, status: '', aktivitet }).category;
    expect(cat(5, 'x', ' LØNTILSKUD ')).toBe('loentilskud');
    expect(cat(5, 'x', ' Virksomhedspraktik')).toBe('praktik');
    expect(cat(5, ' LEDIGHEDSYDELSE ', 'Passiv')).toBe('fleksjob');
    expect(cat(5, 'Ressourceforløb ', 'Passiv')).toBe('ressourceforloeb');
    expect(cat(5, 'Kontanthjælp', 'Passiv')).toBe('ydelse');
  });
});
