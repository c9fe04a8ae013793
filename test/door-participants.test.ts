/**
 * The participant list, one participant and the access export (GDPR art. 15) read through the
 * door: each writes the same audit record, at the same point, as when it ran inside the earlier
 * `withTenant` — same action, entity, person, municipality and counts — and a refused look-up is
 * recorded as `adgang_naegtet` naming the person asked for. Written against `withTenant` first and
 * kept unchanged when the three moved to the door.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/core/actor.ts';
import { getParticipant, listParticipants } from '../src/db/participants.ts';
import { exportPerson } from '../src/db/gdpr/export.ts';
import { backends, openTestDb, testDeps, type TestDb } from './helpers/db.ts';
import { testActor } from './helpers/world.ts';

const actor = (username: string): Actor => testActor(['851'], { username });

interface Rec {
  action: string;
  entity: string | null;
  participant_id: string | null;
  municipality: string | null;
  detail: Record<string, unknown> | null;
}

describe.each(backends())('participant reads through the door on %s', (backend) => {
  let t: TestDb;
  let aalborg: string;
  let other: string;
  beforeAll(async () => {
    t = await openTestDb(backend);
    aalborg = (await t.db.query<{ id: string }>(`SELECT id FROM participant WHERE municipality_code = '851' ORDER BY id LIMIT 1`)).rows[0]
      .id;
    other = (await t.db.query<{ id: string }>(`SELECT id FROM participant WHERE municipality_code <> '851' ORDER BY id LIMIT 1`)).rows[0]
      .id;
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const recordsOf = async (username: string) =>
    (
      await t.db.query<Rec>(
        `SELECT action, entity, participant_id, municipality_code AS municipality, detail FROM audit_log WHERE username = $1 ORDER BY id`,
        [username],
      )
    ).rows.map((r) => ({ ...r, municipality: r.municipality?.trim() ?? null }));

  it('the list writes one liste record with the search, page and counts it showed', async () => {
    const { vault } = testDeps(t.db);
    const total = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM participant WHERE municipality_code = '851'`)).rows[0].n;
    const res = await listParticipants(t.db, vault, actor('door.liste'), { pageSize: 10 });
    expect(res.total).toBe(total);
    expect(res.rows).toHaveLength(10);
    expect(await recordsOf('door.liste')).toEqual([
      {
        action: 'liste',
        entity: 'participant',
        participant_id: null,
        municipality: null,
        detail: { search: null, page: 1, shown: 10, total },
      },
    ]);
  });

  it("one participant writes vis naming her and her municipality; another municipality's is refused and recorded", async () => {
    const { vault } = testDeps(t.db);
    const p = await getParticipant(t.db, vault, actor('door.vis'), aalborg);
    expect(p?.id).toBe(aalborg);
    expect(await getParticipant(t.db, vault, actor('door.vis'), other)).toBeNull();
    expect(await getParticipant(t.db, vault, actor('door.vis'), 'ikke-et-id', 'rediger')).toBeNull();
    expect(await recordsOf('door.vis')).toEqual([
      { action: 'vis', entity: 'participant', participant_id: aalborg, municipality: '851', detail: null },
      {
        action: 'adgang_naegtet',
        entity: 'participant',
        participant_id: other,
        municipality: expect.any(String),
        detail: { purpose: 'vis' },
      },
      {
        action: 'adgang_naegtet',
        entity: 'participant',
        participant_id: null,
        municipality: null,
        detail: { purpose: 'rediger', malformedId: true },
      },
    ]);
  });

  it('the access export writes one indsigt record with the row count of each table, after reading her trail', async () => {
    const { vault } = testDeps(t.db);
    const out = await exportPerson(t.db, vault, actor('door.indsigt'), aalborg);
    expect(out?.participant.id).toBe(aalborg);
    // The trail it returns was read before its own record was written.
    expect(out!.auditTrail.some((r) => r.username === 'door.indsigt')).toBe(false);
    expect(await exportPerson(t.db, vault, actor('door.indsigt'), other)).toBeNull();
    const counts = Object.fromEntries(Object.entries(out!.tables).map(([k, v]) => [k, v.length]));
    expect(Object.values(counts).some((n) => n > 0)).toBe(true);
    expect(await recordsOf('door.indsigt')).toEqual([
      { action: 'indsigt', entity: 'participant', participant_id: aalborg, municipality: '851', detail: { tables: counts } },
      {
        action: 'adgang_naegtet',
        entity: 'participant',
        participant_id: other,
        municipality: expect.any(String),
        detail: { purpose: 'indsigt' },
      },
    ]);
  });
});
