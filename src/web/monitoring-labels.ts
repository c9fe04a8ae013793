/** How monitoring counts are shown (labels of the definitions are in core/labels.ts). */
import type { Count } from '../monitoring/types.ts';

const pct = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const nf = new Intl.NumberFormat('da-DK');

/** A count as shown: numbers formatted, suppressed cells ('<5', 'x') as they are. */
export const showCount = (c: Count | null | undefined) => (c === null || c === undefined ? '–' : typeof c === 'number' ? nf.format(c) : c);

/** Share in percent, hidden ('–') when either count is suppressed. */
export function showShare(c: Count | null | undefined, d: Count | null | undefined): string {
  if (typeof c !== 'number' || typeof d !== 'number' || d === 0) return '–';
  return `${pct.format((100 * c) / d)} %`;
}
