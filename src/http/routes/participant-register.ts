/** /deltagere/:id/register: her register status by month and the explanation of one month. */
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../core/errors.ts';
import { explainMonth, loadParticipantRegister, registerTimeline } from '../../app/register/participant-register.ts';
import { viewParticipant } from '../../app/participants.ts';
import { html } from '../../web/html.ts';
import { participantRegisterPage } from '../../web/pages/participant-register.ts';
import type { AppDeps } from '../../core/deps.ts';
import type { SectionProvider } from './participant-sections.ts';
import { requirePersonalDataActor } from './participants.ts';
import { monthOf } from './steering/common.ts';

import { SHORT_LEVEL, SNAPSHOT_LABELS } from '../../core/labels.ts';

/** The summary on her page: latest month's status and best level, with a link to the details. */
export const registerSection: SectionProvider = async (deps, actor, p, _csrf, section) => {
  if (section !== 'overblik') return html``;
  const r = await loadParticipantRegister(deps.db, actor, p.id);
  const months = registerTimeline(r);
  const last = months.at(-1);
  return html`<section aria-labelledby="registerstatus" data-testid="register-section">
    <h2 id="registerstatus">Registerstatus</h2>
    ${
      last
        ? html`<p>Seneste måned med data, ${last.month}: <strong>${SHORT_LEVEL[String(last.level)]}</strong>
          (${SNAPSHOT_LABELS[last.snapshot]}). Bedste niveau siden indskrivning: <strong>${SHORT_LEVEL[String(last.accumulated)]}</strong>.</p>`
        : html`<p>Der er ingen registerdata for hende endnu.</p>`
    }
    <p><a href="/deltagere/${p.id}/register">Se registerdata måned for måned</a></p>
  </section>`;
};

export function participantRegisterRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Params: { id: string } }>('/deltagere/:id/register', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const p = await viewParticipant(deps, actor, req.params.id);
    if (!p) throw notFound('Deltageren');
    const month = monthOf(req);
    const r = await loadParticipantRegister(deps.db, actor, p.id);
    const months = registerTimeline(r);
    const e = month && r.input.participants.length ? explainMonth(r, month) : null;
    return reply.type('text/html; charset=utf-8').send(participantRegisterPage(actor, req.csrfToken!, p, months, e));
  });
}
