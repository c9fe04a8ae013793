/**
 * Extra sections on the participant page, contributed by other areas (plan, activities,
 * conversations, timeline). Each receives the already-authorised participant.
 */
import type { Actor } from '../../core/actor.ts';
import type { ParticipantView } from '../../db/participants.ts';
import type { SafeHtml } from '../../web/html.ts';
import type { AppDeps } from '../../core/deps.ts';

export type SectionProvider = (deps: AppDeps, actor: Actor, p: ParticipantView, csrf: string) => Promise<SafeHtml>;

export const SECTION_PROVIDERS: SectionProvider[] = [];

export async function participantSections(deps: AppDeps, actor: Actor, p: ParticipantView, csrf: string) {
  const out: SafeHtml[] = [];
  // A provider registered by several server instances in one process still renders once.
  for (const s of new Set(SECTION_PROVIDERS)) out.push(await s(deps, actor, p, csrf));
  return out;
}
