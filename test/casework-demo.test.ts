/** Demo casework: deterministic for a seed and date, and "Mine borgere" shows a realistic mix of alerts. */
import { describe, expect, it } from 'vitest';
import { seedDemoCasework } from '../src/app/casework/seed-demo-casework.ts';
import { listMyCaseload } from '../src/app/casework/list-my-caseload.ts';
import { loadActor } from '../src/db/users.ts';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { addDays } from '../src/core/dates.ts';
import { backends, useTestDb } from './helpers/db.ts';

describe.each(backends())('demo casework on %s', (backend) => {
  const t = useTestDb(backend);

  it('gives sagsbehandler.aalborg a caseload where some, not all, women have alerts of several kinds', async () => {
    const uid = (await t.db.query<{ id: number }>(`SELECT id FROM app_user WHERE username = 'sagsbehandler.aalborg'`)).rows[0].id;
    const actor = (await loadActor(t.db, uid, '127.0.0.1'))!;
    const c = await listMyCaseload(t.db, actor);
    expect(c.rows.length).toBeGreaterThan(10);
    const withAlerts = c.rows.filter((r) => r.alerts.length > 0).length;
    expect(withAlerts).toBeGreaterThan(0);
    expect(withAlerts).toBeLessThan(c.rows.length);
    expect(new Set(c.rows.flatMap((r) => r.alerts.map((a) => a.code))).size).toBeGreaterThanOrEqual(3);
    expect(c.rows.filter((r) => r.lastContact !== null).length).toBeGreaterThan(c.rows.length / 2);
  });

  it('is deterministic for a seed and a date', async () => {
    class Rollback extends Error {
      constructor(readonly value: unknown) {
        super('rollback');
      }
    }
    // Re-seed inside a transaction that is always rolled back, and fingerprint what was written.
    const fingerprint = () =>
      t.db
        .tx(async (q) => {
          for (const table of [
            'casework_activity',
            'casework_conversation',
            'casework_assessment',
            'casework_plan_change',
            'casework_plan',
          ]) {
            await q.query(`DELETE FROM ${table}`);
          }
          const summary = await seedDemoCasework(q, { seed: 7, today: '2026-01-15' });
          const h = await q.query<{ a: string; c: string; s: string; last: string }>(
            `SELECT (SELECT md5(string_agg(concat_ws('|', p.cpr_hash, a.type_key, a.start_date, a.end_date, a.status), ',' ORDER BY p.cpr_hash, a.start_date, a.type_key, a.end_date))
                       FROM casework_activity a JOIN participant p ON p.id = a.participant_id) AS a,
                    (SELECT md5(string_agg(concat_ws('|', p.cpr_hash, c.held_on, c.kind), ',' ORDER BY p.cpr_hash, c.held_on, c.kind))
                       FROM casework_conversation c JOIN participant p ON p.id = c.participant_id) AS c,
                    (SELECT md5(string_agg(concat_ws('|', p.cpr_hash, s.assessed_on, s.total), ',' ORDER BY p.cpr_hash, s.assessed_on, s.total))
                       FROM casework_assessment s JOIN participant p ON p.id = s.participant_id) AS s,
                    (SELECT max(held_on)::text FROM casework_conversation) AS last`,
          );
          throw new Rollback({ summary, ...h.rows[0] });
        })
        .catch((e) => {
          if (e instanceof Rollback) return e.value as { summary: { conversations: number }; last: string };
          throw e;
        });
    const first = await fingerprint();
    const second = await fingerprint();
    expect(first).toEqual(second);
    expect(first.summary.conversations).toBeGreaterThan(1000);
    expect(first.last <= '2026-01-15').toBe(true);
  });
  it('lists a woman only under the caseworker of her latest enrolment, even if an older one was never closed', async () => {
    const id = async (u: string) => (await t.db.query<{ id: number }>(`SELECT id FROM app_user WHERE username = $1`, [u])).rows[0].id;
    const caseworker = (await loadActor(t.db, await id('sagsbehandler.aalborg'), '127.0.0.1'))!;
    const leader = (await loadActor(t.db, await id('projektleder.aalborg'), '127.0.0.1'))!;
    const before = await listMyCaseload(t.db, caseworker);
    const her = before.rows.find((r) => r.exitedOn === null && r.enrolledOn < addDays(todayInDenmark(), -1))!;
    // A later enrolment with another caseworker beside her open one (bypassing the overlap check).
    const later = addDays(her.enrolledOn, 1);
    const e = (
      await t.db.query<{ id: string }>(
        `INSERT INTO enrolment (participant_id, project_id, municipality_code, enrolled_on, visitation, caseworker_id)
       VALUES ($1, $2, $3, $4, 'jobparat', $5) RETURNING id`,
        [her.participantId, her.projectId, her.municipalityCode, later, leader.userId],
      )
    ).rows[0].id;
    try {
      expect((await listMyCaseload(t.db, caseworker)).rows.map((r) => r.participantId)).not.toContain(her.participantId);
      const all = await listMyCaseload(t.db, leader);
      expect(all.rows.filter((r) => r.participantId === her.participantId).map((r) => [r.caseworkerId, r.enrolledOn])).toEqual([
        [leader.userId, later],
      ]);
      expect(new Set(all.rows.map((r) => r.participantId)).size).toBe(all.rows.length);
    } finally {
      await t.db.query('DELETE FROM enrolment WHERE id = $1', [e]);
    }
  });
});
