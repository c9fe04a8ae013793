/**
 * CSV renderer for Danish Excel (the one writer, core/csv.ts: BOM, `;`, CRLF, formulas neutralised), decimal comma. Each
 * table follows its caption; a share is written in percent (one decimal), a suppressed count as
 * shown (`<5`, `x`).
 */
import { csvDocument } from '../core/csv.ts';
import { stamp } from './format.ts';
import type { Cell, Report } from './model.ts';
import { reasonLines } from './suppression-reasons.ts';

const dec = (n: number, digits: number) => n.toFixed(digits).replace('.', ',').replace(/,0+$/, '');

export function csvValue(c: Cell): string {
  if (c.value === null || c.value === undefined) return '';
  if (c.kind === 'share') return typeof c.value === 'number' ? dec(100 * c.value, 1) : '';
  if (typeof c.value === 'number') return c.kind === 'number' ? dec(c.value, 1) : String(c.value);
  return String(c.value);
}

export function renderCsv(r: Report): Buffer {
  const lines: string[][] = [[r.title], [r.subtitle], [stamp(r.vintage)]];
  if (r.suppressed) lines.push([`Diskretionering: tal fra 1 til ${r.threshold - 1} vises som <${r.threshold}; tal, der ville afsløre dem, som x.`]);
  for (const s of r.sections) {
    lines.push([], [s.heading]);
    for (const p of s.paragraphs ?? []) lines.push([p]);
    if (s.freeText !== undefined) lines.push([s.freeText]);
    for (const t of s.tables ?? []) {
      lines.push([t.caption], t.columns.map((c, i) => (i > 0 && t.rows[0]?.[i]?.kind === 'share' ? `${c} (%)` : c)));
      for (const row of t.rows) lines.push(row.map(csvValue));
      if (t.note) lines.push([t.note]);
      for (const l of reasonLines(t)) lines.push([l]);
    }
  }
  return Buffer.from(csvDocument(lines), 'utf8');
}
