/**
 * Closing the server waits for the requests it is still answering. A test closes the server and
 * then the database (useTestServer's afterAll); a request still resuming its session
 * (touchSessionActor in the security preHandler) must not reach the closed database — an injected
 * request holds no connection that Node's HTTP server would wait for. Seen before as a stray
 * "PGlite is closed" error after a test file had ended.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { buildServer } from '../src/http/server.ts';
import { openTestDb, testDeps } from './helpers/db.ts';
import { loginAs } from './helpers/http.ts';
import { createMunicipality } from './helpers/world.ts';

/** `db`, except that a statement reading sessions waits at the gate while it is shut, and says when one arrives. */
function gated(db: Database) {
  let arrived!: () => void;
  const arrival = new Promise<void>((r) => (arrived = r));
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  let shut = false;
  const wrapped = new Proxy(db, {
    get(target, p) {
      if (p === 'query')
        return async (sql: string, params?: unknown[]) => {
          if (shut && sql.includes('user_session')) {
            arrived();
            await gate;
          }
          return target.query(sql, params);
        };
      const v = Reflect.get(target, p) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { db: wrapped, shut: () => (shut = true), arrival, open };
}

describe('closing the server', () => {
  it('waits for a request still resuming its session before the database closes', async () => {
    const t = await openTestDb('pglite');
    const g = gated(t.db);
    const app = await buildServer(testDeps(g.db));
    await app.ready();
    const m = await createMunicipality(t.db, { women: 1 });
    const s = await loginAs(app, m.caseworker.username);
    g.shut();
    const request = s.get('/deltagere');
    await g.arrival; // the request is inside touchSessionActor, held at the gate
    // As useTestServer's afterAll: close the server, then the database.
    const closed = app.close().then(() => t.cleanup());
    const first = await Promise.race([closed.then(() => 'closed'), new Promise((r) => setTimeout(() => r('still open'), 1000))]);
    g.open();
    const res = await request;
    await closed;
    // The server did not finish closing while the request was held, and the request was answered.
    expect(first).toBe('still open');
    expect(res.statusCode).toBe(200);
  });
});
