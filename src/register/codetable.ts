/**
 * The DREAM code table (spec §1.4): `kode`, `kategori`, optional `tekst` and `kilde` (where the
 * mapping comes from); other columns are ignored. A code maps to exactly one category; code 0
 * (self-support) is a valid code.
 */
import { readFileSync } from 'node:fs';
import { CATEGORIES, MAX_CODE, type Category, type CodeEntry, type CodeTable } from '../monitoring/types.ts';
import type { ByteSource } from './chunks.ts';
import { CsvReader } from './csv.ts';
import { intFromBytes } from './fields.ts';

const CATEGORY_ID = new Map<string, number>(CATEGORIES.map((c, i) => [c, i + 1]));
// Spellings with Danish letters map to the spec's ASCII names.
const ALIASES: Record<string, Category> = {
  førtidspension: 'foertidspension',
  ressourceforløb: 'ressourceforloeb',
  løntilskud: 'loentilskud',
  udgået: 'udgaaet',
};

export function emptyCodeTable(): CodeTable {
  return { entries: new Map(), categoryOf: new Uint8Array(MAX_CODE + 1) };
}

export function addCode(table: CodeTable, entry: CodeEntry): void {
  table.entries.set(entry.code, entry);
  table.categoryOf[entry.code] = CATEGORY_ID.get(entry.category)!;
}

export function readCodeTable(input: Uint8Array | ByteSource, fileName: string): CodeTable {
  const r = new CsvReader(input, fileName);
  const cKode = r.requireCol('kode');
  const cKat = r.requireCol('kategori');
  const cTekst = r.col('tekst');
  const cKilde = r.col('kilde');
  const table = emptyCodeTable();
  while (r.next()) {
    r.checkFieldCount();
    const code = intFromBytes(r.bytes, r.starts[cKode], r.ends[cKode]);
    const codeText = r.text(cKode);
    const parsed = r.quoted[cKode] ? (/^\d+$/.test(codeText) ? Number(codeText) : -2) : code;
    if (parsed < 0 || parsed > MAX_CODE)
      throw r.error('bad_code', cKode, `«${codeText}» er ikke en gyldig kode (et heltal fra 0 til ${MAX_CODE}).`);
    const katText = r.text(cKat).toLowerCase();
    const category = (CATEGORY_ID.has(katText) ? katText : ALIASES[katText]) as Category | undefined;
    if (!category) throw r.error('bad_value', cKat, `ukendt kategori «${r.text(cKat)}»; brug en af: ${CATEGORIES.join(', ')}.`);
    const before = table.entries.get(parsed);
    if (before && before.category !== category) {
      throw r.error('duplicate', cKode, `koden ${parsed} står allerede i tabellen med kategorien ${before.category}.`);
    }
    const kilde = cKilde >= 0 ? r.text(cKilde) : '';
    addCode(table, { code: parsed, category, tekst: cTekst >= 0 ? r.text(cTekst) : '', ...(kilde ? { kilde } : {}) });
  }
  return table;
}

/** The shipped table, parsed once: a memo of data that ships with the code (callers get a copy), not state of a server. */
let shipped: CodeTable | null = null;

/**
 * The table shipped with Fremdrift (`kodetabel.default.csv`): every code of DREAM's public
 * status list, categorised by the rules of spec §1.4 (dream-rules.ts); each row's `kilde` names
 * the list and the rule. Returns a copy, so a caller may add codes without changing the default.
 */
export function defaultCodeTable(): CodeTable {
  if (!shipped) {
    const url = new URL('./kodetabel.default.csv', import.meta.url);
    shipped = readCodeTable(readFileSync(url), 'kodetabel.default.csv');
  }
  return { entries: new Map(shipped.entries), categoryOf: shipped.categoryOf.slice() };
}
