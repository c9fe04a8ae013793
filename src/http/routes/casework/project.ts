/** Project leader pages: follow-up rules and own activity types (/projekt/:pid), cohort progression. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/actor.ts';
import { addProjectActivityType, getProjectSettings, saveProjectAlertSettings } from '../../../app/casework/project-settings.ts';
import { getCohortProgression } from '../../../app/casework/cohort-progression.ts';
import type { AppDeps } from '../../../core/deps.ts';
import { requirePersonalDataActor } from '../participants.ts';
import { projectSettingsPage, settingsValues } from '../../../web/pages/casework/project-settings.ts';
import { progressionPage } from '../../../web/pages/casework/progression.ts';
import { emptyState, valuesOf, type FormState } from '../../../web/pages/casework/form.ts';
import { sendHtml } from './respond.ts';
import type { SaveResult } from '../../../app/form.ts';
import {
  createProjectInstrument,
  editProjectInstrument,
  getProjectInstrument,
  listProjectInstruments,
  retireProjectInstrumentVersion,
} from '../../../app/casework/project-instruments.ts';
import { instrumentFormPage, instrumentListPage, instrumentPage } from '../../../web/pages/casework/project-instruments.ts';
import { definitionValues } from '../../../domain/project-instruments.ts';

type P = { Params: { pid: string }; Querystring: { gemt?: string }; Body: Record<string, unknown> };
type I = { Params: { pid: string; iid: string; v?: string }; Querystring: { gemt?: string }; Body: Record<string, unknown> };

const NOTICES: Record<string, string> = {
  oprettet: 'Måleredskabet er oprettet.',
  rettet: 'Ændringerne er gemt i den nyeste version (den har ingen målinger endnu).',
  uaendret: 'Der var ingen ændringer at gemme.',
  udfaset: 'Versionen er udfaset: den tager ikke nye målinger, og dens målinger bevares.',
};

// Long because it is one route table: the 12 routes of the project settings pages and their
// instruments, registered one after another. Each handler is its own function, kept short by
// test/route-handlers.test.ts; one list per page keeps its addresses in one place.
export function projectRoutes(app: FastifyInstance, deps: AppDeps) {
  const render = async (
    actor: Actor,
    csrf: string,
    pid: number | undefined,
    o: { settings?: FormState; type?: FormState; saved?: boolean } = {},
  ) => {
    const s = await getProjectSettings(deps.db, actor, pid);
    if (!s || (pid !== undefined && s.project.id !== pid)) throw notFound('Projektet');
    return projectSettingsPage(actor, csrf, {
      project: s.project,
      projects: s.projects,
      types: s.types,
      saved: o.saved,
      settingsState: o.settings ?? emptyState(settingsValues(s.settings)),
      typeState: o.type ?? emptyState(),
    });
  };
  /** A form posted on the project page (follow-up rules, an activity type): saved → the page again; refused → with `form`'s errors. */
  const postOnProject = async (
    req: FastifyRequest<P>,
    reply: FastifyReply,
    save: (db: AppDeps['db'], actor: Actor, projectId: number, body: Record<string, unknown>) => Promise<SaveResult<number>>,
    form: 'settings' | 'type',
  ) => {
    const actor = requirePersonalDataActor(req);
    const pid = Number(req.params.pid);
    const r = await save(deps.db, actor, pid, req.body ?? {});
    if (r.status === 'ok') return reply.redirect(`/projekt/${pid}?gemt=ja`, 303);
    if (r.status !== 'invalid') throw notFound('Projektet');
    return sendHtml(reply, await render(actor, req.csrfToken!, pid, { [form]: { values: valuesOf(req.body), errors: r.errors } }), 400);
  };
  app.get('/projekt', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await render(actor, req.csrfToken!, undefined));
  });
  app.get<P>('/projekt/:pid', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await render(actor, req.csrfToken!, Number(req.params.pid), { saved: req.query.gemt === 'ja' }));
  });
  app.post<P>('/projekt/:pid/opfoelgning', (req, reply) => postOnProject(req, reply, saveProjectAlertSettings, 'settings'));
  app.post<P>('/projekt/:pid/aktivitetstyper', (req, reply) => postOnProject(req, reply, addProjectActivityType, 'type'));
  // The project's own progression instruments (issue 14 build 5).
  const instrument = async (actor: Actor, pid: string, iid: string) => {
    const r = await getProjectInstrument(deps.db, actor, Number(pid), Number(iid));
    if (!r) throw notFound('Måleredskabet');
    return r;
  };
  const projectOf = async (actor: Actor, pid: string) => {
    const r = await listProjectInstruments(deps.db, actor, Number(pid));
    if (!r) throw notFound('Projektet');
    return r;
  };
  app.get<P>('/projekt/:pid/maaleredskaber', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, instrumentListPage(actor, req.csrfToken!, await projectOf(actor, req.params.pid)));
  });
  app.get<P>('/projekt/:pid/maaleredskaber/nyt', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    if (actor.role !== 'projektleder') throw forbidden();
    const { project } = await projectOf(actor, req.params.pid);
    return sendHtml(reply, instrumentFormPage(actor, req.csrfToken!, { project, state: emptyState({ scaleMin: '1', scaleMax: '5' }) }));
  });
  app.post<P>('/projekt/:pid/maaleredskaber', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await createProjectInstrument(deps.db, actor, Number(req.params.pid), req.body ?? {});
    if (r.status === 'ok') return reply.redirect(`/projekt/${req.params.pid}/maaleredskaber/${r.id}?gemt=oprettet`, 303);
    if (r.status !== 'invalid') throw notFound('Projektet');
    const { project } = await projectOf(actor, req.params.pid);
    return sendHtml(
      reply,
      instrumentFormPage(actor, req.csrfToken!, { project, state: { values: valuesOf(req.body), errors: r.errors } }),
      400,
    );
  });
  app.get<I>('/projekt/:pid/maaleredskaber/:iid', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await instrument(actor, req.params.pid, req.params.iid);
    return sendHtml(
      reply,
      instrumentPage(actor, req.csrfToken!, {
        ...r,
        notice:
          NOTICES[String(req.query.gemt ?? '')] ??
          (/^version-\d+$/.test(String(req.query.gemt))
            ? `Ændringen er gemt som version ${String(req.query.gemt).slice(8)}. Tidligere målinger beholder deres version.`
            : null),
      }),
    );
  });
  app.get<I>('/projekt/:pid/maaleredskaber/:iid/ret', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    if (actor.role !== 'projektleder') throw forbidden();
    const r = await instrument(actor, req.params.pid, req.params.iid);
    const v = r.instrument.versions[r.instrument.versions.length - 1];
    return sendHtml(reply, instrumentFormPage(actor, req.csrfToken!, { ...r, state: emptyState(definitionValues(v)) }));
  });
  app.post<I>('/projekt/:pid/maaleredskaber/:iid', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await editProjectInstrument(deps.db, actor, Number(req.params.pid), Number(req.params.iid), req.body ?? {});
    const base = `/projekt/${req.params.pid}/maaleredskaber/${req.params.iid}`;
    if (r.status === 'ok')
      return reply.redirect(`${base}?gemt=${r.id.created ? `version-${r.id.version}` : r.id.unchanged ? 'uaendret' : 'rettet'}`, 303);
    if (r.status !== 'invalid') throw notFound('Måleredskabet');
    const found = await instrument(actor, req.params.pid, req.params.iid);
    return sendHtml(
      reply,
      instrumentFormPage(actor, req.csrfToken!, { ...found, state: { values: valuesOf(req.body), errors: r.errors } }),
      400,
    );
  });
  app.post<I>('/projekt/:pid/maaleredskaber/:iid/versioner/:v/udfas', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await retireProjectInstrumentVersion(deps.db, actor, Number(req.params.pid), Number(req.params.iid), Number(req.params.v));
    if (r.status !== 'ok') throw notFound('Versionen');
    return reply.redirect(`/projekt/${req.params.pid}/maaleredskaber/${req.params.iid}?gemt=udfaset`, 303);
  });
  app.get('/progression', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, progressionPage(actor, req.csrfToken!, await getCohortProgression(deps.db, actor)));
  });
}
