/**
 * The national page suppressed in one pass (issue 18 point 12): SIRI's headline — durable
 * employment above part time among the women whose best level was Mål 1 — was shown as «x» of
 * 632 although the other tables pinned it to within a few women; with all tables in one system
 * and complements chosen by cost it is shown, hardly more figures are hidden than table by table
 * (which did not protect intervals), and
 * still none can be worked out (test/reports-recoverability.test.ts runs the exact solver).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { computeResults } from '../src/app/register/monitor-results.ts';
import { loadNationalData } from '../src/app/steering/national-data.ts';
import { systemDoor } from '../src/db/door.ts';
import { enrolmentsByMunicipalityAndVisitation } from '../src/db/steering/national.ts';
import { loadActor } from '../src/db/users.ts';
import type { Actor } from '../src/core/actor.ts';
import { suppressJoint } from '../src/monitoring/suppress-joint.ts';
import type { AdditiveSet } from '../src/monitoring/suppress.ts';
import { VISITATIONS, type Count, type MonitorResult } from '../src/monitoring/types.ts';
import { allTables } from '../src/reports/model.ts';
import { nationalReport } from '../src/reports/national-report.ts';
import { backends, useTestDb, testDeps } from './helpers/db.ts';

/** The evaluation's months (the demo's historical KIB cohort). */
const MONTHS = { month: '2022-12', durableMonth: '2023-02', snapshotMonth: '2023-02' };

/** Hidden figures of the engine's groups and series. */
function hiddenIn(r: MonitorResult): number {
  const walk = (o: unknown): number =>
    typeof o === 'string' ? 1 : o && typeof o === 'object' ? Object.values(o).reduce((s: number, v) => s + walk(v), 0) : 0;
  return walk(r.groups) + r.series.reduce((s, p) => s + walk({ ...p, month: 0 }), 0);
}

describe.each(backends())('national page, one suppression pass, on %s', (backend) => {
  const t = useTestDb(backend);
  let actor: Actor;
  beforeAll(async () => {
    const id = (await t.db.query<{ id: number }>(`SELECT id FROM app_user WHERE username = 'analytiker.siri'`)).rows[0].id;
    actor = (await loadActor(t.db, id, '127.0.0.1'))!;
  }, 300_000);

  it("shows Mål 1 durable employment (SIRI's headline) with its denominator, as the engine counts it", async () => {
    const deps = testDeps(t.db);
    const d = await loadNationalData(deps, actor, MONTHS);
    const raw = (await computeResults(deps, actor, { ...MONTHS, unsuppressed: true })).result;
    const all = d.result.groups.all;
    expect(raw.groups.all.accumulated['1']).toBe(632);
    expect(all.accumulated['1']).toBe(632);
    expect(all.durableByAccumulated['1'].full).toBe(raw.groups.all.durableByAccumulated['1'].full);
    expect(typeof all.durableByAccumulated['1'].full).toBe('number');
    // On the page: the evaluation table's row prints the count and its share.
    const ev = allTables(nationalReport(d)).find((x) => x.id === 'evaluering')!;
    const row = ev.rows.find((r) => String(r[0].value) === 'Varig beskæftigelse over deltid, bedste niveau Mål 1')!;
    expect(row, 'the evaluation table has the Mål 1 durable row').toBeDefined();
    expect(row[2].value).toBe(all.durableByAccumulated['1'].full);
    expect(row[3].value).toBe(632);
    expect(typeof row[4].value).toBe('number');
    expect(Math.round(100 * (row[4].value as number))).toBe(Math.round((100 * (all.durableByAccumulated['1'].full as number)) / 632));
    // The small count beside it is still hidden, and so is a complement in its row.
    expect(all.durableByAccumulated['2'].full).toBe('<5');
    expect([all.durableByAccumulated['2'].partial, all.durableByAccumulated['2'].none]).toContain('x');
  });

  it('hides hardly more figures than suppressing table by table did (engine rule + joint municipality × visitation), with intervals protected too', async () => {
    const deps = testDeps(t.db);
    for (const months of [MONTHS, { month: '2026-09', durableMonth: '2026-09', snapshotMonth: '2026-09' }]) {
      const d = await loadNationalData(deps, actor, months);
      const after =
        hiddenIn(d.result) +
        d.visitationByMunicipality.reduce((s, r) => s + Object.values(r.byVisitation).filter((c) => typeof c === 'string').length, 0);
      // Before: the engine's own rule on its groups and series, and the municipality × visitation
      // cells suppressed jointly with the engine's totals fixed as the engine shows them.
      const old = (await computeResults(deps, actor, months)).result;
      const rows = await systemDoor(t.db, actor, async (tx) => ({
        value: await enrolmentsByMunicipalityAndVisitation(tx, months.month),
        audit: { action: 'laes', entity: 'nationalt_overblik', detail: { month: months.month } },
      }));
      const munis = Object.keys(old.groups.kommune);
      const width = VISITATIONS.length + 1;
      const values: number[] = [];
      for (const m of [...munis, '*']) {
        const mine = rows.filter((r) => m === '*' || r.name === m);
        values.push(
          mine.reduce((s, r) => s + r.n, 0),
          ...VISITATIONS.map((v) => mine.filter((r) => r.visitation === v).reduce((s, r) => s + r.n, 0)),
        );
      }
      const at = (r: number, c: number) => r * width + c;
      const nat = munis.length;
      const sets: AdditiveSet[] = [
        ...[...munis.keys(), nat].map((r) => ({ total: at(r, 0), parts: VISITATIONS.map((_, c) => at(r, c + 1)) })),
        ...[0, 1, 2, 3, 4].map((c) => ({ total: at(nat, c), parts: munis.map((_, r) => at(r, c)) })),
      ];
      const engineState = (c: Count) => (typeof c === 'string' ? 'hidden' : 'shown') as 'shown' | 'hidden';
      const fixed = new Map<number, 'shown' | 'hidden'>();
      munis.forEach((m, r) => fixed.set(at(r, 0), engineState(old.groups.kommune[m].n)));
      VISITATIONS.forEach((v, c) => fixed.set(at(nat, c + 1), engineState(old.groups.visitation[v].n)));
      fixed.set(at(nat, 0), engineState(old.groups.all.n));
      const state = suppressJoint(values, sets, 5, fixed);
      let oldKv = 0;
      munis.forEach((_, r) =>
        VISITATIONS.forEach((_, c) => {
          if (state[at(r, c + 1)] !== 0) oldKv++;
        }),
      );
      const before = hiddenIn(old) + oldKv;
      console.log(`hidden figures ${months.month}: table by table ${before}, one pass ${after}`);
      // Table by table protected the equations only (its `<5` could be narrowed to part of 1–4:
      // national-intervals.test.ts); the one pass protects intervals too, which may cost some
      // figures more (272 against 255 on the demo's 2022-12, 270 against 297 on 2026-09) — at most 10 %.
      expect(after).toBeLessThanOrEqual(Math.floor(before * 1.1));
      expect(after).toBeGreaterThan(0);
    }
  });
});
