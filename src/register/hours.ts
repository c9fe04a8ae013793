/**
 * Paid hours from eIndkomst (spec §1.3): `cpr`, `maaned` (YYYY-MM), `timer`. Rows for the
 * same person and month are added together; a missing row means 0 hours.
 */
import { BASE_YEAR, parseMonth } from '../monitoring/calendar.ts';
import { RegisterBuilder } from './builder.ts';
import { CsvReader } from './csv.ts';
import { CprColumn } from './cpr-column.ts';
import { decimalFromBytes, monthFromBytes, parseDecimal } from './fields.ts';

export function readHours(bytes: Uint8Array, fileName: string, into = new RegisterBuilder()): RegisterBuilder {
  const r = new CsvReader(bytes, fileName);
  const cCpr = r.requireCol('cpr', 'pnr');
  const cMonth = r.requireCol('maaned', 'måned');
  const cHours = r.requireCol('timer');
  into.addSource({ file: fileName });
  const b = r.bytes;
  const cprs = new CprColumn(r, cCpr);
  while (r.next()) {
    r.checkFieldCount();
    const cpr = cprs.read();
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

