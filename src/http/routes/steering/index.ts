/** Steering and reporting: goals, milestones, dashboards and reports. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../core/deps.ts';
import { dashboardRoutes } from './dashboard.ts';
import { meetingRoutes } from './meetings.ts';
import { moneyRoutes } from './money.ts';
import { nationalRoutes } from './national.ts';
import { planRoutes } from './plan.ts';
import { reportRoutes } from './reports.ts';

export function steeringRoutes(app: FastifyInstance, deps: AppDeps) {
  planRoutes(app, deps);
  dashboardRoutes(app, deps);
  moneyRoutes(app, deps);
  meetingRoutes(app, deps);
  nationalRoutes(app, deps);
  reportRoutes(app, deps);
}
