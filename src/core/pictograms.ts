/**
 * The pictograms of "Min plan" as path data, shared by the page (inline SVG, web/pages/citizen)
 * and the A4 print (drawn as vector shapes by reports/my-plan-pdf.ts): simple line drawings on a
 * 24 × 24 grid, stroked, never filled.
 */
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
