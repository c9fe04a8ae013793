/**
 * XLSX renderer (exceljs): a front sheet with title and data vintage, then one sheet per table.
 * Sheet names are cut between words (Excel allows 31 characters); counts, shares and numbers are
 * numbers, dates are dates; a suppressed count («<5», «x») is an empty cell with a note saying
 * why, and a last column «Skjulte tal» names the row's hidden figures and their markers
 * («Mål 2: <5»), so a number column holds only numbers.
 */
import ExcelJS from 'exceljs';
import { stamp } from './format.ts';
import type { Cell, Report } from './model.ts';

/** At most `max` characters, cut at a word boundary (a single over-long word is cut). */
function wholeWords(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max + 1);
  const at = cut.lastIndexOf(' ');
  let out = at > 0 ? cut.slice(0, at) : s.slice(0, max);
  // A parenthesis left open by the cut goes, with what it had begun.
  if ((out.match(/\(/g) ?? []).length > (out.match(/\)/g) ?? []).length) out = out.slice(0, out.lastIndexOf('('));
  return out.replace(/[\s,:;–-]+$/, '');
}

/** Words a cut name must not end in: they lead on to what was cut («Måned for måned: status i»). */
const LEADING = /\s+(og|i|til|med|ved|efter|for|af|pr\.|på|om|fra)$/i;

/** The cut of a cleaned caption: whole words, without a word that leads on at its end. */
function cutName(clean: string, max: number): string {
  let out = wholeWords(clean, max);
  if (out.length < clean.length) while (LEADING.test(out)) out = out.replace(LEADING, '');
  return out.replace(/[\s,:;–-]+$/, '') || wholeWords(clean, max);
}

const clean = (s: string) => s.replace(/[[\]*?/\\:]/g, ' ').replace(/\s+/g, ' ').trim() || 'Tabel';

/**
 * Sheet names for captions, in order: each cut between words to Excel's 31 characters. Captions
 * whose cuts coincide though the captions differ («Resultater og indsats efter kanal», «… efter
 * oprindelsesland») are named by what differs, from the last shared word («Efter kanal»), not
 * numbered; only a caption repeated whole gets a number.
 */
export function sheetNames(captions: string[]): string[] {
  const cleaned = captions.map(clean);
  const cuts = cleaned.map((c) => cutName(c, 31));
  const wordsOf = cleaned.map((c) => c.split(' '));
  const names = cleaned.map((c, i) => {
    const peers = wordsOf.filter((_, j) => cuts[j] === cuts[i] && cleaned[j] !== c);
    if (!peers.length) return cuts[i];
    const words = wordsOf[i];
    let shared = 0;
    while (peers.every((o) => o[shared] === words[shared]) && shared < words.length - 1) shared++;
    const tail = words.slice(Math.max(0, shared - 1)).join(' ');
    return cutName(tail.charAt(0).toUpperCase() + tail.slice(1), 31);
  });
  const used = new Set<string>();
  return names.map((base, i) => {
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${cutName(base === cuts[i] ? cleaned[i] : base, 31 - ` ${n}`.length)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** A suppressed figure: a count, share or number cell that holds its marker ("<5", "x") instead of a value. */
const isMarker = (c: Cell) => c.kind !== 'text' && c.kind !== 'date' && typeof c.value === 'string';
const isoDate = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : null);

function suppressionNote(marker: string, threshold: number): string {
  return marker.startsWith('<')
    ? `Skjult (diskretionering): tallet er mellem 1 og ${threshold - 1}.`
    : 'Skjult (diskretionering): tallet ville afsløre et andet skjult tal.';
}

export async function renderXlsx(r: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fremdrift';
  wb.title = r.title;
  const tables = r.sections.flatMap((s) => s.tables ?? []);
  const [frontName, ...tableNames] = sheetNames(['Om rapporten', ...tables.map((t) => t.caption)]);
  const front = wb.addWorksheet(frontName);
  front.addRow([r.title]).font = { bold: true, size: 14 };
  front.addRow([r.subtitle]);
  front.addRow([stamp(r.vintage)]);
  if (r.suppressed) front.addRow([`Diskretionering: tal fra 1 til ${r.threshold - 1} er skjult; det samme er tal, der ville afsløre dem. En skjult celle er tom og har en note, og kolonnen «Skjulte tal» nævner den med sin markering (<${r.threshold} eller x).`]);
  for (const s of r.sections) {
    const written = s.freeText?.trim();
    if (written || s.paragraphs?.length) {
      front.addRow([]);
      front.addRow([s.heading]).font = { bold: true };
      for (const p of s.paragraphs ?? []) front.addRow([p]);
      if (written) front.addRow([written]);
    }
  }
  front.getColumn(1).width = 120;
  for (const [i, t] of tables.entries()) {
    const ws = wb.addWorksheet(tableNames[i]);
    const flagged = t.rows.some((row) => row.some(isMarker));
    ws.addRow([t.caption]).font = { bold: true };
    ws.addRow(flagged ? [...t.columns, 'Skjulte tal'] : t.columns).font = { bold: true };
    for (const row of t.rows) {
      const values = row.map((c) => {
        if (c.value === null || isMarker(c)) return null;
        if (c.kind === 'date') return isoDate(String(c.value)) ?? c.value;
        return c.value;
      });
      const hidden = row.map((c, i) => (isMarker(c) ? `${t.columns[i]}: ${String(c.value)}` : null)).filter((x): x is string => x !== null);
      const x = ws.addRow(flagged ? [...values, hidden.join(', ') || null] : values);
      row.forEach((c, i) => {
        const cell = x.getCell(i + 1);
        if (c.kind === 'share' && typeof c.value === 'number') cell.numFmt = '0%';
        if (c.kind === 'date' && cell.value instanceof Date) cell.numFmt = 'd.m.yyyy';
        if (isMarker(c)) cell.note = `${String(c.value)}: ${c.reason ?? suppressionNote(String(c.value), r.threshold)}`;
      });
    }
    if (t.note) ws.addRow([t.note]);
    ws.columns.forEach((col, i) => { col.width = i === 0 ? 40 : 16; });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
