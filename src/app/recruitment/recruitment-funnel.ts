/**
 * The recruitment funnel of a project (issue 13) for Styring and the reports: gross → contacted →
 * informed → enrolled, and declined by reason, per channel and per month (domain/recruitment.ts
 * defines each count). Counts only leave this use case; it reads through the door like the other
 * case figures on Styring.
 */
import type { Actor } from '../../core/actor.ts';
import { door, type Db } from '../../db/door.ts';
import { listCandidates, projectOutreach } from '../../db/recruitment.ts';
import { recruitmentFunnel, type Funnel } from '../../domain/recruitment.ts';

export async function projectFunnel(db: Db, actor: Actor, projectId: number, until?: string): Promise<Funnel> {
  return door(db, actor, async (tx) => {
    const candidates = await listCandidates(tx, projectId);
    const steps = new Map<string, Awaited<ReturnType<typeof projectOutreach>>>();
    for (const o of await projectOutreach(tx, projectId)) steps.set(o.candidateId, [...(steps.get(o.candidateId) ?? []), o]);
    return {
      value: recruitmentFunnel(
        candidates.map((c) => ({ addedOn: c.addedOn, events: steps.get(c.id) ?? [] })),
        until,
      ),
      audit: [],
    };
  });
}
