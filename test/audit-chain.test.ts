/**
 * The audit log is a hash chain: appends go through fremdrift_audit_append only, concurrent
 * writers still give one valid chain, and `fremdrift audit verify` finds records the database
 * owner altered, deleted or inserted, naming the first broken record (exit 1, Danish output).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPGlite, openPostgres, type Database, type Queryable } from '../src/db/database.ts';
import { verifyAuditChain } from '../src/db/audit-chain.ts';
import { writeAudit } from '../src/db/sql.ts';
import { backends, useTestDb } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { createMunicipality } from './helpers/world.ts';
import { loginAs } from './helpers/http.ts';

const root = join(import.meta.dirname, '..');
const who = { userId: 0, username: 'test', role: 'administrator' as const, ip: '127.0.0.1' };

/** As the database owner, with the append-only triggers switched off (what an intruder with owner rights could do). */
async function asOwner(db: Database, fn: (q: Queryable) => Promise<void>) {
  await db.tx(async (q) => {
    await q.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await fn(q);
    await q.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
  });
}

function cliVerify(env: Record<string, string | undefined>) {
  const r = spawnSync(process.execPath, ['bin/fremdrift.js', 'audit', 'verify'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', FREMDRIFT_SECRET: '', ...env },
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe.each(backends())('hash-chained audit log on %s', (backend) => {
  const srv = useTestServer(backend);

  async function rows() {
    return (await srv.t.db.query<{ id: number }>('SELECT id FROM audit_log ORDER BY id')).rows.map((r) => r.id);
  }

  it('chains every append, including reads of a participant through the web', async () => {
    const m = await createMunicipality(srv.t.db, { women: 1 }); // a fresh municipality (test/helpers/world.ts)
    const s = await loginAs(srv.app, m.caseworker.username);
    const id = m.women[0].id;
    expect((await s.get(`/deltagere/${id}`)).statusCode).toBe(200);
    const read = await srv.t.db.query<{ prev_hash: string; hash: string }>(
      `SELECT prev_hash, hash FROM audit_log WHERE participant_id = $1 AND action = 'vis' AND username = $2`,
      [id, m.caseworker.username],
    );
    expect(read.rows.length).toBeGreaterThanOrEqual(1);
    expect(read.rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    const r = await verifyAuditChain(srv.t.db);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.records).toBeGreaterThan(2);
    const links = await srv.t.db.query<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM audit_log a JOIN audit_log b ON b.id = (SELECT min(id) FROM audit_log WHERE id > a.id)
       WHERE b.prev_hash <> a.hash`,
    );
    expect(links.rows[0].bad).toBe(0);
  });

  it('the application role can append only through the function, and can neither read nor rewrite the log', async () => {
    const asApp = (sql: string) =>
      srv.t.db.tx(async (q) => {
        await q.query('SET LOCAL ROLE fremdrift_app');
        await q.query(sql);
      });
    await expect(asApp(`INSERT INTO audit_log (username, action, prev_hash, hash) VALUES ('x', 'y', 'z', 'w')`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(asApp(`UPDATE audit_head SET last_hash = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(asApp(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/permission denied/);
    await srv.t.db.tx(async (q) => {
      await q.query('SET LOCAL ROLE fremdrift_app');
      await writeAudit(q, who, { action: 'test', entity: 'app-role' });
    });
    expect((await verifyAuditChain(srv.t.db)).ok).toBe(true);
  });

  it('refuses UPDATE, DELETE and direct INSERT even for the owner while the triggers are on', async () => {
    await expect(srv.t.db.query(`UPDATE audit_log SET action = 'x' WHERE id = (SELECT max(id) FROM audit_log)`)).rejects.toThrow(
      /kun tilføjes/,
    );
    await expect(srv.t.db.query('DELETE FROM audit_log')).rejects.toThrow(/kun tilføjes/);
    await expect(srv.t.db.query(`INSERT INTO audit_log (username, action, prev_hash, hash) VALUES ('x', 'y', 'z', 'w')`)).rejects.toThrow(
      /fremdrift_audit_append/,
    );
  });

  it('detects an altered record and names it', async () => {
    for (let i = 0; i < 5; i++) await writeAudit(srv.t.db, who, { action: 'test', detail: { i, tekst: 'æøå "citat" \\ ny\nlinje' } });
    const ids = await rows();
    const victim = ids[ids.length - 3];
    const before = (
      await srv.t.db.query<{ detail: unknown; username: string }>('SELECT detail, username FROM audit_log WHERE id = $1', [victim])
    ).rows[0];
    await asOwner(srv.t.db, (q) => q.query(`UPDATE audit_log SET username = 'en-anden' WHERE id = $1`, [victim]).then(() => undefined));
    const r = await verifyAuditChain(srv.t.db);
    expect(r).toMatchObject({ ok: false, brokenId: String(victim), problem: 'aendret' });
    // Even a change of the detail alone, with the same text length, is found.
    await asOwner(srv.t.db, (q) =>
      q
        .query(`UPDATE audit_log SET username = $2, detail = jsonb_set(detail, '{i}', '9') WHERE id = $1`, [victim, before.username])
        .then(() => undefined),
    );
    expect(await verifyAuditChain(srv.t.db)).toMatchObject({ ok: false, brokenId: String(victim) });
    await asOwner(srv.t.db, (q) =>
      q.query(`UPDATE audit_log SET detail = $2 WHERE id = $1`, [victim, JSON.stringify(before.detail)]).then(() => undefined),
    );
    expect((await verifyAuditChain(srv.t.db)).ok).toBe(true);
  });

  it('detects an altered record whose hash the intruder recomputed: the next record no longer points at it', async () => {
    const ids = await rows();
    const victim = ids[ids.length - 2];
    const orig = (await srv.t.db.query<{ action: string; hash: string }>('SELECT action, hash FROM audit_log WHERE id = $1', [victim]))
      .rows[0];
    await asOwner(srv.t.db, async (q) => {
      await q.query(`UPDATE audit_log SET action = 'skjult' WHERE id = $1`, [victim]);
      await q.query(
        `UPDATE audit_log SET hash = encode(sha256(convert_to(fremdrift_audit_canonical(id, at, user_id, username, role, action,
           entity, participant_id, municipality_code, ip, detail, prev_hash), 'UTF8')), 'hex') WHERE id = $1`,
        [victim],
      );
    });
    expect(await verifyAuditChain(srv.t.db)).toMatchObject({ ok: false, brokenId: String(ids[ids.length - 1]), problem: 'kaede_brudt' });
    await asOwner(srv.t.db, (q) =>
      q.query('UPDATE audit_log SET action = $2, hash = $3 WHERE id = $1', [victim, orig.action, orig.hash]).then(() => undefined),
    );
    expect((await verifyAuditChain(srv.t.db)).ok).toBe(true);
  });

  it('detects a deleted record in the middle and at the end', async () => {
    const ids = await rows();
    const middle = ids[ids.length - 4];
    const saved = (await srv.t.db.query<{ r: Record<string, unknown> }>('SELECT to_jsonb(a) AS r FROM audit_log a WHERE id = $1', [middle]))
      .rows[0].r;
    await asOwner(srv.t.db, (q) => q.query('DELETE FROM audit_log WHERE id = $1', [middle]).then(() => undefined));
    expect(await verifyAuditChain(srv.t.db)).toMatchObject({ ok: false, brokenId: String(ids[ids.length - 3]), problem: 'kaede_brudt' });
    const cols = Object.keys(saved);
    await asOwner(srv.t.db, (q) =>
      q
        .query(
          `INSERT INTO audit_log (${cols.join(', ')}) SELECT ${cols.map((c) => `r.${c}`).join(', ')} FROM jsonb_populate_record(NULL::audit_log, $1::jsonb) r`,
          [JSON.stringify(saved)],
        )
        .then(() => undefined),
    );
    expect((await verifyAuditChain(srv.t.db)).ok).toBe(true);

    const last = ids[ids.length - 1];
    await asOwner(srv.t.db, (q) => q.query('DELETE FROM audit_log WHERE id = $1', [last]).then(() => undefined));
    expect(await verifyAuditChain(srv.t.db)).toMatchObject({ ok: false, brokenId: String(last), problem: 'hale_slettet' });
  });

  it('an anchor kept outside the database exposes a chain rewritten from start to end', async () => {
    const fresh = await verifyAuditChain(srv.t.db);
    // (The previous test deleted the last record; repair the head first, as a thorough intruder would.)
    const tail = (
      await srv.t.db.query<{ id: string; hash: string }>('SELECT id::text AS id, hash FROM audit_log ORDER BY audit_log.id DESC LIMIT 1')
    ).rows[0];
    await srv.t.db.query('UPDATE audit_head SET last_id = $1::bigint, last_hash = $2', [tail.id, tail.hash]);
    expect(fresh.ok).toBe(false);
    const ok = await verifyAuditChain(srv.t.db);
    expect(ok).toMatchObject({ ok: true });
    if (!ok.ok) return;
    const anchor = { id: ok.lastId!, hash: ok.headHash };
    expect(await verifyAuditChain(srv.t.db, 7, anchor)).toMatchObject({ ok: true });
    // Rewrite one early record and recompute every hash after it, and the head: the chain alone looks intact.
    const ids = await rows();
    await asOwner(srv.t.db, async (q) => {
      await q.query(`UPDATE audit_log SET username = 'skjult' WHERE id = $1`, [ids[2]]);
      let prev = (await q.query<{ hash: string }>('SELECT hash FROM audit_log WHERE id = $1', [ids[1]])).rows[0].hash;
      for (const id of ids.slice(2)) {
        const h = (
          await q.query<{ hash: string }>(
            `UPDATE audit_log SET prev_hash = $2, hash = encode(sha256(convert_to(fremdrift_audit_canonical(id, at, user_id, username, role, action,
             entity, participant_id, municipality_code, ip, detail, $2), 'UTF8')), 'hex') WHERE id = $1 RETURNING hash`,
            [id, prev],
          )
        ).rows[0].hash;
        prev = h;
      }
      await q.query('UPDATE audit_head SET last_hash = $1', [prev]);
    });
    expect(await verifyAuditChain(srv.t.db)).toMatchObject({ ok: true });
    expect(await verifyAuditChain(srv.t.db, 7, anchor)).toMatchObject({ ok: false, problem: 'anker', brokenId: anchor.id });
    expect(await verifyAuditChain(srv.t.db, 7, { id: '999999999', hash: anchor.hash })).toMatchObject({ ok: false, problem: 'anker' });
  });

  it('`fremdrift audit verify` exits 1 naming the first broken record, in Danish', async () => {
    // Alter an early record as the owner; the CLI must name it.
    const ids = await rows();
    const victim = ids[3];
    await asOwner(srv.t.db, (q) => q.query(`UPDATE audit_log SET ip = '10.6.6.6' WHERE id = $1`, [victim]).then(() => undefined));
    let env: Record<string, string>;
    if (backend === 'postgres') env = { DATABASE_URL: srv.t.url! };
    else {
      await srv.t.db.close(); // one process at a time on a PGlite folder
      env = { FREMDRIFT_DATA_DIR: srv.t.dir! };
    }
    const r = cliVerify(env);
    if (backend === 'pglite') srv.t.db = await openPGlite(srv.t.dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Første brudte post: ${victim}`);
    expect(r.out).toMatch(/ikke intakt/);
  });
});

describe.each(backends().filter((b) => b === 'postgres'))('concurrent appends on %s', (backend) => {
  const t = useTestDb(backend);

  it('parallel writers on separate connections still give one valid chain', async () => {
    const pools = [t.db, await openPostgres(t.url!, 8), await openPostgres(t.url!, 8)];
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    const writers = Array.from({ length: 60 }, (_, i) =>
      pools[i % pools.length].tx(async (q) => {
        await q.query('SET LOCAL ROLE fremdrift_app');
        await q.query('SELECT pg_sleep($1)', [(i % 7) / 1000]);
        await writeAudit(q, who, { action: 'parallel', detail: { i } });
        await q.query('SELECT pg_sleep($1)', [(i % 5) / 1000]);
        await writeAudit(q, who, { action: 'parallel', detail: { i, second: true } });
      }),
    );
    // Some writers roll back: their records and their chain step vanish together.
    const failing = Array.from({ length: 10 }, (_, i) =>
      pools[i % pools.length]
        .tx(async (q) => {
          await writeAudit(q, who, { action: 'rollback', detail: { i } });
          throw new Error('rollback');
        })
        .catch(() => 'rolled back'),
    );
    await Promise.all([...writers, ...failing]);
    await Promise.all(pools.slice(1).map((p) => p.close()));
    const after = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    expect(after - before).toBe(120);
    const r = await verifyAuditChain(t.db);
    expect(r).toMatchObject({ ok: true });
  });
});
