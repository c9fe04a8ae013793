/** Read downloads the way their reader does: PDF text (poppler's pdftotext) and XLSX cells (exceljs). */
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';

/** Every cell's text of every sheet of an XLSX file, by sheet. */
export async function xlsxCells(bytes: Buffer): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out = new Map<string, string[][]>();
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row, r) => {
      rows[r - 1] = (row.values as unknown[]).slice(1).map((_, i) => row.getCell(i + 1).text);
    });
    out.set(ws.name, rows);
  });
  return out;
}

/**
 * The text of a PDF, as poppler extracts it. `layout`: keep the physical layout, so that a table
 * row is one line even when a header above it wraps (reading order may interleave them).
 */
export function pdfText(bytes: Buffer, o: { layout?: boolean } = {}): string {
  return execFileSync('pdftotext', [...(o.layout ? ['-layout'] : []), '-enc', 'UTF-8', '-', '-'], {
    input: bytes,
    maxBuffer: 64 << 20,
  }).toString('utf8');
}

/** The text a reader of the answer sees: PDF text, every XLSX cell, or the body. */
export async function readableText(res: LightMyRequestResponse): Promise<{ kind: 'pdf' | 'xlsx' | 'text'; text: string }> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith('application/pdf')) return { kind: 'pdf', text: pdfText(res.rawPayload) };
  if (type.includes('spreadsheetml')) {
    const sheets = await xlsxCells(res.rawPayload);
    return {
      kind: 'xlsx',
      text: [...sheets].map(([name, rows]) => [name, ...rows.map((r) => (r ?? []).join('\t'))].join('\n')).join('\n'),
    };
  }
  return { kind: 'text', text: res.body };
}
/** Whitespace folded, so that a name broken over two PDF lines is still found. */
export const fold = (s: string) => s.replace(/\s+/g, ' ');

/** The fields of a `;`-separated CSV text or line, in order across lines (quotes undone, no BOM). */
export function csvFields(csv: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';' || ch === '\n') {
      out.push(cur.replace(/\r$/, ''));
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((f) => f.replace(/^\uFEFF/, ''));
}

/** A CSV download's cells as a spreadsheet reads them: the byte-order mark dropped, rows by CRLF, cells by `;`. */
export const csvRows = (body: string): string[][] =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((l) => l.split(';'));
