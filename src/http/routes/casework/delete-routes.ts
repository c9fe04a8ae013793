/** Deleting one of her records after confirming: the GET and POST pair every record kind on her page shares. */
import type { FastifyInstance } from 'fastify';
import type { SaveResult } from '../../../app/form.ts';
import type { Actor } from '../../../core/actor.ts';
import { deleteConfirmPage } from '../../../web/pages/casework/delete-confirm.ts';
import type { Subject } from '../../../web/pages/casework/frame.ts';
import { sectionUrl, type ParticipantSectionKey } from '../../../web/pages/participant-nav.ts';
import { requirePersonalDataActor } from '../participants.ts';
import { respond, sendHtml } from './respond.ts';

type P = { Params: { id: string; rid: string }; Body: Record<string, unknown> };

export interface Deletion {
  /** The record's address below her page, `<path>/:rid/slet` (e.g. `samtaler`, `dansk/kurser`). */
  path: string;
  /** The section of her page the record is listed in: where "Fortryd" and a deletion lead. */
  section: ParticipantSectionKey;
  /** Her, and a short Danish description of the record for the confirmation page. */
  describe: (actor: Actor, id: string, rid: string) => Promise<{ participant: Subject; what: string }>;
  /** Deletes the record (audited with its content by the use case). */
  remove: (actor: Actor, id: string, rid: string) => Promise<SaveResult<unknown>>;
}

/** GET `/deltagere/:id/<path>/:rid/slet` asks "are you sure?"; POST deletes and returns to the section. */
export function deleteRoutes(app: FastifyInstance, d: Deletion) {
  app.get<P>(`/deltagere/:id/${d.path}/:rid/slet`, async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const { id, rid } = req.params;
    const { participant, what } = await d.describe(actor, id, rid);
    return sendHtml(
      reply,
      deleteConfirmPage(actor, req.csrfToken!, participant, what, `/deltagere/${id}/${d.path}/${rid}/slet`, d.section),
    );
  });
  app.post<P>(`/deltagere/:id/${d.path}/:rid/slet`, async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await d.remove(actor, req.params.id, req.params.rid);
    return respond(
      reply,
      req.body,
      r,
      () => sectionUrl(req.params.id, d.section),
      async () => '',
      'slettet',
    );
  });
}
