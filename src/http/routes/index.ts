import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../core/deps.ts';
import type { SectionProvider } from './participant-sections.ts';
import { authRoutes } from './auth.ts';
import { homeRoutes } from './home.ts';
import { participantRoutes } from './participants.ts';
import { resultsRoutes } from './results.ts';
import { participantRegisterRoutes, registerSection } from './participant-register.ts';
import { registerRoutes as registerDataRoutes } from './register.ts';
import { caseworkRoutes } from './casework/index.ts';
import { caseworkSection } from './casework/section.ts';
import { companyRoutes } from './companies.ts';
import { groupSessionRoutes } from './group-sessions.ts';
import { danishRoutes, danishSectionProvider } from './danish.ts';
import { steeringRoutes } from './steering/index.ts';
import { adminRoutes } from './admin/index.ts';
import { oidcRoutes } from './oidc.ts';
import { effectRoutes } from './effect.ts';
import { citizenRoutes, citizenTextRoutes } from './citizen.ts';
import { recruitmentRoutes } from './recruitment.ts';

/** The sections of her page, in page order: register status, casework, Danish tuition. */
export const participantSectionProviders = () => [registerSection, caseworkSection, danishSectionProvider];

/**
 * Every area's routes; each area registers its own. What several areas share (the sections of her
 * page) is built here once per server and passed in (default: participantSectionProviders()).
 */
export async function registerRoutes(
  app: FastifyInstance,
  deps: AppDeps,
  sections: readonly SectionProvider[] = participantSectionProviders(),
) {
  authRoutes(app, deps);
  homeRoutes(app, deps);
  participantRoutes(app, deps, sections);
  resultsRoutes(app, deps);
  participantRegisterRoutes(app, deps);
  await registerDataRoutes(app, deps);
  caseworkRoutes(app, deps);
  companyRoutes(app, deps);
  groupSessionRoutes(app, deps);
  danishRoutes(app, deps);
  steeringRoutes(app, deps);
  adminRoutes(app, deps);
  oidcRoutes(app, deps);
  await effectRoutes(app, deps);
  citizenRoutes(app, deps);
  citizenTextRoutes(app, deps);
  await recruitmentRoutes(app, deps);
}
