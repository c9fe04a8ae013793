/** Start the real HTTP server on a free port over a fresh test database. */
import type { FastifyInstance } from 'fastify';
import { buildServer, type RouteInfo, type ServerOptions } from '../../src/http/server.ts';
import type { Database } from '../../src/db/database.ts';
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

type Config = Partial<AppDeps['config']>;

export interface TestServerOptions {
  /** Runs on the fresh database before the server is built (data the server reads as it starts, extra tables). */
  seed?: (t: TestDb) => Promise<void>;
  /** Log level and log stream of the server. */
  server?: ServerOptions;
  /** Listen on a free port of 127.0.0.1 (for tests that stream to a real socket) instead of only `inject`. */
  listen?: boolean;
}

/**
 * The usual set-up of an integration test file, once: a fresh test database on `backend` and the
 * Fastify app over it (not listening unless asked; use `app.inject`), closed after the file. Read
 * `t`, `app` and the app's dependency bundle `deps` inside tests or hooks (they are set in
 * beforeAll, which runs before the file's own beforeAll hooks). `config` may depend on the database (e.g. its `url`). A test may replace
 * `app` (say, after reopening the database); the one there at the end is closed.
 */
export function useTestServer(backend: Backend, config: Config | ((t: TestDb) => Config) = {}, opts: TestServerOptions = {}) {
  const s = {} as { t: TestDb; app: FastifyInstance; deps: AppDeps };
  beforeAll(async () => {
    s.t = await openTestDb(backend);
    await opts.seed?.(s.t);
    s.deps = testDeps(s.t.db, typeof config === 'function' ? config(s.t) : config);
    s.app = await buildServer(s.deps, opts.server);
    if (opts.listen) await s.app.listen({ port: 0, host: '127.0.0.1' });
    else await s.app.ready();
  });
  afterAll(async () => {
    await s.app?.close();
    await s.t?.cleanup();
  });
  return s;
}

/**
 * The app's routes as they are known when tests are collected (before any hook runs), so a test
 * file can make one test per route. The server is built over a database that refuses every use:
 * building registers the routes and touches no data. Tests using it should check the list against
 * a running server's `routeTable`, so a route registered only later cannot slip past them.
 */
export async function collectRoutes(): Promise<RouteInfo[]> {
  const noDatabase = new Proxy({} as Database, {
    get: (_t, p) => {
      if (p === 'then') return undefined; // not a promise
      if (p === 'kind') return 'pglite'; // the embedded default: no shared rate-limit store
      throw new Error(`Route listing needs no database, but it was asked for ${String(p)}`);
    },
  });
  const app = await buildServer(testDeps(noDatabase));
  const routes = [...app.routeTable];
  await app.close();
  return routes;
}
