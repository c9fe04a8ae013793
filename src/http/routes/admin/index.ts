/** The administrators' area: audit log, and (later) GDPR duties. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../core/deps.ts';
import { adminAuditRoutes } from './audit.ts';
import { adminGdprRoutes } from './gdpr.ts';
import { adminRateRoutes } from './rates.ts';

export function adminRoutes(app: FastifyInstance, deps: AppDeps) {
  adminAuditRoutes(app, deps);
  adminGdprRoutes(app, deps);
  adminRateRoutes(app, deps);
}
