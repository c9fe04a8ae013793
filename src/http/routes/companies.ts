/**
 * The company register (issue 14): /virksomheder (list, new), /virksomheder/:id (page, correct,
 * delete, contact people, contacts) and the follow-up on one of her hirings,
 * /deltagere/:id/aktiviteter/:rid/opfoelgning. Caseworkers and project leaders of a jobcentre.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../core/errors.ts';
import type { Actor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';
import {
  addContactPerson,
  deleteCompany,
  getCompanyPage,
  getHiringFollowUp,
  listCompanyRegister,
  logCompanyContact,
  removeCompanyContact,
  removeContactPerson,
  removeFollowUp,
  saveCompany,
  saveFollowUp,
} from '../../app/companies/companies.ts';
import type { SaveResult } from '../../app/form.ts';
import { requirePersonalDataActor } from './participants.ts';
import {
  companyFormPage,
  companyListPage,
  companyPage,
  followUpDefaults,
  followUpPage,
  type CompanyPageForms,
} from '../../web/pages/companies/companies.ts';
import { emptyState, valuesOf } from '../../web/pages/casework/form.ts';
import { cannotCorrect, sendHtml } from './casework/respond.ts';

type Id = { Params: { id: string }; Querystring: { gemt?: string }; Body: Record<string, unknown> };
type Sub = { Params: { id: string; kid: string }; Body: Record<string, unknown> };
type Hire = { Params: { id: string; rid: string }; Body: Record<string, unknown> };

const SAVED: Record<string, string> = {
  oprettet: 'Virksomheden er oprettet.',
  gemt: 'Ændringerne er gemt.',
  kontaktperson: 'Kontaktpersonen er tilføjet.',
  kontakt: 'Kontakten er registreret.',
  opfoelgning: 'Opfølgningen er gemt.',
  slettet: 'Det er slettet.',
  virksomhed_slettet: 'Virksomheden er slettet.',
};

// Long because it is one route table: the 14 routes of the company pages (list, company, contacts,
// contact persons, follow-ups), registered one after another. Each handler is its own function, kept
// short by test/route-handlers.test.ts; one list per page keeps its addresses in one place.
export function companyRoutes(app: FastifyInstance, deps: AppDeps) {
  const showCompany = async (reply: FastifyReply, actor: Actor, csrf: string, id: string, forms: CompanyPageForms = {}, status = 200) => {
    const d = await getCompanyPage(deps.db, actor, id);
    if (!d) throw notFound('Virksomheden');
    return sendHtml(reply, companyPage(actor, csrf, d, forms), status);
  };
  /** ok → back to the company page with a notice; a refused form → the page again with what was typed. */
  const afterSave = async (
    reply: FastifyReply,
    actor: Actor,
    csrf: string,
    id: string,
    r: SaveResult,
    saved: string,
    form: (errors: Record<string, string>) => CompanyPageForms,
  ) => {
    if (r.status === 'ok') return reply.redirect(`/virksomheder/${r.id}?gemt=${saved}`, 303);
    if (r.status === 'invalid') return showCompany(reply, actor, csrf, id, form(r.errors), 400);
    if (r.status === 'forbidden') throw cannotCorrect();
    throw notFound('Virksomheden eller posten');
  };
  /** A form posted on the company page (a contact person, a contact), kept under `form` when it is refused. */
  const postOnCompany = async (
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    save: (db: AppDeps['db'], actor: Actor, id: string, body: Record<string, unknown>) => Promise<SaveResult>,
    saved: string,
    form: 'person' | 'contact',
  ) => {
    const actor = requirePersonalDataActor(req);
    const r = await save(deps.db, actor, req.params.id, req.body ?? {});
    return afterSave(reply, actor, req.csrfToken!, req.params.id, r, saved, (errors) => ({
      [form]: { values: valuesOf(req.body), errors },
    }));
  };
  /** One row taken off the company page (a contact person, a contact). */
  const removeFromCompany = async (
    req: FastifyRequest<Sub>,
    reply: FastifyReply,
    remove: (db: AppDeps['db'], actor: Actor, id: string, rowId: string) => Promise<SaveResult>,
  ) => {
    const actor = requirePersonalDataActor(req);
    const r = await remove(deps.db, actor, req.params.id, req.params.kid);
    return afterSave(reply, actor, req.csrfToken!, req.params.id, r, 'slettet', () => ({}));
  };

  app.get<{ Querystring: { gemt?: string } }>('/virksomheder', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, companyListPage(actor, req.csrfToken!, await listCompanyRegister(deps.db, actor), SAVED[req.query?.gemt ?? '']));
  });
  app.get('/virksomheder/ny', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, companyFormPage(actor, req.csrfToken!, emptyState()));
  });
  app.post<Id>('/virksomheder/ny', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveCompany(deps.db, actor, req.body ?? {});
    if (r.status === 'ok') return reply.redirect(`/virksomheder/${r.id}?gemt=oprettet`, 303);
    if (r.status === 'invalid')
      return sendHtml(reply, companyFormPage(actor, req.csrfToken!, { values: valuesOf(req.body), errors: r.errors }), 400);
    throw notFound('Virksomheden');
  });
  app.get<Id>('/virksomheder/:id', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return showCompany(reply, actor, req.csrfToken!, req.params.id, { saved: SAVED[req.query?.gemt ?? ''] });
  });
  app.get<Id>('/virksomheder/:id/ret', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const d = await getCompanyPage(deps.db, actor, req.params.id);
    if (!d) throw notFound('Virksomheden');
    const c = d.company;
    return sendHtml(
      reply,
      companyFormPage(
        actor,
        req.csrfToken!,
        emptyState({ name: c.name, address: c.address ?? '', industry: c.industry ?? '', notes: c.notes ?? '' }),
        c,
      ),
    );
  });
  app.post<Id>('/virksomheder/:id/ret', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveCompany(deps.db, actor, req.body ?? {}, req.params.id);
    if (r.status === 'ok') return reply.redirect(`/virksomheder/${r.id}?gemt=gemt`, 303);
    if (r.status !== 'invalid') throw notFound('Virksomheden');
    const d = await getCompanyPage(deps.db, actor, req.params.id);
    if (!d) throw notFound('Virksomheden');
    return sendHtml(reply, companyFormPage(actor, req.csrfToken!, { values: valuesOf(req.body), errors: r.errors }, d.company), 400);
  });
  app.post<Id>('/virksomheder/:id/slet', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await deleteCompany(deps.db, actor, req.params.id);
    if (r.status === 'ok') return reply.redirect('/virksomheder?gemt=virksomhed_slettet', 303);
    if (r.status === 'in_use')
      return showCompany(reply, actor, req.csrfToken!, req.params.id, { error: 'Virksomheden har forløb og kan ikke slettes.' }, 409);
    throw notFound('Virksomheden');
  });
  app.post<Id>('/virksomheder/:id/kontaktpersoner', (req, reply) => postOnCompany(req, reply, addContactPerson, 'kontaktperson', 'person'));
  app.post<Sub>('/virksomheder/:id/kontaktpersoner/:kid/slet', (req, reply) => removeFromCompany(req, reply, removeContactPerson));
  app.post<Id>('/virksomheder/:id/kontakter', (req, reply) => postOnCompany(req, reply, logCompanyContact, 'kontakt', 'contact'));
  app.post<Sub>('/virksomheder/:id/kontakter/:kid/slet', (req, reply) => removeFromCompany(req, reply, removeCompanyContact));

  const next = (participantId: string, companyId: string) =>
    companyId ? `/virksomheder/${companyId}?gemt=opfoelgning#opfoelgning` : `/deltagere/${participantId}/aktiviteter`;
  app.get<Hire>('/deltagere/:id/aktiviteter/:rid/opfoelgning', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const v = await getHiringFollowUp(deps.db, actor, req.params.id, req.params.rid);
    if (!v) throw notFound('Ansættelsen');
    return sendHtml(reply, followUpPage(actor, req.csrfToken!, v, followUpDefaults(v, v.today)));
  });
  app.post<Hire>('/deltagere/:id/aktiviteter/:rid/opfoelgning', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveFollowUp(deps.db, actor, req.params.id, req.params.rid, req.body ?? {});
    if (r.status === 'ok') return reply.redirect(next(req.params.id, r.id), 303);
    if (r.status !== 'invalid') throw notFound('Ansættelsen');
    const v = await getHiringFollowUp(deps.db, actor, req.params.id, req.params.rid);
    if (!v) throw notFound('Ansættelsen');
    return sendHtml(reply, followUpPage(actor, req.csrfToken!, v, { values: valuesOf(req.body), errors: r.errors }), 400);
  });
  app.post<Sub>('/deltagere/:id/opfoelgninger/:kid/slet', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await removeFollowUp(deps.db, actor, req.params.id, req.params.kid);
    if (r.status === 'ok')
      return reply.redirect(r.id ? `/virksomheder/${r.id}?gemt=slettet#opfoelgning` : `/deltagere/${req.params.id}/aktiviteter`, 303);
    throw notFound('Opfølgningen');
  });
}
