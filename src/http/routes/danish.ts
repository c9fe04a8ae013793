/**
 * Danish tuition on her page (issue 14 build 4): /deltagere/:id/dansk/{kurser,fremmoede,proever,sprogmakker}
 * — new, correct, delete after confirming. Caseworkers and project leaders, behind the door.
 */
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';
import { danishRecordForm, deleteDanishRecord, getDanishView, saveDanish, type DanishKind } from '../../app/danish/danish.ts';
import { formatDate } from '../../core/format.ts';
import { DANISH_EDUCATION_LABELS } from '../../core/labels.ts';
import { formatMonthDa } from '../../core/dates.ts';
import { dateInput, emptyState, type FormState } from '../../web/pages/casework/form.ts';
import { deleteRoutes } from './casework/delete-routes.ts';
import { DANISH_PATHS, danishFormPage, danishSection, danishValues, testText } from '../../web/pages/danish/danish.ts';
import { html } from '../../web/html.ts';
import { respond, sendHtml } from './casework/respond.ts';
import { requirePersonalDataActor } from './participants.ts';
import type { SectionProvider } from './participant-sections.ts';
import { sectionUrl } from '../../web/pages/participant-nav.ts';

type P = { Params: { id: string; rid: string }; Body: Record<string, unknown> };

/** Her Danish tuition: the Dansk section of her page. */
export const danishSectionProvider: SectionProvider = async (deps, actor, p, _csrf, section) => {
  if (section !== 'dansk') return html``;
  const v = await getDanishView(deps.db, actor, p.id);
  return v ? danishSection(v) : html``;
};

/** A short Danish description of one of her records for the confirmation page. */
function describe(kind: DanishKind, r: Record<string, unknown>): string {
  if (kind === 'kursus')
    return `${DANISH_EDUCATION_LABELS[r.education as 'du1']}, modul ${String(r.module)}, fra ${formatDate(r.startDate as string)}`;
  if (kind === 'fremmoede') return `fremmødet for ${formatMonthDa(r.month as string)} (${String(r.percent)} %)`;
  if (kind === 'proeve') return `prøven ${testText(r as never)} den ${formatDate(r.takenOn as string)}`;
  return `sprogmakkeren fra ${formatDate(r.fromDate as string)} (${(r.buddyName as string | null) ?? 'ingen'})`;
}

const KINDS = Object.keys(DANISH_PATHS) as DanishKind[];

export function danishRoutes(app: FastifyInstance, deps: AppDeps) {
  const form = async (actor: Actor, id: string, csrf: string, kind: DanishKind, s: FormState | null, rid?: string) => {
    // A correction's record is looked up only on the first view (a re-shown form keeps what was typed).
    const { view: v, record } = await danishRecordForm(deps.db, actor, id, kind, s ? undefined : rid);
    const state = s ?? (record ? emptyState(danishValues(kind, record)) : null);
    const today = dateInput(v.today);
    const fresh: Record<DanishKind, Record<string, string>> = {
      kursus: { startDate: today },
      fremmoede: {},
      proeve: { takenOn: today },
      sprogmakker: { fromDate: today, hasBuddy: 'ja' },
    };
    return danishFormPage(actor, csrf, v.participant, kind, state ?? emptyState(fresh[kind]), rid);
  };
  const back = (id: string) => sectionUrl(id, 'dansk');

  for (const kind of KINDS) {
    const base = `/deltagere/:id/dansk/${DANISH_PATHS[kind]}`;
    app.get<P>(`${base}/ny`, async (req, reply) => {
      const actor = requirePersonalDataActor(req);
      return sendHtml(reply, await form(actor, req.params.id, req.csrfToken!, kind, null));
    });
    app.post<P>(base, async (req, reply) => {
      const actor = requirePersonalDataActor(req);
      const r = await saveDanish(deps.db, actor, req.params.id, kind, req.body ?? {});
      return respond(
        reply,
        req.body,
        r,
        () => back(req.params.id),
        (s) => form(actor, req.params.id, req.csrfToken!, kind, s),
        'dansk',
      );
    });
    app.get<P>(`${base}/:rid`, async (req, reply) => {
      const actor = requirePersonalDataActor(req);
      return sendHtml(reply, await form(actor, req.params.id, req.csrfToken!, kind, null, req.params.rid));
    });
    app.post<P>(`${base}/:rid`, async (req, reply) => {
      const actor = requirePersonalDataActor(req);
      const r = await saveDanish(deps.db, actor, req.params.id, kind, req.body ?? {}, req.params.rid);
      return respond(
        reply,
        req.body,
        r,
        () => back(req.params.id),
        (s) => form(actor, req.params.id, req.csrfToken!, kind, s, req.params.rid),
        'dansk',
      );
    });
    deleteRoutes(app, {
      path: `dansk/${DANISH_PATHS[kind]}`,
      section: 'dansk',
      describe: async (actor, id, rid) => {
        const { view, record } = await danishRecordForm(deps.db, actor, id, kind, rid);
        return { participant: view.participant, what: describe(kind, record!) };
      },
      remove: (actor, id, rid) => deleteDanishRecord(deps.db, actor, id, kind, rid),
    });
  }
}
