/**
 * The recruitment funnel of every municipality for the agency's national view (issue 13): gross →
 * contacted → informed → enrolled, and declined by reason, counted from the candidate lists and
 * outreach up to the end of the report month (domain/recruitment.ts defines each count). Only
 * counts leave this use case; the reader suppresses them (reports/national-funnel-section.ts).
 */
import type { Actor } from '../../core/actor.ts';
import { systemDoor } from '../../db/door.ts';
import { nationalFunnelInput } from '../../db/recruitment.ts';
import { recruitmentFunnel, type Funnel, type FunnelCandidate, type OutreachEvent } from '../../domain/recruitment.ts';
import { monthEnd } from './case-measures.ts';
import { requireAgencyAnalyst } from './national-data.ts';
import type { Deps } from './steering-data.ts';

export interface NationalFunnel {
  /** One funnel per municipality with candidates, by municipality name. */
  municipalities: { municipality: string; funnel: Funnel }[];
  total: Funnel;
  until: string;
}

export async function loadNationalFunnel(deps: Deps, actor: Actor, month: string): Promise<NationalFunnel> {
  requireAgencyAnalyst(actor);
  const until = monthEnd(month);
  const input = await systemDoor(deps.db, actor, async (tx) => ({
    value: await nationalFunnelInput(tx),
    audit: { action: 'laes', entity: 'nationalt_overblik', detail: { month, part: 'rekruttering' } },
  }));
  const events = new Map<string, OutreachEvent[]>();
  for (const e of input.events) events.set(e.candidateId, [...(events.get(e.candidateId) ?? []), e]);
  const byMunicipality = new Map<string, FunnelCandidate[]>();
  for (const c of input.candidates) {
    byMunicipality.set(c.municipality, [
      ...(byMunicipality.get(c.municipality) ?? []),
      { addedOn: c.addedOn, events: events.get(c.id) ?? [] },
    ]);
  }
  const municipalities = [...byMunicipality.entries()]
    .map(([municipality, cs]) => ({ municipality, funnel: recruitmentFunnel(cs, until) }))
    .filter((m) => m.funnel.total.gross > 0)
    .sort((a, b) => a.municipality.localeCompare(b.municipality, 'da'));
  return { municipalities, total: recruitmentFunnel([...byMunicipality.values()].flat(), until), until };
}
