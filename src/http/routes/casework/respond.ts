/** Shared helpers of the casework routes: HTML replies and mapping save outcomes to HTTP. */
import type { FastifyReply } from 'fastify';
import { AppError, notFound } from '../../../core/errors.ts';
import type { SaveResult } from '../../../app/casework/form-result.ts';
import type { FormState } from '../../../web/pages/casework/form.ts';
import { valuesOf } from '../../../web/pages/casework/form.ts';

export const sendHtml = (reply: FastifyReply, body: string, status = 200) => reply.status(status).type('text/html; charset=utf-8').send(body);

export const cannotCorrect = () => new AppError('FORBIDDEN', 'Du kan kun rette eller slette det, du selv har registreret.');

/** ok → 303 to `next`; denied → 404; forbidden → 403; invalid → the form again (400) with what was typed. */
export async function respond<T>(
  reply: FastifyReply,
  body: unknown,
  result: SaveResult<T>,
  next: (id: T) => string,
  rerender: (state: FormState) => Promise<string>,
) {
  switch (result.status) {
    case 'ok':
      return reply.redirect(next(result.id), 303);
    case 'denied':
      throw notFound('Deltageren eller posten');
    case 'forbidden':
      throw cannotCorrect();
    case 'invalid':
      return sendHtml(reply, await rerender({ values: valuesOf(body), errors: result.errors }), 400);
  }
}
