/** The caseworker's daily work: enrolment, plan, activities, conversations, assessments, alerts. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../core/deps.ts';
import { caseRecordRoutes } from './case-records.ts';
import { enrolmentRoutes } from './enrolment.ts';
import { myCaseloadRoutes } from './my-caseload.ts';
import { projectRoutes } from './project.ts';

export function caseworkRoutes(app: FastifyInstance, deps: AppDeps) {
  enrolmentRoutes(app, deps);
  caseRecordRoutes(app, deps);
  myCaseloadRoutes(app, deps);
  projectRoutes(app, deps);
}
