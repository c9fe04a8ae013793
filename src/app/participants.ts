/**
 * The women a user may see, for the Deltagere list and a woman's header: through the tenant door
 * (db/participants.ts scopes by municipality and audits each look-up and search).
 */
import type { Actor } from '../core/actor.ts';
import type { AppDeps } from '../core/deps.ts';
import { getParticipant, listParticipants, SORTS, type ListOptions } from '../db/participants.ts';

export type { ParticipantView } from '../db/participants.ts';

/** The list's sort orders, by their key in the address (`?sort=`). */
export const PARTICIPANT_SORTS = Object.keys(SORTS) as [keyof typeof SORTS, ...(keyof typeof SORTS)[]];

/** Search and page the women the actor may see (audited as one search, never with what was typed). */
export function findParticipants(deps: Pick<AppDeps, 'db' | 'vault'>, actor: Actor, opts: ListOptions) {
  return listParticipants(deps.db, deps.vault, actor, opts);
}

/** One woman with her enrolments, or null (the refused look-up audited). */
export function viewParticipant(deps: Pick<AppDeps, 'db' | 'vault'>, actor: Actor, id: string) {
  return getParticipant(deps.db, deps.vault, actor, id);
}
