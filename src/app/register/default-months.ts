/**
 * Default months of the results: the report month is the last month with data, but not after
 * the projects' end; durable and status month the last complete month of data (for the demo:
 * 2022-12 and 2023-02).
 */
import { latestProjectEnd, type RegisterReader } from '../../db/register-input.ts';
import { monthOfWeek, monthString, parseMonth, parseWeek } from '../../monitoring/calendar.ts';
import { registerVintage } from './monitor-results.ts';

export async function defaultMonths(db: RegisterReader) {
  const v = await registerVintage(db);
  const end = await latestProjectEnd(db);
  const fromWeek = v.lastWeek ? parseWeek(v.lastWeek) : null;
  const candidates = [v.lastMonth ? parseMonth(v.lastMonth) : null, fromWeek !== null ? monthOfWeek(fromWeek) : null].filter(
    (m): m is number => m !== null,
  );
  const lastData = candidates.length ? Math.max(...candidates) : parseMonth(new Date().toISOString().slice(0, 7))!;
  const complete = lastData - 1;
  const projectEnd = end ? parseMonth(end.slice(0, 7))! : complete;
  return { month: monthString(Math.min(projectEnd, complete)), durableMonth: monthString(complete), snapshotMonth: monthString(complete) };
}
