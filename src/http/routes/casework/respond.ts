/** Shared helpers of the casework routes: HTML replies and mapping save outcomes to HTTP. */
import type { FastifyReply } from 'fastify';
import { AppError, notFound } from '../../../core/errors.ts';
import type { AlertChange, SaveResult } from '../../../app/form.ts';
import type { FormState } from '../../../web/pages/casework/form.ts';
import { valuesOf } from '../../../web/pages/casework/form.ts';
import type { SavedKind } from '../../../web/pages/participants.ts';

export const sendHtml = (reply: FastifyReply, body: string, status = 200) =>
  reply.status(status).type('text/html; charset=utf-8').send(body);

export const cannotCorrect = () => new AppError('FORBIDDEN', 'Du kan kun rette eller slette det, du selv har registreret.');

/** `next` with the notice's facts in the query: what was saved and the alerts raised or cleared (codes only). */
export function withSavedNotice(next: string, kind: SavedKind, alerts?: AlertChange): string {
  const p = new URLSearchParams({ gemt: kind });
  if (alerts?.raised.length) p.set('nye', alerts.raised.map((a) => `${a.code}.${a.severity}`).join(','));
  if (alerts?.cleared.length) p.set('loeste', alerts.cleared.map((a) => a.code).join(','));
  return `${next}${next.includes('?') ? '&' : '?'}${p.toString()}`;
}

/**
 * ok → 303 to `next` (with a "Gemt" notice when `saved` names what was saved); denied → 404;
 * forbidden → 403; invalid → the form again (400) with what was typed.
 */
export async function respond<T>(
  reply: FastifyReply,
  body: unknown,
  result: SaveResult<T>,
  next: (id: T) => string,
  rerender: (state: FormState) => Promise<string>,
  saved?: SavedKind,
) {
  switch (result.status) {
    case 'ok':
      return reply.redirect(
        saved ? withSavedNotice(next(result.id), saved, saved === 'afsluttet' ? undefined : result.alerts) : next(result.id),
        303,
      );
    case 'denied':
      throw notFound('Deltageren eller posten');
    case 'forbidden':
      throw cannotCorrect();
    case 'invalid':
      return sendHtml(reply, await rerender({ values: valuesOf(body), errors: result.errors }), 400);
  }
}
