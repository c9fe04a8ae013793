/**
 * Backup and restore round trip on both backends through the CLI: every table's rows come back,
 * the audit chain still verifies, and a restore refuses a target that is not empty.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPGlite, openPostgres, type Database } from '../src/db/database.ts';
import { verifyAuditChain } from '../src/db/audit-chain.ts';
import { writeAudit } from '../src/db/sql.ts';
import { backends, useTestDb } from './helpers/db.ts';
import { cli } from './helpers/cli.ts';
import { pgAdminUrl, pgDbUrl } from './helpers/env.ts';

/** Row counts of every table, and a fingerprint of the participants. */
async function snapshot(db: Database) {
  const tables = (
    await db.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).rows.map((r) => r.t);
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n;
  const people = (await db.query<{ h: string }>(`SELECT md5(string_agg(p::text, '|' ORDER BY p.id)) AS h FROM participant p`)).rows[0].h;
  return { counts, people };
}

describe.each(backends())('backup and restore on %s', (backend) => {
  const t = useTestDb(backend);
  const work = mkdtempSync(join(tmpdir(), 'fremdrift-backup-'));
  const restoredDb = `fremdrift_restore_${process.pid}`;

  beforeAll(async () => {
    await writeAudit(
      t.db,
      { userId: 0, username: 'backup-test', role: 'administrator', ip: '127.0.0.1' },
      { action: 'markør', detail: { tekst: 'før kopien' } },
    );
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    if (backend === 'postgres') {
      const a = await openPostgres(pgAdminUrl(), 1);
      await a.exec(`DROP DATABASE IF EXISTS ${restoredDb} WITH (FORCE)`);
      await a.close();
    }
  });

  it('round-trips every row through `fremdrift backup` and `fremdrift restore`', async () => {
    const before = await snapshot(t.db);
    expect(before.counts.participant).toBeGreaterThan(1000);
    const file = join(work, 'kopi.bak');
    let source: Record<string, string>;
    let target: Record<string, string>;
    if (backend === 'postgres') {
      source = { DATABASE_URL: t.url! };
      const a = await openPostgres(pgAdminUrl(), 1);
      await a.exec(`CREATE DATABASE ${restoredDb}`);
      await a.close();
      target = { DATABASE_URL: pgDbUrl(restoredDb) };
    } else {
      await t.db.close();
      source = { FREMDRIFT_DATA_DIR: t.dir! };
      target = { FREMDRIFT_DATA_DIR: join(work, 'gendannet') };
    }
    const b = cli(['backup', '--out', file], source);
    expect(b.code, b.out).toBe(0);
    expect(b.out).toContain('Sikkerhedskopi gemt');
    const r = cli(['restore', '--in', file], target);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('er gendannet');
    if (backend === 'pglite') t.db = await openPGlite(t.dir);

    const restored = backend === 'postgres' ? await openPostgres(target.DATABASE_URL, 2) : await openPGlite(target.FREMDRIFT_DATA_DIR);
    try {
      expect(await snapshot(restored)).toEqual(before);
      expect(await verifyAuditChain(restored)).toMatchObject({ ok: true });
      // The restored copy works: the application role, row-level security and the audit function.
      const n = await restored.tx(async (q) => {
        await q.query('SET LOCAL ROLE fremdrift_app');
        await q.query(`SELECT set_config('fremdrift.kommuner', '851', true)`);
        await writeAudit(q, { userId: 0, username: 'efter', role: 'administrator', ip: '127.0.0.1' }, { action: 'markør' });
        return (await q.query<{ n: number }>('SELECT count(DISTINCT municipality_code)::int AS n FROM participant')).rows[0].n;
      });
      expect(n).toBe(1);
      expect(await verifyAuditChain(restored)).toMatchObject({ ok: true });
    } finally {
      await restored.close();
    }
    // A second restore into the now non-empty target is refused.
    const again = cli(['restore', '--in', file], target);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/ikke tom/);
  }, 240_000); // three CLI processes, each starting PGlite or pg_dump/pg_restore on the whole demo database

  it('refuses a file that is not a backup', () => {
    const bogus = join(work, 'ikke-en-kopi.txt');
    spawnSync('sh', ['-c', `echo hej > ${bogus}`]);
    const r = cli(
      ['restore', '--in', bogus],
      backend === 'postgres' ? { DATABASE_URL: pgDbUrl('findes_ikke') } : { FREMDRIFT_DATA_DIR: join(work, 'tom') },
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('er ikke en sikkerhedskopi fra Fremdrift');
  });
});
