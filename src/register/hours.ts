/**
 * Paid hours from eIndkomst (spec §1.3): `cpr`, `maaned` (YYYY-MM), `timer`. Rows for the
 * same person and month are added together; a missing row means 0 hours.
 */
import { parseMonth } from '../monitoring/calendar.ts';
import { RegisterBuilder } from './builder.ts';
import { CsvReader } from './csv.ts';
import { cprFromBytes, parseDecimal } from './fields.ts';
import { cprFromText } from './benefits.ts';

export function readHours(bytes: Uint8Array, fileName: string, into = new RegisterBuilder()): RegisterBuilder {
  const r = new CsvReader(bytes, fileName);
  const cCpr = r.requireCol('cpr', 'pnr');
  const cMonth = r.requireCol('maaned', 'måned');
  const cHours = r.requireCol('timer');
  into.addSource({ file: fileName });
  while (r.next()) {
    r.checkFieldCount();
    const cpr = r.quoted[cCpr] ? cprFromText(r.text(cCpr)) : cprFromBytes(r.bytes, r.starts[cCpr], r.ends[cCpr]);
    if (!cpr) throw r.error('bad_cpr', cCpr, `«${r.text(cCpr)}» er ikke et CPR-nummer (10 cifre, med eller uden bindestreg).`);
    const month = parseMonth(r.text(cMonth));
    if (month === null) throw r.error('bad_month', cMonth, `«${r.text(cMonth)}» er ikke en gyldig måned (forventet ÅÅÅÅ-MM, fx 2021-02).`);
    const hours = parseDecimal(r.text(cHours));
    if (hours === null || hours < 0) {
      throw r.error('bad_hours', cHours, `«${r.text(cHours)}» er ikke et gyldigt antal timer (et tal ≥ 0 med decimalkomma eller -punktum, fx 80,5).`);
    }
    into.addHours(cpr, month, hours);
  }
  return into;
}
