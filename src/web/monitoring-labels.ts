/** Danish labels for the monitoring definitions (spec kib-2019.1). */
import type { Count } from '../monitoring/types.ts';

export const LEVEL_LABELS: Record<string, string> = {
  '1': 'Mål 1: uddannelse eller beskæftigelse over 18,5 t/uge',
  '2': 'Mål 2: løntimer, højst 18,5 t/uge',
  '3': 'Mål 3: virksomhedspraktik eller løntilskud',
  '0': 'Intet af målene',
  '1_or_2': 'Mål 1 eller 2',
};
export const SHORT_LEVEL: Record<string, string> = { '1': 'Mål 1', '2': 'Mål 2', '3': 'Mål 3', '0': 'Ingen', '1_or_2': 'Mål 1 eller 2' };

export const DURABLE_LABELS: Record<string, string> = {
  full: 'Varig beskæftigelse over deltid',
  partial: 'Varig beskæftigelse, deltid eller mindre',
  none: 'Ikke varig beskæftigelse',
};

export const SNAPSHOT_LABELS: Record<string, string> = {
  udgaaet: 'Udgået af populationen',
  uddannelse: 'Uddannelse (SU)',
  beskaeftigelse_fuld: 'Beskæftigelse over deltid',
  beskaeftigelse_delvis: 'Beskæftigelse, deltid eller mindre',
  fleksjob: 'Fleksjob',
  foertidspension: 'Førtidspension',
  ressourceforloeb: 'Ressource- eller jobafklaringsforløb',
  ledig_ydelse: 'Ledig på ydelse (inkl. praktik og løntilskud)',
  selvforsoergende: 'Selvforsørgende uden løntimer',
};

export const AGE_LABELS: Record<string, string> = { other: 'Uden for 18–64' };

const pct = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const nf = new Intl.NumberFormat('da-DK');

/** A count as shown: numbers formatted, suppressed cells ('<5', 'x') as they are. */
export const showCount = (c: Count | null | undefined) => (c === null || c === undefined ? '–' : typeof c === 'number' ? nf.format(c) : c);

/** Share in percent, hidden ('–') when either count is suppressed. */
export function showShare(c: Count | null | undefined, d: Count | null | undefined): string {
  if (typeof c !== 'number' || typeof d !== 'number' || d === 0) return '–';
  return `${pct.format((100 * c) / d)} %`;
}
