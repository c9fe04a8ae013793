/**
 * The door (src/db/door.ts): the audit records a use case hands back are written by the door in
 * the same transaction as its reads and writes; a failing use case leaves neither; a Tx cannot be
 * used once its door has closed; row-level security still limits what the door's SQL can see.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/core/actor.ts';
import { auditAs, door, ownerTx } from '../src/db/door.ts';
import { sqlOf } from '../src/db/sql.ts';
import type { Tx } from '../src/db/door.ts';
import { backends, useTestDb } from './helpers/db.ts';
import { testActor } from './helpers/world.ts';

const actor = (municipalities: string[], username = 'door.test'): Actor => testActor(municipalities, { username });

describe.each(backends())('the door on %s', (backend) => {
  const t = useTestDb(backend);

  const auditOf = async (username: string) =>
    (
      await t.db.query<{ action: string; entity: string }>('SELECT action, entity FROM audit_log WHERE username = $1 ORDER BY id', [
        username,
      ])
    ).rows;

  it('writes the audit records the use case returns, in its transaction', async () => {
    const value = await door(t.db, actor(['851'], 'door.writes'), async (tx) => {
      const n = (await sqlOf(tx).query<{ n: number }>('SELECT count(*)::int AS n FROM participant')).rows[0].n;
      return {
        value: n,
        audit: [
          { action: 'liste', entity: 'participant' },
          { action: 'vis', entity: 'test' },
        ],
      };
    });
    expect(value).toBeGreaterThan(0);
    expect(await auditOf('door.writes')).toEqual([
      { action: 'liste', entity: 'participant' },
      { action: 'vis', entity: 'test' },
    ]);
  });

  it('leaves neither the write nor its audit when the use case fails', async () => {
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM organisation')).rows[0].n;
    await expect(
      door(t.db, actor(['851'], 'door.fails'), async (tx) => {
        await sqlOf(tx).query(`UPDATE participant SET first_name = 'Ændret' WHERE municipality_code = '851'`);
        throw new Error('fejl midt i');
      }),
    ).rejects.toThrow('fejl midt i');
    expect(await auditOf('door.fails')).toEqual([]);
    expect((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM participant WHERE first_name = 'Ændret'`)).rows[0].n).toBe(0);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM organisation')).rows[0].n).toBe(before);
  });

  it('refuses a Tx used after its door has closed', async () => {
    let kept: Tx | undefined;
    await door(t.db, actor(['851']), async (tx) => {
      kept = tx;
      return { value: null, audit: [] };
    });
    expect(kept).toBeDefined();
    expect(() => sqlOf(kept!)).toThrow(/closed/);
  });

  it("keeps row-level security as the second lock: the door sees only the actor's municipalities", async () => {
    const all = (await t.db.query<{ code: string }>('SELECT DISTINCT municipality_code AS code FROM participant')).rows.map((r) => r.code);
    expect(all).toContain('851');
    expect(all.length).toBeGreaterThan(1);
    const seen = await door(t.db, actor(['851']), async (tx) => ({
      value: (await sqlOf(tx).query<{ code: string }>('SELECT DISTINCT municipality_code AS code FROM participant')).rows.map(
        (r) => r.code,
      ),
      audit: { action: 'liste', entity: 'participant' },
    }));
    expect(seen).toEqual(['851']);
  });

  it('ownerTx: one transaction on every municipality, audited only by what its work writes, and rolled back whole', async () => {
    let kept: Tx | undefined;
    const records = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    const before = await records();
    const codes = await ownerTx(t.db, async (tx) => {
      kept = tx;
      await auditAs(
        tx,
        { userId: null, username: 'owner.import', role: 'analytiker', ip: '127.0.0.1' },
        { action: 'registerimport', entity: 'test' },
      );
      return (await sqlOf(tx).query<{ code: string }>('SELECT DISTINCT municipality_code AS code FROM participant')).rows.length;
    });
    expect(codes).toBeGreaterThan(1); // no tenant narrowing
    expect(await auditOf('owner.import')).toEqual([{ action: 'registerimport', entity: 'test' }]);
    expect(await records()).toBe(before + 1); // the transaction itself records nothing
    expect(() => sqlOf(kept!)).toThrow(/closed/);
    await expect(
      ownerTx(t.db, async (tx) => {
        await auditAs(
          tx,
          { userId: null, username: 'owner.fails', role: 'analytiker', ip: '127.0.0.1' },
          { action: 'registerimport', entity: 'test' },
        );
        throw new Error('fejl midt i');
      }),
    ).rejects.toThrow('fejl midt i');
    expect(await auditOf('owner.fails')).toEqual([]);
  });
});
