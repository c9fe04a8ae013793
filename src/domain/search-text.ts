/**
 * Name search that ignores accents and case: "Dogan" finds Doğan, "begic" finds Begić,
 * "SAHIN" finds Şahin. Danish æ, ø and å are letters of their own and stay distinct.
 * The same character map folds the typed text here and the stored names in SQL
 * (`translate(…, FOLD_FROM, FOLD_TO)` then `lower(…)`), so both sides agree on every backend
 * whatever the database's collation.
 */

/** Letters with diacritics (both cases) and what they fold to. */
const PAIRS: [string, string][] = [
  ['ÀÁÂÃÄĀĂĄàáâãäāăą', 'a'],
  ['ÇĆĈĊČçćĉċč', 'c'],
  ['ĎĐďđ', 'd'],
  ['ÈÉÊËĒĔĖĘĚèéêëēĕėęě', 'e'],
  ['ĜĞĠĢĝğġģ', 'g'],
  ['ĤĦĥħ', 'h'],
  ['ÌÍÎÏĨĪĬĮİìíîïĩīĭįı', 'i'],
  ['Ĵĵ', 'j'],
  ['Ķķ', 'k'],
  ['ĹĻĽĿŁĺļľŀł', 'l'],
  ['ÑŃŅŇñńņň', 'n'],
  ['ÒÓÔÕÖŌŎŐòóôõöōŏő', 'o'],
  ['ŔŖŘŕŗř', 'r'],
  ['ŚŜŞŠȘśŝşšș', 's'],
  ['ŢŤŦȚţťŧț', 't'],
  ['ÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűų', 'u'],
  ['Ŵŵ', 'w'],
  ['ÝŸŶýÿŷ', 'y'],
  ['ŹŻŽźżž', 'z'],
  ['Æ', 'æ'],
  ['Ø', 'ø'],
  ['Å', 'å'],
];

export const FOLD_FROM = PAIRS.map(([from]) => from).join('');
export const FOLD_TO = PAIRS.map(([from, to]) => to.repeat([...from].length)).join('');

const MAP = new Map([...FOLD_FROM].map((c, i) => [c, [...FOLD_TO][i]]));

/** Fold a text the way the SQL expression folds names: mapped letters, then ASCII lower case. */
export function foldForSearch(text: string): string {
  return [...text.normalize('NFC')]
    .map((c) => MAP.get(c) ?? c)
    .join('')
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/\s+/g, ' ')
    .trim();
}

/** The SQL expression that folds a text column or expression the same way. */
export const foldSql = (expr: string) => `lower(translate(${expr}, '${FOLD_FROM}', '${FOLD_TO}'))`;

/**
 * What a search in the list of women is for: a whole CPR number (any of `-`, `/`, `.` or spaces
 * between its parts), the birth-date part of one (DDMMYY), a birth date (d.m.åååå, dd-mm-åååå,
 * ddmmåååå), or else a name.
 */
export type SearchTerm =
  | { kind: 'cpr'; cpr: string }
  | { kind: 'foedselsdato'; ddmmyy: string }
  | { kind: 'foedselsdato'; date: string }
  | { kind: 'navn'; folded: string };

export function parseSearch(text: string, birthDate: (s: string) => string | null): SearchTerm | null {
  const s = text.trim();
  if (!s) return null;
  const digits = s.replace(/[-\s/.]/g, '');
  if (/^\d{10}$/.test(digits)) return { kind: 'cpr', cpr: digits };
  if (/^\d{6}$/.test(s)) return { kind: 'foedselsdato', ddmmyy: s };
  const date = birthDate(s);
  if (date) return { kind: 'foedselsdato', date };
  return { kind: 'navn', folded: foldForSearch(s) };
}

/**
 * What the audit log keeps of a search: its kind and its length, never the text (a name, CPR
 * number or birth date typed there is personal data, and the log is kept for years, also after
 * she is erased). The result counts are recorded beside it by the caller.
 */
export function searchForAudit(text: string | undefined | null): { kind: SearchTerm['kind']; length: number } | null {
  const s = (text ?? '').trim();
  if (!s) return null;
  const digits = s.replace(/[-\s/.]/g, '');
  const kind: SearchTerm['kind'] = /^\d{10}$/.test(digits) ? 'cpr' : /^[\d\s./-]+$/.test(s) ? 'foedselsdato' : 'navn';
  return { kind, length: [...s].length };
}
