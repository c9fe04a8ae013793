/**
 * Pictograms beside each section of "Min plan": simple line drawings, inline SVG (no requests,
 * allowed by the strict CSP). Decorative: the heading next to each says the same in words, so
 * they are hidden from screen readers. The same shapes are drawn in the PDF (`PICTOGRAM_PATHS`, core/pictograms.ts).
 */
import { PICTOGRAM_PATHS, type Pictogram } from '../../../core/pictograms.ts';
import { raw, type SafeHtml } from '../../html.ts';

export type { Pictogram };
export { PICTOGRAM_PATHS };

export function pictogram(name: Pictogram, className = 'pictogram'): SafeHtml {
  const paths = PICTOGRAM_PATHS[name].map((d) => `<path d="${d}"/>`).join('');
  return raw(
    `<svg class="${className}" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`,
  );
}

/** Fremdriftstrappen as a picture: five steps rising, those reached filled. Hidden from screen readers (the step is said in words beside it). */
export function stairs(step: number): SafeHtml {
  const rects = [1, 2, 3, 4, 5]
    .map(
      (i) =>
        `<rect x="${(i - 1) * 12 + 1}" y="${50 - i * 10 + 1}" width="11" height="${i * 10 - 2}" rx="1.5" class="${i <= step ? 'stair-on' : 'stair-off'}"/>`,
    )
    .join('');
  return raw(`<svg class="stairs" viewBox="0 0 62 50" width="93" height="75" aria-hidden="true" focusable="false">${rects}</svg>`);
}
