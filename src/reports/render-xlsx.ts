/** XLSX renderer (exceljs): a front sheet with title and data vintage, then one sheet per table. */
import ExcelJS from 'exceljs';
import { stamp } from './format.ts';
import type { Report } from './model.ts';

const sheetName = (s: string, used: Set<string>) => {
  const base = s.replace(/[[\]*?/\\:]/g, ' ').slice(0, 28).trim() || 'Tabel';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 26)} ${i}`;
  used.add(name.toLowerCase());
  return name;
};

export async function renderXlsx(r: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fremdrift';
  wb.title = r.title;
  const used = new Set<string>();
  const front = wb.addWorksheet(sheetName('Om rapporten', used));
  front.addRow([r.title]).font = { bold: true, size: 14 };
  front.addRow([r.subtitle]);
  front.addRow([stamp(r.vintage)]);
  if (r.suppressed) front.addRow([`Diskretionering: tal fra 1 til ${r.threshold - 1} vises som <${r.threshold}; tal, der ville afsløre dem, som x.`]);
  for (const s of r.sections) {
    if (s.freeText !== undefined || s.paragraphs?.length) {
      front.addRow([]);
      front.addRow([s.heading]).font = { bold: true };
      for (const p of s.paragraphs ?? []) front.addRow([p]);
      if (s.freeText !== undefined) front.addRow([s.freeText || '(ikke skrevet)']);
    }
  }
  front.getColumn(1).width = 120;
  for (const t of r.sections.flatMap((s) => s.tables ?? [])) {
    const ws = wb.addWorksheet(sheetName(t.caption, used));
    ws.addRow([t.caption]).font = { bold: true };
    ws.addRow(t.columns).font = { bold: true };
    for (const row of t.rows) {
      const x = ws.addRow(row.map((c) => (c.value === null ? null : c.value)));
      row.forEach((c, i) => { if (c.kind === 'share' && typeof c.value === 'number') x.getCell(i + 1).numFmt = '0%'; });
    }
    if (t.note) ws.addRow([t.note]);
    ws.columns.forEach((col, i) => { col.width = i === 0 ? 40 : 16; });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
