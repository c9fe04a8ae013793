/** Danish display of report cells, shared by the HTML, PDF and CSV renderers. */
import { formatDate, formatDateTime, formatMonth, formatWeek } from '../core/format.ts';
import type { Cell } from './model.ts';

const nf = new Intl.NumberFormat('da-DK');
const nf1 = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
const pct = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });

export function cellText(c: Cell): string {
  if (c.value === null || c.value === undefined) return '–';
  switch (c.kind) {
    case 'count': return typeof c.value === 'number' ? nf.format(c.value) : String(c.value);
    case 'share': return typeof c.value === 'number' ? `${pct.format(100 * c.value)} %` : '–';
    case 'number': return typeof c.value === 'number' ? nf1.format(c.value) : String(c.value);
    case 'date': { const s = String(c.value); return /^\d{4}-\d{2}-\d{2}/.test(s) ? formatDate(s) : s; }
    default: return String(c.value);
  }
}

export const isNumeric = (c: Cell) => c.kind === 'count' || c.kind === 'share' || c.kind === 'number';

export function stamp(v: { definition: string; registerImportedAt: string | null; lastWeek: string | null; lastMonth: string | null; periodFrom: string; periodTo: string; caseDataAt: string; plain?: string }): string {
  if (v.plain) return v.plain;
  return `Definition ${v.definition}. Periode ${formatMonth(v.periodFrom)} til ${formatMonth(v.periodTo)}. Registerdata senest indlæst ${formatDateTime(v.registerImportedAt)} `
    + `(ydelser til og med ${formatWeek(v.lastWeek)}, løntimer til og med ${formatMonth(v.lastMonth)}). Sagsdata pr. ${formatDateTime(v.caseDataAt)}.`;
}
