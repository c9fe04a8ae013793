/**
 * Gross group and outreach (Bruttomålgruppen, issue 13): a project's candidates, what was done
 * to reach each one, and the recruitment funnel.
 *
 * The funnel counts candidates, each once per stage she has reached:
 * - gross: every candidate of the project (on a list or added by hand);
 * - contacted: at least one logged step (a contact attempt, an invitation, a meeting, a
 *   decline or the enrolment) — every step after the first implies she was reached;
 * - informed: she attended an information meeting;
 * - enrolled: she was enrolled from the candidate list;
 * - declined: she declined and was not enrolled, by the reason of her latest decline.
 * Her channel is the channel of her first contact attempt ("ikke kontaktet" without one; "ukendt"
 * when she was reached without a logged contact attempt). By month: the month she was added
 * (gross), of her first step (contacted), of her first meeting attended (informed), of her
 * enrolment (enrolled) and of her latest decline (declined).
 */
import { z } from 'zod';
import { DECLINE_REASONS, LOGGED_OUTREACH_KINDS, OUTREACH_CHANNELS } from '../core/codes.ts';
import type { DeclineReason, OutreachChannel, OutreachKind, RecruitmentChannel } from '../core/codes.ts';
import { isoDateField, optionalTextField } from './form-fields.ts';

export const MAX_OUTREACH_NOTE = 500;
export const MAX_CANDIDATE_NAME = 200;

export const outreachSchema = z
  .object({
    kind: z.enum(LOGGED_OUTREACH_KINDS, { error: 'Vælg hvad der skete.' }),
    occurredOn: isoDateField,
    channel: z.preprocess((v) => (v === '' ? null : v), z.enum(OUTREACH_CHANNELS, { error: 'Vælg en kanal fra listen.' }).nullable()),
    declineReason: z.preprocess((v) => (v === '' ? null : v), z.enum(DECLINE_REASONS, { error: 'Vælg en årsag fra listen.' }).nullable()),
    note: optionalTextField(MAX_OUTREACH_NOTE, `Bemærkningen må højst være ${MAX_OUTREACH_NOTE} tegn.`),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'kontakt' && v.channel === null)
      ctx.addIssue({ code: 'custom', path: ['channel'], message: 'Vælg hvordan hun blev kontaktet.' });
    if (v.kind === 'afslag' && v.declineReason === null)
      ctx.addIssue({ code: 'custom', path: ['declineReason'], message: 'Vælg hvorfor hun takkede nej.' });
    if (v.kind === 'afslag' && v.declineReason === 'andet' && v.note === null) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Skriv årsagen i bemærkningen, når årsagen er "Andet".' });
    }
  });
export type OutreachInput = z.output<typeof outreachSchema>;

export const MAX_CORRECTION_REASON = 500;
/** Why a logged outreach step is corrected or deleted (kept in the audit log with what changed). */
export const correctionReasonSchema = z.object({
  correctionReason: z
    .string()
    .trim()
    .min(1, 'Skriv hvorfor du retter eller sletter opsøgningen.')
    .max(MAX_CORRECTION_REASON, `Begrundelsen må højst være ${MAX_CORRECTION_REASON} tegn.`),
});

const shortText = (max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
    z.string().max(max, `${label} må højst være ${max} tegn.`).nullable(),
  );

/** A candidate added by hand (the CPR number is checked by the use case with the shared parser). */
export const candidateSchema = z.object({
  name: z.string().trim().min(1, 'Angiv navn.').max(MAX_CANDIDATE_NAME, `Navnet må højst være ${MAX_CANDIDATE_NAME} tegn.`),
  benefit: shortText(100, 'Ydelsen'),
  origin: shortText(100, 'Oprindelsen'),
});

/** The recruitment channel an enrolment from a candidate starts with (her first contact's channel). */
export const RECRUITMENT_CHANNEL_OF: Record<OutreachChannel, RecruitmentChannel> = {
  telefon: 'jobcenter',
  brev: 'jobcenter',
  hjemmebesoeg: 'jobcenter',
  boligsocial: 'boligomraade',
  moske_forening: 'netvaerk_forening',
  rollemodel: 'rollemodel',
  tv_medier: 'lokaltv',
  andet: 'andet',
};

export interface OutreachEvent {
  kind: OutreachKind;
  occurredOn: string;
  channel: OutreachChannel | null;
  declineReason: DeclineReason | null;
}

export interface FunnelCandidate {
  addedOn: string;
  events: readonly OutreachEvent[];
}

export type CandidateStage = 'ny' | 'kontaktet' | 'inviteret' | 'informeret' | 'afslag' | 'indskrevet';

export interface FunnelCounts {
  gross: number;
  contacted: number;
  invited: number;
  informed: number;
  enrolled: number;
  declined: number;
}

/** A channel row: her first contact's channel, or "ikke_kontaktet" / "ukendt". */
export type FunnelChannel = OutreachChannel | 'ikke_kontaktet' | 'ukendt';

export interface Funnel {
  total: FunnelCounts;
  byChannel: { channel: FunnelChannel; counts: FunnelCounts }[];
  byMonth: { month: string; counts: FunnelCounts }[];
  declinedByReason: { reason: DeclineReason; count: number }[];
}

const zero = (): FunnelCounts => ({ gross: 0, contacted: 0, invited: 0, informed: 0, enrolled: 0, declined: 0 });

const byDate = (a: OutreachEvent, b: OutreachEvent) => a.occurredOn.localeCompare(b.occurredOn);

/** What one candidate has reached, with the day of each stage (null when not reached). */
export function candidateProgress(c: FunnelCandidate) {
  const ev = [...c.events].sort(byDate);
  const first = (k: OutreachKind) => ev.find((e) => e.kind === k) ?? null;
  const enrolled = first('indskrevet');
  const declines = ev.filter((e) => e.kind === 'afslag');
  const lastDecline = enrolled ? null : (declines[declines.length - 1] ?? null);
  const firstContact = first('kontakt');
  return {
    contactedOn: ev[0]?.occurredOn ?? null,
    channel: (ev.length === 0 ? 'ikke_kontaktet' : (firstContact?.channel ?? 'ukendt')) as FunnelChannel,
    invitedOn: first('invitation')?.occurredOn ?? null,
    informedOn: first('deltog')?.occurredOn ?? null,
    enrolledOn: enrolled?.occurredOn ?? null,
    declinedOn: lastDecline?.occurredOn ?? null,
    declineReason: lastDecline?.declineReason ?? null,
    lastOutreachOn: ev[ev.length - 1]?.occurredOn ?? null,
  };
}

/** Her place in the funnel now, for the candidate list. */
export function candidateStage(c: FunnelCandidate): CandidateStage {
  const p = candidateProgress(c);
  if (p.enrolledOn) return 'indskrevet';
  if (p.declinedOn) return 'afslag';
  if (p.informedOn) return 'informeret';
  if (p.invitedOn) return 'inviteret';
  if (p.contactedOn) return 'kontaktet';
  return 'ny';
}

/** The funnel over candidates, counting only what happened up to `until` (inclusive) when given. */
export function recruitmentFunnel(candidates: readonly FunnelCandidate[], until?: string): Funnel {
  const total = zero();
  const channels = new Map<FunnelChannel, FunnelCounts>();
  const months = new Map<string, FunnelCounts>();
  const reasons = new Map<DeclineReason, number>();
  const month = (d: string) => {
    const m = d.slice(0, 7);
    let c = months.get(m);
    if (!c) months.set(m, (c = zero()));
    return c;
  };
  for (const c of candidates) {
    if (until && c.addedOn > until) continue;
    const p = candidateProgress({ addedOn: c.addedOn, events: until ? c.events.filter((e) => e.occurredOn <= until) : c.events });
    let ch = channels.get(p.channel);
    if (!ch) channels.set(p.channel, (ch = zero()));
    const add = (k: keyof FunnelCounts, on: string | null) => {
      if (!on) return;
      total[k]++;
      ch[k]++;
      month(on)[k]++;
    };
    add('gross', c.addedOn);
    add('contacted', p.contactedOn);
    add('invited', p.invitedOn);
    add('informed', p.informedOn);
    add('enrolled', p.enrolledOn);
    add('declined', p.declinedOn);
    if (p.declineReason) reasons.set(p.declineReason, (reasons.get(p.declineReason) ?? 0) + 1);
  }
  const channelOrder: FunnelChannel[] = [...OUTREACH_CHANNELS, 'ukendt', 'ikke_kontaktet'];
  return {
    total,
    byChannel: channelOrder.filter((k) => channels.has(k)).map((channel) => ({ channel, counts: channels.get(channel)! })),
    byMonth: [...months.keys()].sort().map((m) => ({ month: m, counts: months.get(m)! })),
    declinedByReason: DECLINE_REASONS.filter((r) => reasons.has(r)).map((reason) => ({ reason, count: reasons.get(reason)! })),
  };
}

/**
 * The day a candidate who was never enrolled is due for erasure: `months` after her last
 * outreach or the last list she stood on, whichever is later.
 */
export function candidateErasureDue(lastListedOn: string, lastOutreachOn: string | null, months: number): string {
  const from = lastOutreachOn && lastOutreachOn > lastListedOn ? lastOutreachOn : lastListedOn;
  const [y, m, d] = from.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  return `${t.getUTCFullYear()}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
