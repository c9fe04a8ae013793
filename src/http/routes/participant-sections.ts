/**
 * The sections of the participant page, contributed by other areas (casework, register data).
 * Each provider receives the already-authorised participant and the section being shown, and
 * renders its part of that section (or nothing).
 */
import type { Actor } from '../../core/actor.ts';
import type { ParticipantView } from '../../db/participants.ts';
import type { SafeHtml } from '../../web/html.ts';
import type { CaseSectionKey } from '../../web/pages/participant-nav.ts';
import type { AppDeps } from '../../core/deps.ts';

export type SectionProvider = (deps: AppDeps, actor: Actor, p: ParticipantView, csrf: string, section: CaseSectionKey) => Promise<SafeHtml>;

export const SECTION_PROVIDERS: SectionProvider[] = [];

export async function participantSections(deps: AppDeps, actor: Actor, p: ParticipantView, csrf: string, section: CaseSectionKey = 'overblik') {
  const out: SafeHtml[] = [];
  // A provider registered by several server instances in one process still renders once.
  for (const s of new Set(SECTION_PROVIDERS)) out.push(await s(deps, actor, p, csrf, section));
  return out;
}
