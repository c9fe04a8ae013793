/**
 * The committee brief's "Beslutning" (issue 14): filled from the decisions recorded at the
 * committee meeting the brief goes to (the first committee meeting after its report month), so a
 * decision corrected in the minutes is corrected in the brief; before the meeting, its date.
 */
import type { SteeringData } from '../app/steering/steering-data.ts';
import { formatDate } from '../core/format.ts';

export function committeeDecision(d: Pick<SteeringData, 'meetings'>): string[] {
  const c = d.meetings?.committee;
  if (!c) return ['Udvalgets beslutning skrives ind efter mødet.'];
  const when = formatDate(c.meeting.heldOn);
  if (c.decisions.length === 0) return [`Udvalgets beslutning skrives ind efter mødet den ${when}.`];
  if (c.decisions.length === 1) return [`Udvalget besluttede på mødet den ${when}: ${c.decisions[0].decision}`];
  return [`Udvalget besluttede på mødet den ${when}:`, ...c.decisions.map((x) => `${x.point}: ${x.decision}`)];
}
