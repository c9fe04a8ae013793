/**
 * Input errors the user can act on (spec §1: name the file, the line and the column).
 * Messages are Danish; `code` is a stable machine code.
 */

export type RegisterErrorCode =
  | 'encoding'
  | 'header'
  | 'missing_column'
  | 'field_count'
  | 'bad_cpr'
  | 'bad_date'
  | 'bad_month'
  | 'bad_week'
  | 'bad_code'
  | 'bad_hours'
  | 'bad_value'
  | 'duplicate'
  | 'conflict'
  | 'unknown_codes'
  | 'too_large';

/**
 * Every message is bounded (a file can have a million columns or a megabyte-long name, and a
 * job's message is resent on every poll of its status): a name is cut at `MAX_NAME` characters,
 * a list names at most ten items and counts the rest (csv.ts listSome), a message is cut at
 * `MAX_MESSAGE` characters.
 */
export const MAX_NAME = 80;
export const MAX_MESSAGE = 2000;

/** A size in a message: whole MB from 1 MB, else kB. */
export function sizeText(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 1 ? `${Math.floor(mb).toLocaleString('da-DK')} MB` : `${Math.ceil(bytes / 1024).toLocaleString('da-DK')} kB`;
}

/** A name or value as shown in a message: at most `max` characters, cut with an ellipsis. */
export function shorten(s: string, max = MAX_NAME): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export interface Place {
  file: string;
  /** 1-based physical line number (the header is line 1). */
  line: number;
  /** Column name as written in the header. */
  column: string;
}

/** A code missing from the code table, with how many weeks and people carry it. */
export interface UnknownCode {
  code: number;
  weeks: number;
  people: number;
}

export class RegisterInputError extends Error {
  override name = 'RegisterInputError';
  readonly code: RegisterErrorCode;
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;
  /** The other place for a conflict (the earlier occurrence). */
  readonly other: Place | null;
  /** The unknown codes for `unknown_codes`. */
  readonly codes: number[];
  /** The unknown codes with their weeks and people, when counted. */
  readonly unknown: UnknownCode[];

  constructor(
    code: RegisterErrorCode,
    message: string,
    where: { file: string; line?: number | null; column?: string | null; other?: Place | null; codes?: number[]; unknown?: UnknownCode[] },
  ) {
    super(shorten(message, MAX_MESSAGE));
    this.code = code;
    this.file = shorten(where.file, 255);
    this.line = where.line ?? null;
    this.column = where.column ?? null;
    this.other = where.other ?? null;
    this.codes = where.codes ?? [];
    this.unknown = where.unknown ?? [];
  }
}

/** "fil.csv, linje 4, kolonne «timer»" */
export function placeText(p: { file: string; line?: number | null; column?: string | null }): string {
  let s = shorten(p.file, 255);
  if (p.line != null) s += `, linje ${p.line}`;
  if (p.column != null) s += `, kolonne «${shorten(p.column)}»`;
  return s;
}

/** Throw an error about one cell: "<place>: <what>". */
export function cellError(code: RegisterErrorCode, place: Place, what: string): RegisterInputError {
  return new RegisterInputError(code, `${placeText(place)}: ${what}`, place);
}
