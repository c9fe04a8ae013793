/**
 * Revised DREAM deliveries (issue 9): import, change 50 past weeks, import again → exactly the
 * women whose result the changes move are reported, the revision summary says so, and results
 * as of the first delivery are unchanged.
 */
import { describe, expect, it } from 'vitest';
import { importRegisterFile } from '../src/app/register/import-register-file.ts';
import { nationalMonitorInput } from '../src/app/register/load-monitor-input.ts';
import { registerVintage } from '../src/app/register/monitor-results.ts';
import { revisionText } from '../src/app/register/revision-text.ts';
import { generateCohort } from '../src/demo/cohort.ts';
import { ydelserWideCsv } from '../src/demo/csv.ts';
import { generateRegisterData, toParticipants, toRegisterData } from '../src/demo/register.ts';
import { firstWeekOfMonth, monthOfWeek, monthString, parseMonth } from '../src/monitoring/calendar.ts';
import { monitor } from '../src/monitoring/engine.ts';
import { defaultCodeTable } from '../src/register/codetable.ts';
import { createVault } from '../src/security/vault.ts';
import { backends, useTestDb } from './helpers/db.ts';
import { TEST_SECRET } from './helpers/env.ts';

const vault = createVault(TEST_SECRET);
const who = { userId: 0, username: 'test-analytiker', role: 'analytiker' as const, ip: '127.0.0.1' };

function concat(chunks: Iterable<Uint8Array>): Uint8Array {
  return Buffer.concat([...chunks].map((c) => Buffer.from(c)));
}

/** The demo's DREAM delivery with 50 past weeks changed: 25 that move 5 women's results, 25 that move none. */
function redelivery() {
  const cohort = generateCohort({ seed: 2019 });
  const reg = generateRegisterData(cohort);
  const month = monthString(monthOfWeek(reg.lastWeek)); // the import compares results in the last month the file covers
  const before = monitor(
    { participants: toParticipants(cohort.women), register: toRegisterData(reg), codeTable: defaultCodeTable() },
    { month, suppress: 0 },
  );
  const table = defaultCodeTable();
  const moving: string[] = [];
  const still: string[] = [];
  cohort.women.forEach((w, i) => {
    const p = reg.persons[i];
    const enrol = parseMonth(w.indskrevet.slice(0, 7))!;
    const idx = (week: number) => week - p.weeks.weekStart;
    if (moving.length < 5 && before.participants[i].accumulated === 0) {
      // Five weeks of virksomhedspraktik from her second month: Mål 3 in her window.
      const w0 = firstWeekOfMonth(enrol + 1);
      if (idx(w0) < 0 || idx(w0 + 4) >= p.weeks.codes.length) return;
      for (let k = 0; k < 5; k++) p.weeks.codes[idx(w0 + k)] = 707;
      moving.push(w.cpr);
    } else if (still.length < 5 && before.participants[i].accumulated !== 0) {
      // Five weeks well before her enrolment with another benefit code of the same category.
      const w0 = firstWeekOfMonth(enrol - 12);
      const codes = [0, 1, 2, 3, 4].map((k) => p.weeks.codes[idx(w0 + k)]);
      if (idx(w0) < 0 || codes.some((c) => !c || table.entries.get(c)?.category !== 'ydelse' || c === 890)) return;
      for (let k = 0; k < 5; k++) p.weeks.codes[idx(w0 + k)] = 890;
      still.push(w.cpr);
    }
  });
  return { bytes: concat(ydelserWideCsv(reg)), moving, still, month };
}

// PGlite's web imports write in committed batches under a pending batch: the same summary.
const runs = [...backends().map((b) => [b, 'transaction'] as const), ['pglite', 'batches'] as const];

describe.each(runs)('a revised DREAM delivery on %s, written in %s', (backend, mode) => {
  const t = useTestDb(backend);

  it('replaces the weeks it covers, reports the person-weeks and the women whose result moved, and keeps the earlier delivery', async () => {
    const { bytes, moving, still, month } = redelivery();
    expect(moving).toHaveLength(5);
    expect(still).toHaveLength(5);
    const firstDelivery = (await t.db.query<{ id: number }>('SELECT max(id)::int AS id FROM register_batch')).rows[0].id;
    const asFirst = monitor((await nationalMonitorInput(t.db)).input, { month, suppress: 0 });

    const r = await importRegisterFile({ db: t.db, vault }, who, { kind: 'ydelser', fileName: 'dream-redelivery.csv', bytes }, undefined, {
      mode,
    });
    expect(r).toMatchObject({ alreadyImported: false, changedPersons: 10, changedWeeks: 50, movedResults: 5, resultMonth: month });
    const enrolmentsOf = async (cprs: string[]) =>
      (
        await t.db.query<{ id: string }>(
          'SELECT e.id FROM enrolment e JOIN participant p ON p.id = e.participant_id WHERE p.cpr_hash = ANY($1::text[])',
          [cprs.map((c) => vault.hashCpr(c))],
        )
      ).rows
        .map((x) => x.id)
        .sort();
    expect(r.moved.map((m) => m.enrolmentId).sort()).toEqual(await enrolmentsOf(moving));
    for (const m of r.moved) expect(m).toMatchObject({ before: { accumulated: 0 }, after: { accumulated: 3 } });
    expect(revisionText(r)).toBe(
      `Rettelser: 50 personuger fik en anden kode; 5 kvinder fik et andet resultat i ${month}. Tidligere leverancer er gemt, og resultaterne kan beregnes som før rettelsen.`,
    );
    const stored = (
      await t.db.query<{ changed_weeks: number; moved_results: number }>(
        'SELECT changed_weeks, moved_results FROM register_batch WHERE id = $1',
        [r.batchId],
      )
    ).rows[0];
    expect(stored).toEqual({ changed_weeks: 50, moved_results: 5 });

    // Latest data: exactly those enrolments moved.
    const latest = await nationalMonitorInput(t.db);
    const now = monitor(latest.input, { month, suppress: 0 });
    const movedNow = now.participants
      .filter((p, i) => JSON.stringify(p) !== JSON.stringify(asFirst.participants[i]))
      .map((p) => p.id)
      .sort();
    expect(movedNow).toEqual(await enrolmentsOf(moving));
    // As of the first delivery: every result as it was.
    const then = monitor((await nationalMonitorInput(t.db, { asOfBatch: firstDelivery })).input, { month, suppress: 0 });
    expect(then.participants).toEqual(asFirst.participants);
    expect(then.groups).toEqual(asFirst.groups);
    // Results say which deliveries they rest on.
    const v = await registerVintage(t.db, firstDelivery);
    expect(v.deliveries.map((d) => d.id)).not.toContain(r.batchId);
    expect((await registerVintage(t.db)).deliveries.map((d) => d.fileName)).toContain('dream-redelivery.csv');
    // The same redelivery again changes nothing.
    expect(
      await importRegisterFile({ db: t.db, vault }, who, { kind: 'ydelser', fileName: 'igen.csv', bytes }, undefined, { mode }),
    ).toMatchObject({ alreadyImported: true });
  }, 240_000);
});
