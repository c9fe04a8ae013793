/** Danish display formats shared by pages and reports. */
import { formatDateDa } from './dates.ts';

/** 'YYYY-MM-DD' → 'D.M.YYYY' (the one Danish date form of the UI); '–' for none. */
export function formatDate(d: string | null | undefined): string {
  return d ? formatDateDa(d) : '–';
}

const nf = new Intl.NumberFormat('da-DK');
export const formatNumber = (n: number) => nf.format(n);
export const formatPercent = (part: number, whole: number) =>
  whole > 0 ? `${new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 }).format((100 * part) / whole)} %` : '–';
