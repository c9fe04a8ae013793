/**
 * The sections of the participant page, contributed by other areas (casework, register data,
 * Danish tuition). The server builds its list once (routes/index.ts) and hands it to the page's
 * routes; nothing is registered in module state. Each provider receives the already-authorised
 * participant and the section being shown, and renders its part of that section (or nothing).
 */
import type { Actor } from '../../core/actor.ts';
import type { ParticipantView } from '../../db/participants.ts';
import type { SafeHtml } from '../../web/html.ts';
import type { CaseSectionKey } from '../../web/pages/participant-nav.ts';
import type { AppDeps } from '../../core/deps.ts';

export type SectionProvider = (deps: AppDeps, actor: Actor, p: ParticipantView, csrf: string, section: CaseSectionKey) => Promise<SafeHtml>;

/** Each provider's part of the section, in the order of the list, one after another (as audited). */
export async function participantSections(
  providers: readonly SectionProvider[],
  deps: AppDeps,
  actor: Actor,
  p: ParticipantView,
  csrf: string,
  section: CaseSectionKey,
) {
  const out: SafeHtml[] = [];
  for (const s of providers) out.push(await s(deps, actor, p, csrf, section));
  return out;
}
