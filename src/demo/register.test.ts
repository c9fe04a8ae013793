import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { monitor } from '../monitoring/index.ts';
import { buildRegisterData } from '../register/builder.ts';
import { defaultCodeTable } from '../register/codetable.ts';
import { readBenefits } from '../register/benefits.ts';
import { readHours } from '../register/hours.ts';
import { readParticipants } from '../register/participants.ts';
import { monthIndex } from '../monitoring/calendar.ts';
import { generateCohort } from './cohort.ts';
import { decimalComma, deltagereCsv, loentimerCsv, wideWeekColumn, ydelserLongCsv, ydelserWideCsv } from './csv.ts';
import { CALIBRATION_MONTHS, monitorDemo } from './monitor-demo.ts';
import { generateRegisterData, toParticipants } from './register.ts';
import { parseWeek } from '../monitoring/calendar.ts';

const cohort = generateCohort();
const reg = generateRegisterData(cohort);

function hash(chunks: Iterable<Uint8Array>): string {
  const h = createHash('sha256');
  for (const c of chunks) h.update(c);
  return h.digest('hex');
}
function bytes(chunks: Iterable<Uint8Array>): Uint8Array {
  return Buffer.concat([...chunks]);
}

describe('generateRegisterData', () => {
  it('is deterministic: same seed, identical CSV bytes', () => {
    const again = generateRegisterData(generateCohort());
    expect(hash(ydelserWideCsv(again))).toBe(hash(ydelserWideCsv(reg)));
    expect(hash(loentimerCsv(again))).toBe(hash(loentimerCsv(reg)));
    expect(hash(deltagereCsv(generateCohort().women))).toBe(hash(deltagereCsv(cohort.women)));
    const other = generateRegisterData(cohort, { seed: 99 });
    expect(hash(ydelserWideCsv(other))).not.toBe(hash(ydelserWideCsv(reg)));
  });

  it('uses only codes from the default DREAM code table', () => {
    const table = defaultCodeTable();
    const used = new Set<number>();
    for (const p of reg.persons) for (const c of p.weeks.codes) if (c !== 0) used.add(c);
    for (const c of used) expect(table.entries.has(c), `code ${c}`).toBe(true);
    expect(used.size).toBeGreaterThan(12); // a varied picture, not one code
  });

  it('covers two years before each enrolment through March 2023', () => {
    cohort.women.forEach((w, i) => {
      const p = reg.persons[i];
      expect(p.cpr).toBe(w.cpr);
      const enrol = monthIndex(Number(w.indskrevet.slice(0, 4)), Number(w.indskrevet.slice(5, 7)));
      expect(p.hours.monthStart).toBe(enrol - 24);
      expect(p.hours.monthStart + p.hours.hours.length - 1).toBe(monthIndex(2023, 3));
    });
    expect(reg.lastWeek).toBe(parseWeek('2023-W13'));
  });

  it("shows every woman's planned best level, durable status and snapshot to the real engine", () => {
    const r = monitorDemo(cohort, reg);
    const wrong = r.participants.filter((p, i) => {
      const plan = cohort.plans[i];
      return p.accumulated !== plan.best || p.durable !== plan.durable || p.snapshot !== plan.snapshot;
    });
    expect(wrong).toEqual([]);
  });

  it('holds the plan for another seed and size too', () => {
    const c = generateCohort({ seed: 31, size: 3000 });
    const r = monitorDemo(c);
    const wrong = r.participants.filter(
      (p, i) => p.accumulated !== c.plans[i].best || p.durable !== c.plans[i].durable || p.snapshot !== c.plans[i].snapshot,
    );
    expect(wrong).toEqual([]);
  });

  it('holds the plan for tiny cohorts, where quotas round to 0 or 1', () => {
    for (const size of [1, 2, 7, 50]) {
      for (const seed of [1, 42]) {
        const c = generateCohort({ seed, size });
        const r = monitorDemo(c);
        const wrong = r.participants.filter(
          (p, i) => p.accumulated !== c.plans[i].best || p.durable !== c.plans[i].durable || p.snapshot !== c.plans[i].snapshot,
        );
        expect(wrong, `size ${size} seed ${seed}`).toEqual([]);
      }
    }
  });

  it('reads back through the register readers (wide and long layouts) to the same results', () => {
    const table = defaultCodeTable();
    const participants = readParticipants(bytes(deltagereCsv(cohort.women)), 'deltagere.csv');
    expect(participants).toEqual(toParticipants(cohort.women));
    const direct = monitorDemo(cohort, reg);
    for (const layout of ['wide', 'long'] as const) {
      const b = readBenefits(bytes(layout === 'wide' ? ydelserWideCsv(reg) : ydelserLongCsv(reg)), 'ydelser.csv');
      readHours(bytes(loentimerCsv(reg)), 'loentimer.csv', b);
      const viaFiles = monitor({ participants, register: b.build(table), codeTable: table }, { ...CALIBRATION_MONTHS, suppress: 0 });
      expect(viaFiles.participants, layout).toEqual(direct.participants);
    }
  });

  it('accepts a fixed first month (scale mode) and the women of a cohort without their plans', () => {
    const women = generateCohort({ seed: 5, size: 200 }).women;
    const r = generateRegisterData(women, { seed: 5, from: '2018-04' });
    expect(r.persons.every((p) => p.hours.monthStart === monthIndex(2018, 4))).toBe(true);
    expect(r.firstWeek).toBe(r.persons[0].weeks.weekStart);
    expect(() => generateRegisterData(women, { seed: 6 })).toThrow(/not a demo cohort/);
    expect(() => generateRegisterData(women, { seed: 5, from: '2022-01' })).toThrow(RangeError);
    expect(() => generateRegisterData(women, { seed: 5, to: '2022-12' })).toThrow(RangeError);
  });
});

describe('CSV formats', () => {
  it('names wide columns y_YYWW by ISO year and week', () => {
    expect(wideWeekColumn(parseWeek('2021-W07')!)).toBe('y_2107');
    expect(wideWeekColumn(parseWeek('2020-W53')!)).toBe('y_2053');
  });

  it('writes hours with a decimal comma and no needless decimals', () => {
    expect(decimalComma(80.5)).toBe('80,5');
    expect(decimalComma(74)).toBe('74');
    expect(decimalComma(0.1)).toBe('0,1');
  });

  it('writes in-memory register rows the builder accepts unchanged', () => {
    const data = buildRegisterData(
      { weekArrays: reg.persons.map((p) => ({ cpr: p.cpr, weekStart: p.weeks.weekStart, codes: p.weeks.codes.slice() })) },
      defaultCodeTable(),
    );
    expect(data.weeks.size).toBe(cohort.women.length);
  });
});
