/**
 * Participants (`deltagere`, spec §1.1). A CPR number may stand on several rows (a woman
 * enrolled twice); each row is a participant of its own, and `id` must be unique.
 */
import { isPlainCpr, parseCpr } from '../core/cpr.ts';
import { isoDateText } from '../monitoring/calendar.ts';
import { VISITATIONS, type Participant, type Visitation } from '../monitoring/types.ts';
import { CsvReader } from './csv.ts';
import { runningNumberKey, tenDigits } from './person-key.ts';

const VISITATION_ALIASES: Record<string, Visitation> = {
  selvforsørgende: 'selvforsoergende',
  øvrige: 'oevrige',
};

export function parseVisitation(text: string): Visitation | null {
  if ((VISITATIONS as readonly string[]).includes(text)) return text as Visitation; // as written, the usual case
  const t = text.trim().toLowerCase();
  if ((VISITATIONS as readonly string[]).includes(t)) return t as Visitation;
  return VISITATION_ALIASES[t] ?? null;
}

/** At most this many distinct municipality and date strings are shared (`once`). */
const MAX_SHARED = 100_000;

export function readParticipants(bytes: Uint8Array, fileName: string): Participant[] {
  const r = new CsvReader(bytes, fileName);
  const cId = r.requireCol('id');
  // An extract keyed by running number (`lobenr`) carries the birth date (`foedselsdato`) instead of CPR.
  const cLobenr = r.col('cpr') < 0 ? r.col('lobenr', 'løbenr') : -1;
  const cCpr = cLobenr >= 0 ? -1 : r.requireCol('cpr');
  const cBirth = cLobenr >= 0 ? r.requireCol('foedselsdato', 'fødselsdato') : -1;
  const cKommune = r.requireCol('kommune');
  const cIn = r.requireCol('indskrevet');
  const cVis = r.requireCol('visitation');
  const cOut = r.col('udskrevet');
  const out: Participant[] = [];
  const lineOfId = new Map<string, number>();
  // Municipalities and dates repeat from row to row: one string each, so that 100,000 rows keep
  // two new strings (id, CPR) rather than five (fewer survivors for the young-generation GC to copy).
  const same = new Map<string, string>();
  const once = (t: string): string => {
    const had = same.get(t);
    if (had !== undefined) return had;
    if (same.size < MAX_SHARED) same.set(t, t);
    return t;
  };
  while (r.next()) {
    r.checkFieldCount();
    const id = r.text(cId);
    if (!id) throw r.error('bad_value', cId, 'id mangler.');
    const before = lineOfId.get(id);
    if (before !== undefined) throw r.error('duplicate', cId, `id «${id}» står også i linje ${before}; id skal være entydigt.`);
    lineOfId.set(id, r.rowLine);
    let key: string;
    let birthDate: string | undefined;
    if (cLobenr >= 0) {
      const lobenr = r.text(cLobenr);
      if (!/^[0-9A-Za-z_-]{1,40}$/.test(lobenr))
        throw r.error('bad_cpr', cLobenr, `«${lobenr.slice(0, 40)}» er ikke et løbenummer (cifre eller bogstaver).`);
      key = runningNumberKey(lobenr);
      const born = isoDateText(r.text(cBirth));
      if (born === null)
        throw r.error(
          'bad_date',
          cBirth,
          `«${r.text(cBirth).slice(0, 40)}» er ikke en gyldig dato (forventet ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ).`,
        );
      birthDate = born;
    } else {
      const text = r.text(cCpr);
      if (isPlainCpr(text)) key = text;
      else {
        const cpr = parseCpr(text);
        if (!cpr.ok) throw r.error('bad_cpr', cCpr, `«${text}»: ${cpr.error}`);
        key = cpr.value.cpr;
      }
    }
    const kommune = once(r.text(cKommune));
    if (!kommune) throw r.error('bad_value', cKommune, 'kommune mangler.');
    const indskrevet = isoDateText(once(r.text(cIn)));
    if (indskrevet === null)
      throw r.error('bad_date', cIn, `«${r.text(cIn)}» er ikke en gyldig dato (forventet ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ).`);
    const visitation = parseVisitation(r.text(cVis));
    if (!visitation) {
      throw r.error(
        'bad_value',
        cVis,
        `ukendt visitationskategori «${r.text(cVis)}»; brug en af: aktivitetsparat, jobparat, selvforsoergende, oevrige.`,
      );
    }
    const udskrevet = exitDate(r, cOut, indskrevet, once);
    out.push(
      birthDate
        ? { id, cpr: key, birthDate, kommune, visitation, indskrevet, udskrevet }
        : { id, cpr: key, kommune, visitation, indskrevet, udskrevet },
    );
  }
  return out;
}

/** The row's exit date (`udskrevet`), or null when the column is missing or blank; never before the enrolment. */
function exitDate(r: CsvReader, cOut: number, indskrevet: string, once: (t: string) => string): string | null {
  const outText = cOut >= 0 ? r.text(cOut) : '';
  if (!outText) return null;
  const udskrevet = isoDateText(once(outText));
  if (udskrevet === null) throw r.error('bad_date', cOut, `«${outText}» er ikke en gyldig dato (forventet ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ).`);
  if (udskrevet < indskrevet)
    throw r.error('bad_date', cOut, `udskrivningsdatoen ${udskrevet} ligger før indskrivningsdatoen ${indskrevet}.`);
  return udskrevet;
}

/**
 * The participants' CPR numbers, row by row, when every row's `cpr` is ten plain digits (no
 * quotes, dash or blanks), read without the rest of the row; else null. The reader thread of
 * parallel.ts takes these to start reading at once instead of waiting for `readParticipants`
 * on the main thread, which then checks they are its own (load.ts).
 */
export function plainCprNumbers(bytes: Uint8Array): Float64Array | null {
  try {
    const r = new CsvReader(bytes, 'deltagere');
    const c = r.col('cpr');
    if (c < 0) return null;
    const out: number[] = [];
    while (r.next(undefined, c + 1)) {
      if (r.n <= c || r.quoted[c] || r.ends[c] - r.starts[c] !== 10) return null;
      const n = tenDigits(r.text(c));
      if (n < 0) return null;
      out.push(n);
    }
    return Float64Array.from(out);
  } catch {
    return null;
  }
}
