/**
 * Small builders for tests: people described by their weeks and hours, turned into an engine
 * input through the same builder the readers use.
 */
import { RegisterBuilder } from '../register/builder.ts';
import { defaultCodeTable } from '../register/codetable.ts';
import { parseMonth, parseWeek } from './calendar.ts';
import type { CodeTable, MonitorInput, Participant, Visitation } from './types.ts';

export interface PersonSpec {
  id?: string;
  /** Birth date YYYY-MM-DD (1900–1999), default 1985-05-05. */
  born?: string;
  kommune?: string;
  visitation?: Visitation;
  in: string;
  out?: string | null;
  /** ISO week `YYYY-Www` → DREAM code. */
  weeks?: Record<string, number>;
  /** `YYYY-MM` → paid hours. */
  hours?: Record<string, number>;
}

/** A CPR number for a 1900s birth date; `serial` keeps numbers apart. */
export function testCpr(born: string, serial: number): string {
  const [y, m, d] = born.split('-');
  return `${d}${m}${y.slice(2)}${String(serial % 4000).padStart(4, '0')}`;
}

export function inputOf(people: PersonSpec[], codeTable: CodeTable = defaultCodeTable()): MonitorInput {
  const participants: Participant[] = [];
  const b = new RegisterBuilder();
  people.forEach((s, i) => {
    const cpr = testCpr(s.born ?? '1985-05-05', i);
    participants.push({
      id: s.id ?? `P${i + 1}`,
      cpr,
      kommune: s.kommune ?? 'Aalborg',
      visitation: s.visitation ?? 'aktivitetsparat',
      indskrevet: s.in,
      udskrevet: s.out ?? null,
    });
    for (const [w, code] of Object.entries(s.weeks ?? {})) b.setWeek(cpr, parseWeek(w)!, code);
    for (const [m, h] of Object.entries(s.hours ?? {})) b.addHours(cpr, parseMonth(m)!, h);
  });
  return { participants, register: b.build(codeTable), codeTable };
}

