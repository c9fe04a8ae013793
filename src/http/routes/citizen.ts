/**
 * "Min plan": the caseworker's page for it (`/deltagere/:id/min-plan…`) and her own pages behind
 * the personal link (`/borger/:token…`). Thin: parse, call one use case, render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { notFound } from '../../core/errors.ts';
import { getMyPlanByLink, getMyPlanForStaff } from '../../app/citizen/show-my-plan.ts';
import { createCitizenLink } from '../../app/citizen/create-citizen-link.ts';
import { revokeCitizenLink } from '../../app/citizen/revoke-citizen-link.ts';
import { setPlanLanguage } from '../../app/citizen/set-plan-language.ts';
import { getWho5Form, submitWho5 } from '../../app/citizen/self-who5.ts';
import { printMyPlanByLink, printMyPlanForStaff, type MyPlanForPrint } from '../../app/citizen/print-my-plan.ts';
import { renderMyPlanPdf } from '../../reports/my-plan-pdf.ts';
import type { LinkOutcome } from '../../db/citizen/link-door.ts';
import { isMessageKey, translator } from '../../i18n/catalog.ts';
import { currentMessageText, listMessageTexts, saveMessageOverride } from '../../app/citizen/save-message-override.ts';
import { textFormPage, textsPage } from '../../web/pages/citizen/texts.ts';
import {
  getProjectWho5Translation,
  listProjectWho5Translations,
  removeProjectWho5Translation,
  saveProjectWho5Translation,
} from '../../app/citizen/who5-translations.ts';
import { who5FormValues, who5TranslationFormPage, who5TranslationsPage } from '../../web/pages/citizen/who5-translations.ts';
import { isLanguageCode } from '../../i18n/languages.ts';
import { citizenPlanPage, linkRefusedPage, who5Page } from '../../web/pages/citizen/citizen-pages.ts';
import { staffMyPlanPage } from '../../web/pages/citizen/staff-my-plan.ts';
import { emptyState, valuesOf, type FormState } from '../../web/pages/casework/form.ts';
import type { AppDeps } from '../../core/deps.ts';
import { csrfFor } from '../security.ts';
import { requirePersonalDataActor } from './participants.ts';
import { sendHtml } from './casework/respond.ts';

type Staff = { Params: { id: string; rid: string }; Querystring: { sprog?: string }; Body: Record<string, unknown> };
type Link = { Params: { token: string }; Querystring: { sprog?: string; tekst?: string }; Body: Record<string, unknown> };

/** The public address of her link: PUBLIC_URL, else this request's own origin. */
export function citizenUrl(deps: AppDeps, req: FastifyRequest, token: string): string {
  return `${deps.config.publicUrl ?? `${req.protocol}://${req.host}`}/borger/${token}`;
}

export const qrSvg = (url: string) => QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });

/** The A4 print as a download: never cached, never indexed. */
async function sendPlanPdf(reply: FastifyReply, p: MyPlanForPrint, linkUrl: string | undefined) {
  const pdf = await renderMyPlanPdf({ view: p.view, tr: p.tr, today: p.today, linkUrl });
  return reply
    .type('application/pdf')
    .header('Content-Disposition', `attachment; filename="min-plan-${p.language}.pdf"`)
    .header('Cache-Control', 'no-store')
    .header('X-Robots-Tag', 'noindex')
    .send(pdf);
}

/** A refused link shows nothing of hers: the same page for unknown, revoked and expired (already audited). */
function refused(reply: FastifyReply, o: Extract<LinkOutcome<unknown>, { status: 'refused' }>, asked?: string) {
  const lang = isLanguageCode(asked) ? asked : isLanguageCode(o.language) ? o.language : 'da';
  return sendHtml(reply.header('X-Robots-Tag', 'noindex'), linkRefusedPage(translator(lang)), 404);
}

// Long because it is one route table: the 17 routes of "Min plan": the caseworker's side and the
// woman's link, sharing the page builders above them, registered one after another. Each handler is
// its own function, kept short by test/route-handlers.test.ts; one list per page keeps its addresses
// in one place.
export function citizenRoutes(app: FastifyInstance, deps: AppDeps) {
  // The caseworker's page.
  const staffPage = async (
    req: FastifyRequest<Staff>,
    extras: Parameters<typeof staffMyPlanPage>[3] = { linkDays: deps.config.citizenLinkDays },
    status = 200,
  ) => {
    const actor = requirePersonalDataActor(req);
    const d = await getMyPlanForStaff(deps.db, actor, req.params.id, req.query.sprog);
    if (!d) throw notFound('Deltageren');
    return { html: staffMyPlanPage(actor, req.csrfToken!, d, extras), status };
  };
  app.get<Staff>('/deltagere/:id/min-plan', async (req, reply) => {
    const p = await staffPage(req);
    return sendHtml(reply, p.html, p.status);
  });
  // The A4 print; POSTed with the token of a link just made, it carries that link's QR code.
  const staffPdf = async (req: FastifyRequest<Staff>, reply: FastifyReply, token?: unknown) => {
    const actor = requirePersonalDataActor(req);
    const body = req.body ?? {};
    const p = await printMyPlanForStaff(deps.db, actor, req.params.id, body.sprog ?? req.query.sprog, token);
    if (!p) throw notFound('Deltageren');
    return sendPlanPdf(reply, p, p.linkToken ? citizenUrl(deps, req, p.linkToken) : undefined);
  };
  app.get<Staff>('/deltagere/:id/min-plan.pdf', (req, reply) => staffPdf(req, reply));
  app.post<Staff>('/deltagere/:id/min-plan.pdf', (req, reply) => staffPdf(req, reply, (req.body ?? {}).link));
  app.post<Staff>('/deltagere/:id/min-plan/sprog', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await setPlanLanguage(deps.db, actor, req.params.id, req.body ?? {});
    if (r.status === 'ok') return reply.redirect(`/deltagere/${req.params.id}/min-plan?sprog=${r.id}`, 303);
    if (r.status !== 'invalid') throw notFound('Deltageren');
    const p = await staffPage(req, { linkDays: deps.config.citizenLinkDays, state: { values: valuesOf(req.body), errors: r.errors } }, 400);
    return sendHtml(reply, p.html, p.status);
  });
  app.post<Staff>('/deltagere/:id/min-plan/links', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await createCitizenLink(deps.db, actor, req.params.id, req.body ?? {}, deps.config.citizenLinkDays);
    if (r.status === 'denied' || r.status === 'forbidden') throw notFound('Deltageren');
    if (r.status === 'invalid') {
      const p = await staffPage(
        req,
        { linkDays: deps.config.citizenLinkDays, state: { values: valuesOf(req.body), errors: r.errors } },
        400,
      );
      return sendHtml(reply, p.html, p.status);
    }
    const url = citizenUrl(deps, req, r.id.token);
    req.query.sprog = r.id.language;
    const p = await staffPage(req, { linkDays: deps.config.citizenLinkDays, created: { ...r.id, url, qrSvg: await qrSvg(url) } });
    return sendHtml(reply, p.html);
  });
  app.post<Staff>('/deltagere/:id/min-plan/links/:rid/tilbagekald', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await revokeCitizenLink(deps.db, actor, req.params.id, req.params.rid);
    if (r.status !== 'ok') throw notFound('Linket');
    return reply.redirect(`/deltagere/${req.params.id}/min-plan`, 303);
  });

  // Her own pages behind the link.
  app.get<Link>('/borger/:token', async (req, reply) => {
    const r = await getMyPlanByLink(deps.db, req.params.token, req.ip, req.query.sprog);
    if (r.status !== 'ok') return refused(reply, r, req.query.sprog);
    return sendHtml(reply.header('X-Robots-Tag', 'noindex'), citizenPlanPage(req.params.token, r.value));
  });
  app.get<Link>('/borger/:token/plan.pdf', async (req, reply) => {
    const r = await printMyPlanByLink(deps.db, req.params.token, req.ip, req.query.sprog);
    if (r.status !== 'ok') return refused(reply, r, req.query.sprog);
    return sendPlanPdf(reply, r.value, citizenUrl(deps, req, req.params.token));
  });
  app.get<Link>('/borger/:token/who5', async (req, reply) => {
    const r = await getWho5Form(deps.db, req.params.token, req.ip, req.query.sprog, req.query.tekst === 'da');
    if (r.status !== 'ok') return refused(reply, r, req.query.sprog);
    return sendHtml(reply.header('X-Robots-Tag', 'noindex'), who5Page(req.params.token, r.value, csrfFor(req, reply, deps)));
  });
  app.post<Link>('/borger/:token/who5', async (req, reply) => {
    const r = await submitWho5(deps.db, req.params.token, req.ip, req.body ?? {}, req.query.sprog, req.query.tekst === 'da');
    if (r.status !== 'ok') return refused(reply, r, req.query.sprog);
    const f = r.value;
    return sendHtml(reply.header('X-Robots-Tag', 'noindex'), who5Page(req.params.token, f, csrfFor(req, reply, deps)), f.saved ? 200 : 400);
  });
}

/** The project leader's corrections of the citizen texts. */
export function citizenTextRoutes(app: FastifyInstance, deps: AppDeps) {
  type T = { Params: { sprog: string; key: string }; Querystring: { sprog?: string; gemt?: string }; Body: Record<string, unknown> };
  app.get<T>('/projekt/tekster', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const code = isLanguageCode(req.query.sprog) ? req.query.sprog : 'da';
    return sendHtml(
      reply,
      textsPage(
        actor,
        req.csrfToken!,
        await listMessageTexts(deps.db, actor, code),
        isMessageKey(req.query.gemt) ? req.query.gemt : undefined,
      ),
    );
  });
  const form = async (req: FastifyRequest<T>, state?: FormState) => {
    const actor = requirePersonalDataActor(req);
    const t = await currentMessageText(deps.db, actor, req.params.sprog, req.params.key);
    return textFormPage(actor, req.csrfToken!, t.language, t.key, t.text, state ?? emptyState({ tekst: t.text }));
  };
  app.get<T>('/projekt/tekster/:sprog/:key', async (req, reply) => sendHtml(reply, await form(req)));
  app.post<T>('/projekt/tekster/:sprog/:key', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveMessageOverride(deps.db, actor, req.params.sprog, req.params.key, req.body ?? {});
    if (r.status === 'ok') return reply.redirect(`/projekt/tekster?sprog=${req.params.sprog}&gemt=${encodeURIComponent(r.id)}`, 303);
    if (r.status !== 'invalid') throw notFound('Teksten');
    return sendHtml(reply, await form(req, { values: valuesOf(req.body), errors: r.errors }), 400);
  });

  // Validated WHO-5 translations of her project (project leaders).
  type W = { Params: { sprog: string }; Querystring: { projekt?: string; gemt?: string; fjernet?: string }; Body: Record<string, unknown> };
  const projectOf = (req: FastifyRequest<W>) => (/^\d{1,9}$/.test(req.query.projekt ?? '') ? Number(req.query.projekt) : undefined);
  app.get<W>('/projekt/who5-oversaettelser', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const l = await listProjectWho5Translations(deps.db, actor, projectOf(req));
    if (!l) throw notFound('Projektet');
    const done = isLanguageCode(req.query.gemt)
      ? { language: req.query.gemt, removed: false }
      : isLanguageCode(req.query.fjernet)
        ? { language: req.query.fjernet, removed: true }
        : undefined;
    return sendHtml(reply, who5TranslationsPage(actor, req.csrfToken!, l, done));
  });
  const who5Form = async (req: FastifyRequest<W>, state?: FormState) => {
    const actor = requirePersonalDataActor(req);
    const pid = projectOf(req) ?? (await listProjectWho5Translations(deps.db, actor))?.project.id;
    const r = pid === undefined ? null : await getProjectWho5Translation(deps.db, actor, pid, req.params.sprog);
    if (!r) throw notFound('Projektet eller sproget');
    return who5TranslationFormPage(actor, req.csrfToken!, r.project, r.language, r.row, state ?? emptyState(who5FormValues(r.row)));
  };
  app.get<W>('/projekt/who5-oversaettelser/:sprog', async (req, reply) => sendHtml(reply, await who5Form(req)));
  app.post<W>('/projekt/who5-oversaettelser/:sprog', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const pid = projectOf(req);
    const r =
      pid === undefined
        ? { status: 'denied' as const }
        : await saveProjectWho5Translation(deps.db, actor, pid, req.params.sprog, req.body ?? {});
    if (r.status === 'ok') return reply.redirect(`/projekt/who5-oversaettelser?projekt=${pid}&gemt=${r.id}`, 303);
    if (r.status !== 'invalid') throw notFound('Projektet eller sproget');
    return sendHtml(reply, await who5Form(req, { values: valuesOf(req.body), errors: r.errors }), 400);
  });
  app.post<W>('/projekt/who5-oversaettelser/:sprog/fjern', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const pid = projectOf(req);
    const r = pid === undefined ? { status: 'denied' as const } : await removeProjectWho5Translation(deps.db, actor, pid, req.params.sprog);
    if (r.status !== 'ok') throw notFound('Oversættelsen');
    return reply.redirect(`/projekt/who5-oversaettelser?projekt=${pid}&fjernet=${r.id}`, 303);
  });
}
