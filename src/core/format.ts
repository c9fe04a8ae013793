/** Danish display formats shared by pages and reports. */
import { formatDateDa, formatIsoWeekDa, formatMonthDa } from './dates.ts';

/** 'YYYY-MM-DD' → 'D.M.YYYY' (the one Danish date form of the UI); '–' for none. */
export function formatDate(d: string | null | undefined): string {
  return d ? formatDateDa(d) : '–';
}

/** 'YYYY-MM' → 'december 2022'; '–' for none. */
export function formatMonth(m: string | null | undefined): string {
  return m ? formatMonthDa(m) : '–';
}

/** 'YYYY-Www' → 'uge 48 i 2026'; '–' for none. */
export function formatWeek(w: string | null | undefined): string {
  return w ? formatIsoWeekDa(w) : '–';
}

/** A register period, from … to, each a month or an ISO week ('2017-W36', '2026-11'), in words. */
export function formatPeriod(from: string | null | undefined, to: string | null | undefined): string {
  const end = (x: string | null | undefined) => (x ? formatIsoWeekDa(formatMonthDa(x)) : '–');
  return `${end(from)} – ${end(to)}`;
}

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment as Danish local time, 'D.M.YYYY kl. H.MM' (2.12.2026 kl. 8.30); '–' for none. */
export function formatDateTime(at: Date | string | null | undefined): string {
  if (at === null || at === undefined || at === '') return '–';
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return '–';
  const part: Record<string, string> = {};
  for (const p of clock.formatToParts(d)) part[p.type] = p.value;
  return `${Number(part.day)}.${Number(part.month)}.${part.year} kl. ${Number(part.hour)}.${part.minute}`;
}

const nf = new Intl.NumberFormat('da-DK');
export const formatNumber = (n: number) => nf.format(n);
export const formatPercent = (part: number, whole: number) =>
  whole > 0 ? `${new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 }).format((100 * part) / whole)} %` : '–';
