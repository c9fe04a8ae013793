/** Register data for analysts: list of batches, upload (multipart, streamed to memory), job progress. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { AppError, forbidden, notFound } from '../../core/errors.ts';
import { getImportJob, startImportJob } from '../../app/register/import-jobs.ts';
import { importRegisterFile, REGISTER_KINDS, type RegisterKind } from '../../app/register/import-register-file.ts';
import { listBatches } from '../../db/register-store.ts';
import { jobPage, jobPercent, jobStatusText, registerPage } from '../../web/pages/register.ts';
import type { AppDeps } from '../../core/deps.ts';
import { requireActor } from '../security.ts';

/** Register files are national data handled by the agency's analysts and administrators. */
function requireRegisterActor(req: FastifyRequest) {
  const actor = requireActor(req);
  if (actor.organisationKind !== 'styrelse' || !['analytiker', 'administrator'].includes(actor.role)) throw forbidden();
  return actor;
}

export async function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 5 } });

    scope.get('/registerdata', async (req, reply) => {
      const actor = requireRegisterActor(req);
      return reply.type('text/html; charset=utf-8').send(registerPage(actor, req.csrfToken!, await listBatches(deps.db)));
    });

    scope.post('/registerdata', async (req, reply) => {
      const actor = requireRegisterActor(req);
      let kind: string | undefined;
      let file: { name: string; bytes: Buffer } | undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'field' && part.fieldname === 'kind') kind = String(part.value);
          else if (part.type === 'file' && part.fieldname === 'file') {
            const bytes = await part.toBuffer();
            if (part.file.truncated) throw new AppError('INVALID', 'Filen er for stor.');
            file = { name: part.filename || 'uden-navn.csv', bytes };
          }
        }
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('INVALID', `Filen er for stor (højst ${Math.round(deps.config.maxUploadBytes / 1024 / 1024)} MB).`);
        }
        throw e;
      }
      const batches = await listBatches(deps.db);
      if (!kind || !(kind in REGISTER_KINDS)) {
        return reply.status(400).type('text/html; charset=utf-8').send(registerPage(actor, req.csrfToken!, batches, { error: 'Vælg en filtype.' }));
      }
      if (!file || file.bytes.length === 0) {
        return reply.status(400).type('text/html; charset=utf-8').send(registerPage(actor, req.csrfToken!, batches, { error: 'Vælg en fil, der ikke er tom.', kind }));
      }
      const f = file;
      const job = startImportJob(actor.userId, f.name, (onProgress) =>
        importRegisterFile(deps, actor, { kind: kind as RegisterKind, fileName: f.name, bytes: f.bytes }, onProgress),
      );
      return reply.redirect(`/registerdata/job/${job.id}`, 303);
    });

    scope.get<{ Params: { id: string } }>('/registerdata/job/:id.json', async (req) => {
      const actor = requireRegisterActor(req);
      const j = getImportJob(req.params.id, actor.userId);
      if (!j) throw notFound('Indlæsningen');
      return { status: j.status, percent: jobPercent(j), text: jobStatusText(j), report: j.report ?? null };
    });

    scope.get<{ Params: { id: string } }>('/registerdata/job/:id', async (req, reply) => {
      const actor = requireRegisterActor(req);
      const j = getImportJob(req.params.id, actor.userId);
      if (!j) throw notFound('Indlæsningen');
      return reply.type('text/html; charset=utf-8').send(jobPage(actor, req.csrfToken!, j));
    });
  });
}
