/** Start the real HTTP server on a free port over a fresh test database. */
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
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
