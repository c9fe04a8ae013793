/**
 * Closing the server waits for the requests it is still answering. Node's HTTP server waits for
 * its open connections, but not for an injected request (tests) nor for one whose connection it
 * dropped; such a request could otherwise reach the database after its owner closed it (a
 * session being resumed in the security preHandler, seen as a stray "PGlite is closed" error
 * after a test file had ended). New requests meanwhile get Fastify's 503 while it closes.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

export function holdCloseForRequests(app: FastifyInstance): void {
  const pending = new Set<Promise<void>>();
  const ends = new WeakMap<FastifyRequest, () => void>();
  app.addHook('onRequest', async (req) => {
    let end!: () => void;
    const answered = new Promise<void>((r) => (end = r));
    pending.add(answered);
    ends.set(req, () => {
      pending.delete(answered);
      end();
    });
  });
  const finish = async (req: FastifyRequest) => ends.get(req)?.();
  app.addHook('onResponse', finish);
  app.addHook('onRequestAbort', finish);
  app.addHook('preClose', async () => {
    await Promise.all([...pending]);
  });
}
