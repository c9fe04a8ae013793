/** Register data for analysts: list of batches, upload (multipart, streamed to a temporary file), job progress. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { stat } from 'node:fs/promises';
import { AppError, forbidden, notFound } from '../../core/errors.ts';
import { getImportJob, startImportJob, type ImportJob } from '../../app/register/import-jobs.ts';
import {
  categoryField,
  correctCodeMapping,
  mapUnknownCodes,
  ownCode,
  ownCodes,
  pendingUpload,
  readChoices,
  reasonField,
} from '../../app/register/map-codes.ts';
import { REGISTER_KINDS, type RegisterKind } from '../../app/register/import-register-file.ts';
import { registerDeliveries } from '../../app/register/deliveries.ts';
import { codeEditPage, codesPage, jobPage, jobPercent, jobStatusText, registerPage } from '../../web/pages/register.ts';
import type { Actor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';
import { requireActor } from '../security.ts';
import { discardUpload, multipartLimits, receiveUpload, type ReceivedUpload } from '../upload.ts';

const bodyOf = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

/** Register files are national data handled by the agency's analysts and administrators. */
function requireRegisterActor(req: FastifyRequest) {
  const actor = requireActor(req);
  if (actor.organisationKind !== 'styrelse' || !['analytiker', 'administrator'].includes(actor.role)) throw forbidden();
  return actor;
}

// Long because it is one route table: the 8 routes of the register data pages, inside one scope that
// carries the multipart limits, registered one after another. Each handler is its own function, kept
// short by test/route-handlers.test.ts; one list per page keeps its addresses in one place.
export async function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  // Long for the same reason: this scope is the route table (multipart is registered on it, not on the whole app).
  await app.register(async (scope) => {
    await scope.register(multipart, multipartLimits(deps.config.maxUploadBytes, 5));

    scope.get('/registerdata', async (req, reply) => {
      const actor = requireRegisterActor(req);
      return reply.type('text/html; charset=utf-8').send(registerPage(actor, req.csrfToken!, await registerDeliveries(deps)));
    });

    scope.post('/registerdata', async (req, reply) => {
      const actor = requireRegisterActor(req);
      // The file is streamed to a private temporary file with the byte limit, never held whole in memory.
      let upload: ReceivedUpload;
      try {
        upload = await receiveUpload(req, { maxBytes: deps.config.maxUploadBytes, defaultName: 'uden-navn.csv' });
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'TOO_LARGE')) throw e;
        return reply
          .status(413)
          .type('text/html; charset=utf-8')
          .send(registerPage(actor, req.csrfToken!, await registerDeliveries(deps), { error: e.message }));
      }
      let started = false;
      try {
        const { kind } = upload.fields;
        const file = upload.file;
        const batches = await registerDeliveries(deps);
        if (!kind || !(kind in REGISTER_KINDS)) {
          return reply
            .status(400)
            .type('text/html; charset=utf-8')
            .send(registerPage(actor, req.csrfToken!, batches, { error: 'Vælg en filtype.' }));
        }
        if (!file || file.bytes === 0) {
          return reply
            .status(400)
            .type('text/html; charset=utf-8')
            .send(registerPage(actor, req.csrfToken!, batches, { error: 'Vælg en fil, der ikke er tom.', kind }));
        }
        const job = await startImportJob(deps, actor, { kind: kind as RegisterKind, fileName: file.name, path: file.path });
        started = true; // the job removes the folder when it ends
        return reply.redirect(`/registerdata/job/${job.id}`, 303);
      } finally {
        if (!started) await discardUpload(upload);
      }
    });

    /** An ended job whose file waits for its unknown codes to be mapped (only the uploader's). */
    const pendingOf = async (j: ImportJob, actor: Actor) => (j.status === 'fejl' ? pendingUpload(deps, actor, j.id) : undefined);

    scope.get<{ Params: { id: string } }>('/registerdata/job/:id.json', async (req) => {
      const actor = requireRegisterActor(req);
      const j = await getImportJob(deps, req.params.id, actor.userId);
      if (!j) throw notFound('Indlæsningen');
      const pending = await pendingOf(j, actor);
      return { status: j.status, percent: jobPercent(j), text: jobStatusText(j, !!pending), report: j.report ?? null, codes: !!pending };
    });

    scope.get<{ Params: { id: string } }>('/registerdata/job/:id', async (req, reply) => {
      const actor = requireRegisterActor(req);
      const j = await getImportJob(deps, req.params.id, actor.userId);
      if (!j) throw notFound('Indlæsningen');
      const pending = await pendingOf(j, actor);
      return reply
        .type('text/html; charset=utf-8')
        .send(jobPage(actor, req.csrfToken!, j, pending && { unknown: pending.unknown, form: { values: {}, errors: {} } }));
    });

    // The analyst maps each unknown code to a category with a reason; then the file is imported.
    scope.post<{ Params: { id: string } }>('/registerdata/job/:id/koder', async (req, reply) => {
      const actor = requireRegisterActor(req);
      const j = await getImportJob(deps, req.params.id, actor.userId);
      if (!j) throw notFound('Indlæsningen');
      const pending = await pendingOf(j, actor);
      if (!pending) return reply.redirect(`/registerdata/job/${j.id}`, 303);
      const { choices, form } = readChoices(
        pending.unknown.map((u) => u.code),
        bodyOf(req),
      );
      if (!choices.length) {
        return reply
          .status(400)
          .type('text/html; charset=utf-8')
          .send(jobPage(actor, req.csrfToken!, j, { unknown: pending.unknown, form }));
      }
      const saved = await mapUnknownCodes(deps, actor, j.id, choices);
      if (!saved) return reply.redirect(`/registerdata/job/${j.id}`, 303);
      // The file lies in a private folder on the instance that received it.
      const there = await stat(saved.path).then(
        (st) => st.isFile(),
        () => false,
      );
      if (!there) {
        const rows = await ownCodes(deps, actor);
        return reply.type('text/html; charset=utf-8').send(
          codesPage(actor, req.csrfToken!, rows, {
            notice: `Koderne er gemt. Filen ${saved.fileName} ligger ikke længere på denne server; indlæs den igen under Registerdata.`,
          }),
        );
      }
      const next = await startImportJob(deps, actor, { kind: saved.kind as RegisterKind, fileName: saved.fileName, path: saved.path });
      return reply.redirect(`/registerdata/job/${next.id}`, 303);
    });

    scope.get('/registerdata/koder', async (req, reply) => {
      const actor = requireRegisterActor(req);
      return reply.type('text/html; charset=utf-8').send(
        codesPage(actor, req.csrfToken!, await ownCodes(deps, actor), {
          notice: (req.query as { rettet?: string }).rettet
            ? `Kode ${Number((req.query as { rettet: string }).rettet)} er rettet.`
            : undefined,
        }),
      );
    });

    scope.get<{ Params: { code: string } }>('/registerdata/koder/:code', async (req, reply) => {
      const actor = requireRegisterActor(req);
      const code = Number(req.params.code);
      const current = /^\d{1,5}$/.test(req.params.code) ? await ownCode(deps, actor, code) : undefined;
      if (!current) throw notFound('Koden');
      return reply.type('text/html; charset=utf-8').send(
        codeEditPage(actor, req.csrfToken!, current, {
          values: { [categoryField(code)]: current.category, [reasonField(code)]: current.reason },
          errors: {},
        }),
      );
    });

    scope.post<{ Params: { code: string } }>('/registerdata/koder/:code', async (req, reply) => {
      const actor = requireRegisterActor(req);
      const code = /^\d{1,5}$/.test(req.params.code) ? Number(req.params.code) : -1;
      const r = await correctCodeMapping(deps, actor, code, bodyOf(req));
      if (r.ok) return reply.redirect(`/registerdata/koder?rettet=${code}`, 303);
      if ('notFound' in r) throw notFound('Koden');
      const current = (await ownCode(deps, actor, code))!;
      return reply
        .status(400)
        .type('text/html; charset=utf-8')
        .send(codeEditPage(actor, req.csrfToken!, current, r.form));
    });
  });
}
