/** Danish display formats shared by pages and reports. */
/** 'YYYY-MM-DD' → 'D.M.YYYY' (Danish short date); '–' for none. */
export function formatDate(d: string | null | undefined): string {
  if (!d) return '–';
  const [y, m, day] = d.slice(0, 10).split('-');
  return `${Number(day)}.${Number(m)}.${y}`;
}

const nf = new Intl.NumberFormat('da-DK');
export const formatNumber = (n: number) => nf.format(n);
export const formatPercent = (part: number, whole: number) => (whole > 0 ? `${new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 }).format((100 * part) / whole)} %` : '–');
