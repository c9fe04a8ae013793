/**
 * The PostgreSQL transaction sends statements issued together as one message (database.ts,
 * batchingQueryable): the values that arrive and the rows that come back must be exactly those
 * of one statement at a time, and an error must reach every statement of the batch.
 */
import { describe, expect, it } from 'vitest';
import { batchingQueryable, replaceParameters } from '../src/db/database.ts';
import { backends, useTestDb } from './helpers/db.ts';

describe("batching a transaction's statements", () => {
  it('replaces $n only where it is a parameter: not in quotes, comments, dollar quotes or identifiers', () => {
    const v = (n: number) => `<${n}>`;
    expect(replaceParameters(`SELECT set_config('a', 'b', true), set_config('c', $1, true)`, v)).toBe(
      `SELECT set_config('a', 'b', true), set_config('c', <1>, true)`,
    );
    expect(replaceParameters(`SELECT '$1', 'it''s $2', $3, "col$4", E'\\' $5', $6`, v)).toBe(
      `SELECT '$1', 'it''s $2', <3>, "col$4", E'\\' $5', <6>`,
    );
    expect(replaceParameters(`SELECT $10 + $1 -- $2\n, /* $3 */ $$ $4 $$, $q$ $5 $q$, a$1 FROM t WHERE x = $2`, v)).toBe(
      `SELECT <10> + <1> -- $2\n, /* $3 */ $$ $4 $$, $q$ $5 $q$, a$1 FROM t WHERE x = <2>`,
    );
  });

  it('sends statements of one tick as one message with inlined literals, a lone statement as before', async () => {
    const sent: { sql: string; params?: unknown[] }[] = [];
    const client = {
      async query(sql: string, params?: unknown[]) {
        sent.push({ sql, params });
        const n = sql.split('\n;\n').length;
        const r = { rows: [{ sql }], rowCount: 1 };
        return (n > 1 ? Array.from({ length: n }, () => r) : r) as never;
      },
    };
    const utils = {
      prepareValue: (v: unknown) => (v == null ? null : Array.isArray(v) ? `{${v.join(',')}}` : String(v)),
      escapeLiteral: (s: string) => `'${s.replace(/'/g, "''")}'`,
    };
    const q = batchingQueryable(client, utils);
    const [a, b] = await Promise.all([q.query('SELECT $1::text AS x', ["O'Brien"]), q.query('SELECT $2, $1', [1, null])]);
    expect(sent).toEqual([{ sql: "SELECT 'O''Brien'::text AS x\n;\nSELECT NULL, '1'", params: undefined }]);
    expect([a.rowCount, b.rowCount]).toEqual([1, 1]);
    await q.query('SELECT $1', ['alone']);
    expect(sent[1]).toEqual({ sql: 'SELECT $1', params: ['alone'] });
  });
});

describe.each(backends().filter((b) => b === 'postgres'))('batched statements on %s', (backend) => {
  const t = useTestDb(backend);

  const VALUES: unknown[] = [
    "O'Brien \\ back\\slash $1 ' ; -- not a comment",
    'æøå Doğan',
    null,
    42,
    -3.5,
    true,
    false,
    ['a', "b'c", 'd"e'],
    { nested: { k: "it's" }, n: 1 },
    '2026-03-29',
    '',
  ];
  const SQL =
    'SELECT $1::text AS t, $2::text AS u, $3::int AS nul, $4::int AS i, $5::float8 AS f, $6::boolean AS yes, $7::boolean AS no, $8::text[] AS arr, $9::jsonb AS j, $10::date AS d, $11::text AS empty';

  it('returns the same rows batched as one at a time, for quotes, backslashes, nulls, arrays, JSON and dates', async () => {
    const alone = await t.db.tx(async (q) => q.query(SQL, VALUES));
    const together = await t.db.tx(async (q) =>
      Promise.all([q.query(SQL, VALUES), q.query('SELECT count(*)::int AS n FROM generate_series(1, $1::int)', [3])]),
    );
    expect(together[0].rows).toEqual(alone.rows);
    expect(together[1].rows).toEqual([{ n: 3 }]);
  });

  it('rejects every statement of a failed batch and rolls the transaction back', async () => {
    await t.db.exec('CREATE TABLE IF NOT EXISTS batch_probe (v text)');
    const run = t.db.tx(async (q) => {
      const r = await Promise.allSettled([q.query(`INSERT INTO batch_probe VALUES ($1)`, ['kept?']), q.query('SELECT 1/0')]);
      expect(r.map((x) => x.status)).toEqual(['rejected', 'rejected']);
      throw (r[1] as PromiseRejectedResult).reason;
    });
    await expect(run).rejects.toThrow(/division by zero/);
    expect((await t.db.query('SELECT * FROM batch_probe')).rows).toEqual([]);
  });
});
