/** /admin/audit: administrators search the audit log (user, participant, action, dates; paged). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireAdministrator, searchAudit } from '../../../app/security/search-audit-log.ts';
import { auditPage } from '../../../web/pages/admin/audit.ts';
import type { AppDeps } from '../../../core/deps.ts';
import { requireActor } from '../../security.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Skriv datoen som ÅÅÅÅ-MM-DD.');
const empty = (v: unknown) => (v === '' ? undefined : v);

export const AuditQuery = z.object({
  bruger: z.preprocess(empty, z.string().trim().max(100).optional()),
  deltager: z.preprocess(
    empty,
    z
      .string()
      .trim()
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Deltager-id skal være et gyldigt id (UUID).')
      .optional(),
  ),
  handling: z.preprocess(empty, z.string().max(100).optional()),
  fra: z.preprocess(empty, date.optional()),
  til: z.preprocess(empty, date.optional()),
  side: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

export function adminAuditRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/admin/audit', async (req, reply) => {
    const actor = requireAdministrator(requireActor(req));
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const parsed = AuditQuery.safeParse(raw);
    const errors: Record<string, string> = {};
    if (!parsed.success) for (const i of parsed.error.issues) errors[String(i.path[0])] = i.message;
    // An invalid filter shows the form with its errors and no records.
    const filter = parsed.success
      ? {
          user: parsed.data.bruger,
          participantId: parsed.data.deltager,
          action: parsed.data.handling,
          from: parsed.data.fra,
          to: parsed.data.til,
          page: parsed.data.side,
        }
      : { page: 1, pageSize: 1 };
    const result = await searchAudit(deps.db, actor, filter);
    if (!parsed.success) reply.status(400);
    const form = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
    return reply
      .type('text/html; charset=utf-8')
      .send(
        auditPage(actor, req.csrfToken!, parsed.success ? { ...result, form, errors } : { ...result, rows: [], total: 0, form, errors }),
      );
  });
}
