/**
 * The seeded demo tells one story (issue 9, item 7): for every demo woman, each praktik or
 * løntilskud week in her case file carries the matching DREAM code, each month of a job with
 * hours has paid hours in eIndkomst, her activities lie inside her enrolment, and her exit
 * agrees with the register (a job exit shows paid hours, an education exit SU). The historical
 * KIB projects have every woman exited by their end; the current projects have women enrolled
 * up to today and register data to the last complete month before today.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { loadCodeTable } from '../src/db/register-store.ts';
import { checkCaseFile, type CompanyActivityType } from '../src/demo/case-file.ts';
import { lastCompleteMonth } from '../src/demo/current.ts';
import { hasHoursAround, hasSuAround } from '../src/demo/world.ts';
import { monthOfWeek, monthString, parseMonth, parseWeek } from '../src/monitoring/calendar.ts';
import { registerVintage } from '../src/app/register/monitor-results.ts';
import type { CodeTable, PersonHours, PersonWeeks } from '../src/monitoring/types.ts';
import { unpackPerson } from '../src/register/pack.ts';
import { backends, useTestDb } from './helpers/db.ts';

interface Enrolment {
  pid: string;
  project: string;
  end: string;
  indskrevet: string;
  udskrevet: string | null;
  reason: string | null;
}

describe.each(backends())('the demo world on %s', (backend) => {
  const t = useTestDb(backend);
  let enrolments: Enrolment[];
  let register: Map<string, { weeks: PersonWeeks; hours: PersonHours }>;
  let activities: Map<string, { type: CompanyActivityType; start: string; end: string | null }[]>;
  let codeTable: CodeTable;
  const today = todayInDenmark();

  beforeAll(async () => {
    enrolments = (
      await t.db.query<Enrolment>(
        `SELECT p.id AS pid, pr.key AS project, pr.end_date::text AS "end", e.enrolled_on::text AS indskrevet,
              e.exited_on::text AS udskrevet, e.exit_reason AS reason
       FROM participant p JOIN enrolment e ON e.participant_id = p.id JOIN project pr ON pr.id = e.project_id
       WHERE p.synthetic`,
      )
    ).rows;
    register = new Map();
    for (const r of (
      await t.db.query<{ pid: string; data: Uint8Array }>(
        'SELECT p.id AS pid, r.data FROM participant p JOIN register_person r ON r.cpr_hash = p.cpr_hash WHERE p.synthetic',
      )
    ).rows)
      register.set(r.pid, unpackPerson(r.data));
    activities = new Map();
    for (const a of (
      await t.db.query<{ pid: string; type: CompanyActivityType; start: string; end: string | null }>(
        `SELECT participant_id AS pid, type_key AS type, start_date::text AS start, end_date::text AS "end" FROM casework_activity
       WHERE type_key IN ('virksomhedspraktik', 'snusepraktik', 'loentilskud', 'loentimer')`,
      )
    ).rows)
      activities.set(a.pid, [...(activities.get(a.pid) ?? []), a]);
    codeTable = await loadCodeTable(t.db);
  });

  it('gives every demo woman register data and a case file that agrees with it', async () => {
    expect(enrolments.length).toBeGreaterThan(1664);
    const v = await registerVintage(t.db);
    const coverage = { lastWeek: parseWeek(v.lastWeek!)!, lastMonth: parseMonth(v.lastMonth!)! };
    const problems: string[] = [];
    let checked = 0;
    for (const e of enrolments) {
      // A woman never on a benefit and never paid is not in the register at all.
      const reg = register.get(e.pid);
      const acts = activities.get(e.pid) ?? [];
      checked += acts.length;
      for (const p of checkCaseFile(e, acts, reg?.weeks ?? null, reg?.hours ?? null, codeTable, coverage))
        problems.push(`${e.pid} (${e.project}): ${p}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(problems.length).toBe(0);
    expect(register.size).toBeGreaterThan(enrolments.length * 0.9);
    // Not vacuous: thousands of praktik, løntilskud and job activities were checked.
    expect(checked).toBeGreaterThan(2000);
  });

  it('has an exit the register shows: a job exit with paid hours, an education exit with SU', () => {
    const wrong: string[] = [];
    let jobs = 0;
    for (const e of enrolments) {
      const reg = register.get(e.pid);
      // Checked on her exit month and the next: exits whose next month the register has not reached yet are skipped.
      if (!reg || !e.udskrevet || e.udskrevet.slice(0, 7) >= lastCompleteMonth(today)) continue;
      if (e.reason === 'job_ordinaer') {
        jobs++;
        if (!hasHoursAround(e.udskrevet, reg)) wrong.push(`${e.pid}: job ${e.udskrevet} uden løntimer`);
      }
      if (e.reason === 'uddannelse' && !hasSuAround(e.udskrevet, reg, codeTable)) wrong.push(`${e.pid}: uddannelse ${e.udskrevet} uden SU`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(jobs).toBeGreaterThan(50);
  });

  it("has a historical cohort where every woman has left by the projects' end, and a current project enrolling up to today", () => {
    const historical = enrolments.filter((e) => e.end === '2022-12-31');
    const current = enrolments.filter((e) => e.end > today);
    expect(historical.length).toBe(1664);
    expect(historical.filter((e) => e.udskrevet === null || e.udskrevet > '2022-12-31')).toEqual([]);
    expect(current.length).toBeGreaterThan(300);
    expect(historical.length + current.length).toBe(enrolments.length);
    const open = current.filter((e) => e.udskrevet === null);
    expect(open.length).toBeGreaterThan(current.length / 2);
    expect(current.every((e) => e.indskrevet <= today && e.indskrevet >= '2025-01-01')).toBe(true);
    // Someone enrolled in the last two months, and open women in praktik right now.
    const recent = new Date(Date.parse(today) - 60 * 86_400_000).toISOString().slice(0, 10);
    expect(current.some((e) => e.indskrevet >= recent)).toBe(true);
    expect(
      open.filter((e) => (activities.get(e.pid) ?? []).some((a) => a.start <= today && (a.end === null || a.end >= today))).length,
    ).toBeGreaterThan(open.length / 4);
  });

  it("gives every project goals due within the project's own period (a current project's goal due in 2022 read «0 af 0 kvinder · Ikke nået»)", async () => {
    const goals = (
      await t.db.query<{ project: string; title: string; deadline: string; start: string; end: string }>(
        `SELECT pr.key AS project, g.title, g.deadline::text AS deadline, pr.start_date::text AS start, pr.end_date::text AS "end"
           FROM project_goal g JOIN project pr ON pr.id = g.project_id`,
      )
    ).rows;
    expect(goals.filter((g) => g.project.endsWith('-2025')).length).toBeGreaterThan(8);
    expect(goals.filter((g) => g.deadline <= g.start || g.deadline > g.end)).toEqual([]);
  });

  it('has register data to the last complete month before today', async () => {
    const v = await registerVintage(t.db);
    expect(v.lastMonth).toBe(lastCompleteMonth(today));
    expect(monthString(monthOfWeek(parseWeek(v.lastWeek!)!))).toBe(lastCompleteMonth(today));
  });
});
