/**
 * The one CSV writer: `;`-separated UTF-8 with BOM and CRLF, as Danish Excel opens it. A cell a
 * spreadsheet would run as a formula — text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return (CSV injection) — gets a leading apostrophe, so it shows as the text it is; numbers,
 * also negative ones, stay numbers. Every CSV Fremdrift writes goes through here.
 */

const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** One cell: neutralised if it would be a formula, quoted if it holds `;`, `"` or a line break. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Rows of cells → the whole file, with BOM and a closing CRLF. */
export function csvDocument(rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
