import { describe, expect, it } from 'vitest';
import { forFontkit, visualOrder, wordType } from './pdf-bidi.ts';

describe('word-level bidirectional order for the PDF', () => {
  it('types words by their letters and digits', () => {
    expect(['خطتي', 'Amina', '2026', '٢٠٢٦', '–', 'في:', '(8'].map(wordType)).toEqual(['R', 'L', 'EN', 'AN', 'O', 'R', 'EN']);
  });

  it('lays a right-to-left line from the right, keeping Latin words and numbers left to right inside it', () => {
    expect(visualOrder(['R', 'R', 'R'], 'rtl')).toEqual([2, 1, 0]);
    // "أريد العمل Kok i kantine" → the Danish words stay in their order, left of the Arabic.
    expect(visualOrder(['R', 'R', 'L', 'L', 'L'], 'rtl')).toEqual([2, 3, 4, 1, 0]);
    // A number between Arabic words is an island of its own.
    expect(visualOrder(['R', 'EN', 'R', 'EN'], 'rtl')).toEqual([3, 2, 1, 0]);
    // A neutral between two Latin words goes with them; between Latin and Arabic, with the paragraph.
    expect(visualOrder(['R', 'L', 'O', 'L'], 'rtl')).toEqual([1, 2, 3, 0]);
    expect(visualOrder(['R', 'O', 'L'], 'rtl')).toEqual([2, 1, 0]);
    // Latin words with digits after them: "Plan 2026" stays together in that order.
    expect(visualOrder(['R', 'L', 'EN'], 'rtl')).toEqual([1, 2, 0]);
  });

  it('keeps a left-to-right line in order, turning around only a run of Arabic inside it', () => {
    expect(visualOrder(['L', 'L', 'EN'], 'ltr')).toEqual([0, 1, 2]);
    expect(visualOrder(['L', 'R', 'O', 'R', 'L'], 'ltr')).toEqual([0, 3, 2, 1, 4]);
  });

  it('hands fontkit Arabic-Indic numbers back to front (it turns them around) and mirrors brackets of an Arabic word', () => {
    expect(forFontkit('٢٠٢٦', 'AN')).toBe('٦٢٠٢');
    expect(forFontkit('2026', 'EN')).toBe('2026');
    expect(forFontkit('خطتي', 'R')).toBe('خطتي');
    expect(forFontkit('(', 'R')).toBe(')');
    expect(forFontkit('(', 'L')).toBe('(');
  });
});
