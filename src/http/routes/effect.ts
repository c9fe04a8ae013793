/** /effekt: effect against a matched comparison group (analysts: national; project leaders: their project), and the pool. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { effectView } from '../../app/effect/effect-view.ts';
import { erasePoolWoman } from '../../app/effect/erase-pool-member.ts';
import { importPool, poolOverview, requirePoolAnalyst } from '../../app/effect/import-pool.ts';
import { AppError } from '../../core/errors.ts';
import { RegisterInputError } from '../../register/errors.ts';
import { effectCsv, effectPage, poolPage } from '../../web/pages/effect.ts';
import type { AppDeps } from '../../core/deps.ts';
import { requireActor } from '../security.ts';
import { discardUpload, multipartLimits, receiveUpload, type ReceivedUpload } from '../upload.ts';
import { defaultMonths } from './results.ts';
import { bodyOf, monthOf, projectIdOf, sendHtml } from './steering/common.ts';

async function viewOf(req: FastifyRequest, deps: AppDeps) {
  const actor = requireActor(req);
  const month = monthOf(req) ?? (await defaultMonths(deps.db)).month;
  return { actor, month, view: await effectView(deps, actor, { month, projectId: projectIdOf(req) }) };
}

export async function effectRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/effekt', async (req, reply) => {
    const { actor, month, view } = await viewOf(req, deps);
    return sendHtml(reply, effectPage(actor, req.csrfToken!, view, month));
  });

  app.get('/effekt.csv', async (req, reply) => {
    const { view, month } = await viewOf(req, deps);
    const name = view.choice ? `effekt-projekt-${view.choice.project.id}-${month}.csv` : `effekt-nationalt-${month}.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(effectCsv(view));
  });

  const poolHtml = async (req: FastifyRequest, o: Parameters<typeof poolPage>[4] = {}) => {
    const actor = requireActor(req);
    const { imports, size } = await poolOverview(deps, actor);
    return poolPage(actor, req.csrfToken!, imports, size, o);
  };

  app.get('/effekt/pulje', async (req, reply) => {
    requirePoolAnalyst(requireActor(req));
    return sendHtml(reply, await poolHtml(req));
  });

  app.post('/effekt/pulje/slet', async (req, reply) => {
    const actor = requireActor(req);
    requirePoolAnalyst(actor);
    const cpr = String(bodyOf(req).cpr ?? '');
    try {
      const r = await erasePoolWoman(deps, actor, cpr);
      const notice = r.pool
        ? 'Kvinden er slettet fra puljen' +
          (r.register ? ' sammen med hendes registerdata.' : '; hun er også deltager, så hendes registerdata bevares.')
        : 'Kvinden stod ikke i puljen. Intet er ændret.';
      return sendHtml(reply, await poolHtml(req, { notice }));
    } catch (e) {
      if (e instanceof AppError && e.code === 'INVALID')
        return sendHtml(reply, await poolHtml(req, { cpr, cprError: e.fields.cpr ?? e.message }), 400);
      throw e;
    }
  });

  await app.register(async (scope) => {
    await scope.register(multipart, multipartLimits(deps.config.maxUploadBytes, 2));
    scope.post('/effekt/pulje', async (req, reply) => {
      const actor = requireActor(req);
      requirePoolAnalyst(actor);
      // Streamed to a private temporary file with the byte limit and read from there in chunks.
      let upload: ReceivedUpload;
      try {
        upload = await receiveUpload(req, { maxBytes: deps.config.maxUploadBytes, defaultName: 'pulje.csv' });
      } catch (e) {
        if (e instanceof AppError && e.code === 'TOO_LARGE') return sendHtml(reply, await poolHtml(req, { error: e.message }), 413);
        throw e;
      }
      try {
        const file = upload.file;
        if (!file || file.bytes === 0) return sendHtml(reply, await poolHtml(req, { error: 'Vælg en fil, der ikke er tom.' }), 400);
        try {
          const r = await importPool(deps, actor, { fileName: file.name, path: file.path });
          return sendHtml(
            reply,
            await poolHtml(req, {
              notice: `${r.fileName} er indlæst som pulje nr. ${r.importId}: ${r.women} kvinder. Den tidligere pulje er erstattet.`,
            }),
          );
        } catch (e) {
          if (e instanceof RegisterInputError) return sendHtml(reply, await poolHtml(req, { error: `Intet er gemt. ${e.message}` }), 400);
          throw e;
        }
      } finally {
        await discardUpload(upload);
      }
    });
  });
}
