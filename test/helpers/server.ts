/** Start the real HTTP server on a free port over a fresh test database. */
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { afterAll, beforeAll } from 'vitest';
import type { AppDeps } from '../../src/core/deps.ts';
import { openTestDb, testDeps, type Backend, type TestDb } from './db.ts';

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  t: TestDb;
  close(): Promise<void>;
}

export async function startServer(backend: Backend = 'pglite'): Promise<RunningServer> {
  const t = await openTestDb(backend);
  const app = await buildServer(testDeps(t.db));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    t,
    close: async () => {
      await app.close();
      await t.cleanup();
    },
  };
}

/**
 * The usual set-up of an integration test file, once: a fresh test database on `backend` and the
 * Fastify app over it (not listening; use `app.inject`), closed after the file. Read `t` and `app`
 * inside tests or hooks (they are set in beforeAll).
 */
export function useTestServer(backend: Backend, config: Partial<AppDeps['config']> = {}) {
  const s = {} as { t: TestDb; app: FastifyInstance };
  beforeAll(async () => {
    s.t = await openTestDb(backend);
    s.app = await buildServer(testDeps(s.t.db, config));
    await s.app.ready();
  });
  afterAll(async () => {
    await s.app?.close();
    await s.t?.cleanup();
  });
  return s;
}
