/**
 * The shipped code table's rules (spec §1.4): each code of DREAM's public status list
 * (`dream-statuskoder.csv`: `kode`, `ydelse`, `status`, `aktivitet`) gets one category, first
 * matching rule wins. `kodetabel.default.csv` is generated from the list by these rules
 * (`npm run kodetabel`), and a test derives it again and compares row by row.
 */
import type { Category } from '../monitoring/types.ts';
import { CsvReader } from './csv.ts';
import { intFromBytes } from './fields.ts';

export interface DreamStatusRow {
  kode: number;
  /** Benefit group, e.g. `Kontanthjælp`, `Ledighedsydelse`. */
  ydelse: string;
  /** The code's text. */
  status: string;
  /** Passiv, Vejl. og opkval., Uddannelse, Løntilskud, Virksomhedspraktik, Nytteindsats, Delvis raskmeldt. */
  aktivitet: string;
}

export interface DerivedCode {
  kode: number;
  kategori: Category;
  tekst: string;
  /** Which list and rule gave the category. */
  kilde: string;
}

/** The category of one status-list row and the number of the rule (1–7) that gave it. */
export function dreamCategory(row: DreamStatusRow): { category: Category; rule: number } {
  const k = row.kode;
  const ydelse = row.ydelse.trim().toLowerCase();
  const aktivitet = row.aktivitet.trim().toLowerCase();
  if (k === 0 || k === 100 || k === 121 || k === 122 || k === 123) return { category: 'ingen', rule: 1 };
  if (k === 997 || k === 998 || k === 999) return { category: 'udgaaet', rule: 1 };
  if (k === 651 || k === 652 || k === 521) return { category: 'uddannelse', rule: 2 };
  if (aktivitet === 'løntilskud') return { category: 'loentilskud', rule: 3 };
  if (aktivitet === 'virksomhedspraktik') return { category: 'praktik', rule: 3 };
  if (k === 771 || k === 774 || ydelse === 'ledighedsydelse') return { category: 'fleksjob', rule: 4 };
  if (k === 781 || k === 783) return { category: 'foertidspension', rule: 5 };
  if (k === 785 || ydelse === 'ressourceforløb') return { category: 'ressourceforloeb', rule: 6 };
  return { category: 'ydelse', rule: 7 };
}

/** Read the public status list (`;`-separated, UTF-8). */
export function readDreamStatusList(bytes: Uint8Array, fileName: string): DreamStatusRow[] {
  const r = new CsvReader(bytes, fileName);
  const cKode = r.requireCol('kode');
  const cYdelse = r.requireCol('ydelse');
  const cStatus = r.requireCol('status');
  const cAktivitet = r.requireCol('aktivitet');
  const rows: DreamStatusRow[] = [];
  while (r.next()) {
    r.checkFieldCount();
    const kode = intFromBytes(r.bytes, r.starts[cKode], r.ends[cKode]);
    if (kode < 0) throw r.error('bad_code', cKode, `«${r.text(cKode)}» er ikke en kode.`);
    rows.push({ kode, ydelse: r.text(cYdelse), status: r.text(cStatus), aktivitet: r.text(cAktivitet) });
  }
  return rows;
}

/** The shipped table's rows, derived from the status list. */
export function deriveCodeTable(rows: readonly DreamStatusRow[]): DerivedCode[] {
  return rows.map((row) => {
    const { category, rule } = dreamCategory(row);
    return {
      kode: row.kode,
      kategori: category,
      tekst: row.status,
      kilde: `DREAMs statusliste (ydelse ${row.ydelse}, aktivitet ${row.aktivitet}), regel ${rule} i spec §1.4`,
    };
  });
}

/** `kodetabel.default.csv` as text (`;`-separated, UTF-8, header `kode;kategori;tekst;kilde`). */
export function codeTableCsv(codes: readonly DerivedCode[]): string {
  const cell = (s: string) => (/[;"\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return (
    ['kode;kategori;tekst;kilde', ...codes.map((c) => [String(c.kode), c.kategori, cell(c.tekst), cell(c.kilde)].join(';'))].join('\n') +
    '\n'
  );
}
