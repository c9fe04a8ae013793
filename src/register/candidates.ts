/**
 * A candidate list (Bruttomålgruppen, issue 13) as the municipality exports it from its own
 * systems: `cpr` (or `pnr`), `navn`, and optionally `ydelse`, `oprindelse` and `kommune` (the
 * 3-digit code, for a joint project). Read with the shared CSV reader (delimiter, encoding,
 * quotes), and unlike the register files every bad row is collected rather than the first one
 * thrown, so the user sees every line to fix at once and may choose to skip them. A file-level
 * fault (no header, a missing column) is still thrown as a RegisterInputError.
 */
import { parseCpr } from '../core/cpr.ts';
import { CsvReader } from './csv.ts';
import { RegisterInputError, shorten } from './errors.ts';

export interface CandidateListRow {
  line: number;
  cpr: string;
  name: string;
  benefit: string | null;
  origin: string | null;
  municipality: string | null;
}

export interface CandidateRowError {
  line: number;
  message: string;
}

export interface CandidateList {
  rows: CandidateListRow[];
  errors: CandidateRowError[];
  /** Bad rows beyond the first MAX_ROW_ERRORS are counted, not listed. */
  moreErrors: number;
}

export const MAX_ROW_ERRORS = 50;
export const MAX_CANDIDATE_ROWS = 20_000;

export function readCandidateList(bytes: Uint8Array, fileName: string): CandidateList {
  const r = new CsvReader(bytes, fileName);
  const cCpr = r.requireCol('cpr', 'pnr', 'cpr-nummer', 'cprnr');
  const cName = r.requireCol('navn', 'name');
  const cBenefit = r.col('ydelse', 'forsørgelse', 'forsoergelse');
  const cOrigin = r.col('oprindelse', 'oprindelsesland', 'herkomst');
  const cMun = r.col('kommune', 'kommunekode');
  const rows: CandidateListRow[] = [];
  const errors: CandidateRowError[] = [];
  let moreErrors = 0;
  const lineOf = new Map<string, number>();
  const bad = (message: string) => {
    if (errors.length < MAX_ROW_ERRORS) errors.push({ line: r.rowLine, message: `Linje ${r.rowLine}: ${message}` });
    else moreErrors++;
  };
  const opt = (c: number, max: number, label: string): string | null | undefined => {
    if (c < 0) return null;
    const v = r.text(c);
    if (!v) return null;
    if (v.length > max) {
      bad(`${label} er længere end ${max} tegn.`);
      return undefined;
    }
    return v;
  };
  while (r.next()) {
    if (rows.length + errors.length + moreErrors >= MAX_CANDIDATE_ROWS) {
      throw new RegisterInputError(
        'too_large',
        `${fileName}: listen har flere end ${MAX_CANDIDATE_ROWS.toLocaleString('da-DK')} rækker. Del den op.`,
        { file: fileName },
      );
    }
    try {
      r.checkFieldCount();
    } catch (e) {
      if (!(e instanceof RegisterInputError)) throw e;
      bad(e.message.replace(/^.*?linje \d+(, kolonne «[^»]*»)?: /, ''));
      continue;
    }
    const rawCpr = r.text(cCpr);
    const cpr = parseCpr(rawCpr);
    if (!cpr.ok) {
      bad(rawCpr ? `«${shorten(rawCpr, 20)}» i kolonnen «${r.header[cCpr]}»: ${cpr.error}` : `CPR-nummeret mangler.`);
      continue;
    }
    const before = lineOf.get(cpr.value.cpr);
    if (before !== undefined) {
      bad(`CPR-nummeret står også i linje ${before}; en kvinde kan kun stå én gang på listen.`);
      continue;
    }
    const name = r.text(cName);
    if (!name) {
      bad('navnet mangler.');
      continue;
    }
    if (name.length > 200) {
      bad('navnet er længere end 200 tegn.');
      continue;
    }
    const benefit = opt(cBenefit, 100, 'Ydelsen');
    const origin = opt(cOrigin, 100, 'Oprindelsen');
    const mun = cMun >= 0 ? r.text(cMun) : '';
    if (benefit === undefined || origin === undefined) continue;
    if (mun && !/^\d{3}$/.test(mun)) {
      bad(`«${shorten(mun, 20)}» i kolonnen «${r.header[cMun]}» er ikke en kommunekode (3 cifre, fx 851).`);
      continue;
    }
    lineOf.set(cpr.value.cpr, r.rowLine);
    rows.push({ line: r.rowLine, cpr: cpr.value.cpr, name, benefit, origin, municipality: mun || null });
  }
  return { rows, errors, moreErrors };
}
