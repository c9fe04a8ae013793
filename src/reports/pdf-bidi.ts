/**
 * Right-to-left text for the tagged PDF renderer. pdfkit has no bidirectional layout: it wraps a
 * paragraph left to right and hands each line to fontkit, which shapes Arabic script and turns
 * one run of it around — so a line mixing Arabic with Latin words or digits comes out scrambled.
 * Here the renderer lays out text itself, word by word: the words of a line are put in visual
 * order by a word-level simplification of the Unicode Bidirectional Algorithm (UAX #9: strong
 * types per word, numbers after Arabic letters as Arabic numbers, neutrals between two runs of one
 * direction take it, otherwise the paragraph's; levels reversed as in rule L2), and each word is
 * drawn on its own, where fontkit shapes it (joining forms, ligatures). Brackets drawn in the
 * Latin font inside a right-to-left word are mirrored (rule L4). Not covered: reordering inside a
 * word that mixes directions beyond that.
 */

export type Direction = 'ltr' | 'rtl';

/** A word's bidirectional type: R (Arabic/Hebrew letters), L (other letters), EN/AN (digits), O (neutral). */
export type WordType = 'R' | 'L' | 'EN' | 'AN' | 'O';

const RTL_LETTER = /[\u0590-\u05FF\u0600-\u065F\u066E-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const ARABIC_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

export function wordType(word: string): WordType {
  if (RTL_LETTER.test(word)) return 'R';
  if (LETTER.test(word)) return 'L';
  if (ARABIC_DIGIT.test(word)) return 'AN';
  if (DIGIT.test(word)) return 'EN';
  return 'O';
}

/**
 * The embedding level of each word of one line (UAX #9 W2, W7, N1, N2, I1, I2 at word level):
 * even is left to right, odd right to left.
 */
export function levels(types: readonly WordType[], dir: Direction): number[] {
  const base = dir === 'rtl' ? 1 : 0;
  // W2/W7: European digits after Arabic letters are Arabic numbers, after Latin letters (or at
  // the start of a left-to-right paragraph) Latin.
  let strong: 'L' | 'R' = dir === 'rtl' ? 'R' : 'L';
  const t: WordType[] = types.map((x) => {
    if (x === 'R' || x === 'L') strong = x;
    if (x === 'EN') return strong === 'R' ? 'AN' : 'L';
    return x;
  });
  // N1/N2: a neutral between two words of one direction (numbers count as right to left) takes it, else the paragraph's.
  const dirOf = (x: WordType): 'L' | 'R' | null => (x === 'L' ? 'L' : x === 'R' || x === 'AN' ? 'R' : null);
  const resolved = t.map((x, i) => {
    if (x !== 'O') return x;
    let before: 'L' | 'R' | null = null;
    for (let j = i - 1; j >= 0 && !before; j--) before = dirOf(t[j]);
    let after: 'L' | 'R' | null = null;
    for (let j = i + 1; j < t.length && !after; j++) after = dirOf(t[j]);
    before ??= base ? 'R' : 'L';
    after ??= base ? 'R' : 'L';
    return before === after ? before : base ? 'R' : 'L';
  });
  // I1/I2.
  return resolved.map((x) => {
    if (base === 0) return x === 'R' ? 1 : x === 'AN' ? 2 : 0;
    return x === 'L' || x === 'AN' ? 2 : 1;
  });
}

/** The visual order (left to right) of a line's words, as indices into the logical order (rule L2). */
export function visualOrder(types: readonly WordType[], dir: Direction): number[] {
  const lv = levels(types, dir);
  const order = lv.map((_, i) => i);
  const max = Math.max(0, ...lv);
  const lowestOdd = Math.min(...lv.filter((l) => l % 2 === 1), max + 1);
  for (let level = max; level >= lowestOdd && level > 0; level--) {
    for (let i = 0; i < order.length; ) {
      if (lv[order[i]] < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && lv[order[j]] >= level) j++;
      order.splice(i, j - i, ...order.slice(i, j).reverse());
      i = j;
    }
  }
  return order;
}

/**
 * fontkit turns around every run it takes to be Arabic script, digits included; a number drawn on
 * its own (Arabic-Indic digits) is therefore handed over back to front, so it comes out right.
 */
export function forFontkit(segment: string, type: WordType): string {
  if (type !== 'R') return ARABIC_DIGIT.test(segment) ? [...segment].reverse().join('') : segment;
  // L4: a bracket of a right-to-left word, drawn in a font fontkit does not turn around, shows its mirror image.
  return RTL_LETTER.test(segment) ? segment : segment.replace(/[()[\]{}<>«»]/g, (c) => MIRROR[c] ?? c);
}

const MIRROR: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };
