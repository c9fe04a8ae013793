/**
 * Pictograms beside each section of "Min plan": simple line drawings, inline SVG (no requests,
 * allowed by the strict CSP). Decorative: the heading next to each says the same in words, so
 * they are hidden from screen readers. The same shapes are drawn in the PDF (`PICTOGRAM_PATHS`).
 */
import { raw, type SafeHtml } from '../../html.ts';

export type Pictogram = 'goal' | 'abc' | 'steps' | 'now' | 'next' | 'talk' | 'progress' | 'wellbeing' | 'pencil' | 'print';

/** SVG path data on a 24 × 24 grid, stroked. */
export const PICTOGRAM_PATHS: Record<Pictogram, string[]> = {
  goal: ['M12 3a9 9 0 1 0 0.01 0', 'M12 7a5 5 0 1 0 0.01 0', 'M12 11a1 1 0 1 0 0.01 0', 'M12 12L20 4', 'M17 4h3v3'],
  abc: ['M12 2v20', 'M12 4h7l2 2-2 2h-7', 'M12 10H5l-2 2 2 2h7', 'M12 16h6l2 2-2 2h-6'],
  steps: ['M5 21V3', 'M5 4h12l-3 4 3 4H5'],
  now: ['M4 5h16v15H4z', 'M4 9h16', 'M8 3v4', 'M16 3v4', 'M9 14l2 2 4-4'],
  next: ['M12 3a9 9 0 1 0 0.01 0', 'M12 7v5l3 3'],
  talk: ['M3 5h12v8H8l-3 3v-3H3z', 'M15 9h6v8h-2v3l-3-3h-5v-4'],
  progress: ['M3 21h4v-4h4v-4h4v-4h4V5h2', 'M3 21h18'],
  wellbeing: ['M12 3a9 9 0 1 0 0.01 0', 'M8 14c1 2 2.5 3 4 3s3-1 4-3', 'M9 9v1', 'M15 9v1'],
  pencil: ['M4 20l1-5L16 4l4 4L9 19z', 'M14 6l4 4'],
  print: ['M6 9V3h12v6', 'M6 18H4v-8h16v8h-2', 'M6 14h12v7H6z'],
};

export function pictogram(name: Pictogram, className = 'pictogram'): SafeHtml {
  const paths = PICTOGRAM_PATHS[name].map((d) => `<path d="${d}"/>`).join('');
  return raw(
    `<svg class="${className}" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`,
  );
}

/** Fremdriftstrappen as a picture: five steps rising, those reached filled. Hidden from screen readers (the step is said in words beside it). */
export function stairs(step: number): SafeHtml {
  const rects = [1, 2, 3, 4, 5]
    .map((i) => `<rect x="${(i - 1) * 12 + 1}" y="${50 - i * 10 + 1}" width="11" height="${i * 10 - 2}" rx="1.5" class="${i <= step ? 'stair-on' : 'stair-off'}"/>`)
    .join('');
  return raw(`<svg class="stairs" viewBox="0 0 62 50" width="93" height="75" aria-hidden="true" focusable="false">${rects}</svg>`);
}
