/** Project leader pages: follow-up rules and own activity types (/projekt/:pid), cohort progression. */
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/actor.ts';
import { addProjectActivityType, getProjectSettings, saveProjectAlertSettings } from '../../../app/casework/project-settings.ts';
import { getCohortProgression } from '../../../app/casework/cohort-progression.ts';
import type { AppDeps } from '../../../core/deps.ts';
import { requirePersonalDataActor } from '../participants.ts';
import { projectSettingsPage, settingsValues } from '../../../web/pages/casework/project-settings.ts';
import { progressionPage } from '../../../web/pages/casework/progression.ts';
import { emptyState, valuesOf, type FormState } from '../../../web/pages/casework/form.ts';
import { sendHtml } from './respond.ts';

type P = { Params: { pid: string }; Querystring: { gemt?: string }; Body: Record<string, unknown> };

export function projectRoutes(app: FastifyInstance, deps: AppDeps) {
  const render = async (actor: Actor, csrf: string, pid: number | undefined, o: { settings?: FormState; type?: FormState; saved?: boolean } = {}) => {
    const s = await getProjectSettings(deps.db, actor, pid);
    if (!s || (pid !== undefined && s.project.id !== pid)) throw notFound('Projektet');
    return projectSettingsPage(actor, csrf, {
      project: s.project, projects: s.projects, types: s.types, saved: o.saved,
      settingsState: o.settings ?? emptyState(settingsValues(s.settings)), typeState: o.type ?? emptyState(),
    });
  };
  app.get('/projekt', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await render(actor, req.csrfToken!, undefined));
  });
  app.get<P>('/projekt/:pid', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await render(actor, req.csrfToken!, Number(req.params.pid), { saved: req.query.gemt === 'ja' }));
  });
  app.post<P>('/projekt/:pid/opfoelgning', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const pid = Number(req.params.pid);
    const r = await saveProjectAlertSettings(deps.db, actor, pid, req.body ?? {});
    if (r.status === 'ok') return reply.redirect(`/projekt/${pid}?gemt=ja`, 303);
    if (r.status !== 'invalid') throw notFound('Projektet');
    return sendHtml(reply, await render(actor, req.csrfToken!, pid, { settings: { values: valuesOf(req.body), errors: r.errors } }), 400);
  });
  app.post<P>('/projekt/:pid/aktivitetstyper', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const pid = Number(req.params.pid);
    const r = await addProjectActivityType(deps.db, actor, pid, req.body ?? {});
    if (r.status === 'ok') return reply.redirect(`/projekt/${pid}?gemt=ja`, 303);
    if (r.status !== 'invalid') throw notFound('Projektet');
    return sendHtml(reply, await render(actor, req.csrfToken!, pid, { type: { values: valuesOf(req.body), errors: r.errors } }), 400);
  });
  app.get('/progression', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, progressionPage(actor, req.csrfToken!, await getCohortProgression(deps.db, actor)));
  });
}
