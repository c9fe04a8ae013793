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

export function sheetName(s: string, used: Set<string>): string {
  const clean = s.replace(/[[\]*?/\\:]/g, ' ').replace(/\s+/g, ' ').trim() || 'Tabel';
  const base = wholeWords(clean, 31);
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${wholeWords(clean, 31 - ` ${i}`.length)} ${i}`;
  used.add(name.toLowerCase());
  return name;
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
  const used = new Set<string>();
  const front = wb.addWorksheet(sheetName('Om rapporten', used));
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
  for (const t of r.sections.flatMap((s) => s.tables ?? [])) {
    const ws = wb.addWorksheet(sheetName(t.caption, used));
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
