/**
 * Paid hours from eIndkomst (spec §1.3): person (`cpr`, `pnr` or `lobenr`), `maaned`
 * (YYYY-MM), `timer`. Rows for the same person and month are added together; a missing row
 * means 0 hours. Read in chunks; with `keep`, other people's rows are skipped unread.
 */
import { BASE_YEAR, parseMonth } from '../monitoring/calendar.ts';
import { RegisterBuilder } from './builder.ts';
import { sourceOf, type RegisterInput } from './chunks.ts';
import { CsvReader } from './csv.ts';
import { decimalFromBytes, monthFromBytes, parseDecimal } from './fields.ts';
import { fromLimits, keepNumbers, PersonColumn, type PersonKey, type ReadOptions } from './person-key.ts';

export function readHours(input: RegisterInput, fileName: string, into = new RegisterBuilder(), options: ReadOptions = {}): RegisterBuilder {
  const r = new CsvReader(sourceOf(input), fileName);
  const person = new PersonColumn(r, 'cpr', 'pnr');
  const cMonth = r.requireCol('maaned', 'måned');
  const cHours = r.requireCol('timer');
  into.addSource({ file: fileName });
  const fromMonth = fromLimits(options, fileName).month;
  const keep = options.keep;
  const keepNum = keepNumbers(keep);
  const upTo = keep ? person.index + 1 : 0x7fffffff;
  while (r.next(undefined, upTo)) {
    let key: PersonKey;
    if (keep) {
      const k = person.keptKey(keep, keepNum);
      if (k === null) continue;
      key = k;
      r.rest();
      r.checkFieldCount();
    } else {
      r.checkFieldCount();
      key = person.key();
    }
    const b = r.bytes;
    const month = r.quoted[cMonth] ? parseMonth(r.text(cMonth)) ?? NaN : monthFromBytes(b, r.starts[cMonth], r.ends[cMonth], BASE_YEAR);
    if (Number.isNaN(month)) throw r.error('bad_month', cMonth, `«${r.text(cMonth).slice(0, 40)}» er ikke en gyldig måned (forventet ÅÅÅÅ-MM, fx 2021-02).`);
    const hours = r.quoted[cHours] ? parseDecimal(r.text(cHours)) ?? NaN : decimalFromBytes(b, r.starts[cHours], r.ends[cHours]);
    if (!(hours >= 0)) {
      throw r.error('bad_hours', cHours, `«${r.text(cHours).slice(0, 40)}» er ikke et gyldigt antal timer (et tal ≥ 0 med decimalkomma eller -punktum, fx 80,5).`);
    }
    if (month >= fromMonth) into.addHours(key, month, hours);
  }
  return into;
}
