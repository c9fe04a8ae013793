import { describe, expect, it } from 'vitest';
import { addDays } from '../core/dates.ts';
import { monthIndex } from '../monitoring/calendar.ts';
import { generateCurrentProject, type CurrentWoman } from './current.ts';

const first = '2026-12-01';
const project = (today: string) => generateCurrentProject({ seed: 2019, today, usedCpr: new Set() });
const earlier = project(first);

/** Her register weeks and hours up to month `to` (YYYY-MM), as plain arrays. */
function registerTo(c: CurrentWoman, to: string) {
  const lastMonth = monthIndex(Number(to.slice(0, 4)), Number(to.slice(5, 7)));
  const hours = Array.from(c.register.hours.hours.slice(0, lastMonth - c.register.hours.monthStart + 1));
  return { weekStart: c.register.weeks.weekStart, monthStart: c.register.hours.monthStart, hours };
}

describe('generateCurrentProject: the women of a day are the first women of any later day', () => {
  it('has the women enrolled two weeks before today, in order of enrolment', () => {
    const cut = addDays(first, -14);
    expect(earlier.women.length).toBeGreaterThan(500);
    expect(earlier.women.every((c) => c.woman.indskrevet <= cut)).toBe(true);
    const dates = earlier.women.map((c) => c.woman.indskrevet);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(earlier.women.map((c) => c.woman.cpr)).size).toBe(earlier.women.length);
  });

  for (const later of ['2026-12-02', '2026-12-08', '2027-01-01']) {
    it(`every woman of ${first} is among the first of ${later}, with the same data up to what is cut at ${first}`, () => {
      const next = project(later);
      expect(next.women.length).toBeGreaterThanOrEqual(earlier.women.length);
      earlier.women.forEach((c, i) => {
        const n = next.women[i];
        const { udskrevet, exitReason, ...who } = c.woman;
        const { udskrevet: laterExit, exitReason: laterReason, ...laterWho } = n.woman;
        expect(laterWho).toEqual(who);
        // An exit that had passed stays; an open woman may have left since, but not before the first day.
        if (udskrevet) expect([laterExit, laterReason]).toEqual([udskrevet, exitReason]);
        else if (laterExit) expect(laterExit >= first).toBe(true);
        // Her activities started before the first day are the same; only the last of them may end otherwise
        // (cut at an exit or a pause since), and it started on the same day.
        const started = c.activities.filter((a) => a.start < first);
        const laterStarted = n.activities.slice(0, started.length);
        expect(laterStarted.slice(0, -1)).toEqual(started.slice(0, -1));
        expect(laterStarted.map((a) => [a.type, a.start])).toEqual(started.map((a) => [a.type, a.start]));
        // Her register data up to the first day's last complete month is the same.
        expect(registerTo(n, earlier.registerTo)).toEqual(registerTo(c, earlier.registerTo));
        const weeks = c.register.weeks.codes;
        expect(Array.from(n.register.weeks.codes.slice(0, weeks.length))).toEqual(Array.from(weeks));
      });
    });
  }

  it('adds women day by day: seeded a week later, there are more', () => {
    expect(project('2026-12-15').women.length).toBeGreaterThan(earlier.women.length);
  });
});
