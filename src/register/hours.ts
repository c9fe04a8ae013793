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
  let lastStart = -1;
  let lastLen = -1;
  while (r.next()) {
    r.checkFieldCount();
    // Rows are usually sorted by person: reuse the previous CPR when the raw bytes match.
    const s = r.starts[cCpr];
    const len = r.ends[cCpr] - s;
    let same = len === lastLen && !r.quoted[cCpr];
    for (let k = 0; same && k < len; k++) same = b[s + k] === b[lastStart + k];
    if (!same) {
      const cpr = r.quoted[cCpr] ? cprFromText(r.text(cCpr)) : cprFromBytes(b, s, r.ends[cCpr]);
      if (!cpr) throw r.error('bad_cpr', cCpr, `«${r.text(cCpr)}» er ikke et CPR-nummer (10 cifre, med eller uden bindestreg).`);
      lastCpr = cpr;
      lastStart = s;
      lastLen = r.quoted[cCpr] ? -1 : len;
    }
    const cpr = lastCpr;
    const month = r.quoted[cMonth] ? parseMonth(r.text(cMonth)) ?? NaN : monthFromBytes(b, r.starts[cMonth], r.ends[cMonth], BASE_YEAR);
    if (Number.isNaN(month)) throw r.error('bad_month', cMonth, `«${r.text(cMonth)}» er ikke en gyldig måned (forventet ÅÅÅÅ-MM, fx 2021-02).`);
    const hours = r.quoted[cHours] ? parseDecimal(r.text(cHours)) ?? NaN : decimalFromBytes(b, r.starts[cHours], r.ends[cHours]);
    if (!(hours >= 0)) {
      throw r.error('bad_hours', cHours, `«${r.text(cHours)}» er ikke et gyldigt antal timer (et tal ≥ 0 med decimalkomma eller -punktum, fx 80,5).`);
    }
    into.addHours(cpr, month, hours);
  }
  return into;
}

