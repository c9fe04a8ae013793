/**
 * Paid hours from eIndkomst (spec §1.3): `cpr`, `maaned` (YYYY-MM), `timer`. Rows for the
 * same person and month are added together; a missing row means 0 hours.
 */
import { BASE_YEAR, parseMonth } from '../monitoring/calendar.ts';
import { RegisterBuilder } from './builder.ts';
import { CsvReader } from './csv.ts';
import { cprFromBytes, decimalFromBytes, monthFromBytes, parseDecimal } from './fields.ts';
import { cprFromText } from './benefits.ts';

export function readHours(bytes: Uint8Array, fileName: string, into = new RegisterBuilder()): RegisterBuilder {
  const r = new CsvReader(bytes, fileName);
  const cCpr = r.requireCol('cpr', 'pnr');
  const cMonth = r.requireCol('maaned', 'måned');
  const cHours = r.requireCol('timer');
  into.addSource({ file: fileName });
  const b = r.bytes;
  let lastCpr = '';
  let lastRaw = '';
  while (r.next()) {
    r.checkFieldCount();
    // Rows are usually sorted by person: compare the raw field before parsing it again.
    const raw = r.quoted[cCpr] ? r.text(cCpr) : latin1(b, r.starts[cCpr], r.ends[cCpr]);
    if (raw !== lastRaw) {
      const cpr = r.quoted[cCpr] ? cprFromText(raw) : cprFromBytes(b, r.starts[cCpr], r.ends[cCpr]);
      if (!cpr) throw r.error('bad_cpr', cCpr, `«${r.text(cCpr)}» er ikke et CPR-nummer (10 cifre, med eller uden bindestreg).`);
      lastCpr = cpr;
      lastRaw = raw;
    }
    const cpr = lastCpr;
    const month = r.quoted[cMonth] ? parseMonth(r.text(cMonth)) ?? -1 : monthFromBytes(b, r.starts[cMonth], r.ends[cMonth], BASE_YEAR);
    if (month === -1) throw r.error('bad_month', cMonth, `«${r.text(cMonth)}» er ikke en gyldig måned (forventet ÅÅÅÅ-MM, fx 2021-02).`);
    const hours = r.quoted[cHours] ? parseDecimal(r.text(cHours)) ?? NaN : decimalFromBytes(b, r.starts[cHours], r.ends[cHours]);
    if (!(hours >= 0)) {
      throw r.error('bad_hours', cHours, `«${r.text(cHours)}» er ikke et gyldigt antal timer (et tal ≥ 0 med decimalkomma eller -punktum, fx 80,5).`);
    }
    into.addHours(cpr, month, hours);
  }
  return into;
}

/** The raw bytes of a short ASCII field as a string (for cheap equality checks). */
function latin1(b: Uint8Array, s: number, e: number): string {
  let out = '';
  for (let p = s; p < e; p++) out += String.fromCharCode(b[p]);
  return out;
}
