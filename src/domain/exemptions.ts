/**
 * Exemption periods (fritagelser): barsel, sygdom, ferie or another reason. Aalborg exempts
 * women who are "sygemeldte, på barsel" from the follow-up rules, so alerts do not become noise.
 *
 * Rules: while a period covers today, the time-based follow-up rules (company pause,
 * conversation interval and yearly pace, plan deadline) do not fire; WHO-5 still does (a low
 * score is about her health, not a deadline). Every deadline moves by the number of exempt days
 * between the day its clock started and the (moved) deadline, so she gets the whole allowed
 * time outside her exemptions. A period without an end date counts up to today once it has
 * begun, and not at all before (its length is not known yet).
 */
import { z } from 'zod';
import { addDays, daysBetween, maxDate, minDate, type IsoDate } from '../core/dates.ts';
import { EXEMPTION_KINDS, type ExemptionKind } from '../core/codes.ts';
import { isoDateField, optionalIsoDateField, optionalTextField } from './form-fields.ts';

export interface ExemptionPeriod {
  kind: ExemptionKind;
  startDate: IsoDate;
  /** Last exempt day (inclusive); null while the end is not known. */
  endDate: IsoDate | null;
}

export const MAX_EXEMPTION_REASON = 500;

export const exemptionSchema = z
  .object({
    kind: z.enum(EXEMPTION_KINDS, { error: 'Vælg hvorfor hun er fritaget.' }),
    startDate: isoDateField,
    endDate: optionalIsoDateField,
    reason: optionalTextField(MAX_EXEMPTION_REASON, `Begrundelsen må højst være ${MAX_EXEMPTION_REASON} tegn.`),
  })
  .superRefine((v, ctx) => {
    if (v.endDate !== null && v.endDate < v.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Slutdatoen kan ikke ligge før startdatoen.' });
    }
    if (v.kind === 'andet' && v.reason === null) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Skriv begrundelsen, når årsagen er "Andet".' });
    }
  });

export type Exemption = z.output<typeof exemptionSchema>;

/** The period covering `day`, if any (the one ending last when several overlap). */
export function exemptionOn<T extends ExemptionPeriod>(periods: readonly T[] | undefined, day: IsoDate): T | null {
  let best: T | null = null;
  for (const p of periods ?? []) {
    if (p.startDate > day || (p.endDate !== null && p.endDate < day)) continue;
    if (best === null || (best.endDate !== null && (p.endDate === null || p.endDate > best.endDate))) best = p;
  }
  return best;
}

/** Periods as closed day ranges, merged: open-ended ones end today (and are left out before they begin). */
function ranges(periods: readonly ExemptionPeriod[] | undefined, today: IsoDate): { start: IsoDate; end: IsoDate }[] {
  const list = (periods ?? [])
    .map((p) => ({ start: p.startDate, end: p.endDate ?? (p.startDate <= today ? today : null) }))
    .filter((r): r is { start: IsoDate; end: IsoDate } => r.end !== null && r.end >= r.start)
    .sort((a, b) => a.start.localeCompare(b.start));
  const merged: { start: IsoDate; end: IsoDate }[] = [];
  for (const r of list) {
    const last = merged[merged.length - 1];
    if (last && r.start <= addDays(last.end, 1)) last.end = maxDate(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** Exempt days from `from` to `to`, both inclusive (0 when `to` < `from`). */
export function exemptDays(periods: readonly ExemptionPeriod[] | undefined, from: IsoDate, to: IsoDate, today: IsoDate): number {
  if (to < from) return 0;
  let n = 0;
  for (const r of ranges(periods, today)) {
    const s = maxDate(r.start, from);
    const e = minDate(r.end, to);
    if (e >= s) n += daysBetween(s, e) + 1;
  }
  return n;
}

/**
 * A deadline whose clock started on `clockStart`, moved by the exempt days between the start
 * and the moved deadline (repeated until it no longer moves: a later period that the move
 * reaches into moves it further).
 */
export function shiftDeadline(
  periods: readonly ExemptionPeriod[] | undefined,
  clockStart: IsoDate,
  deadline: IsoDate,
  today: IsoDate,
): IsoDate {
  if (!periods?.length) return deadline;
  let d = deadline;
  for (let i = 0; i < 1000; i++) {
    const next = addDays(deadline, exemptDays(periods, clockStart, d, today));
    if (next === d) return d;
    d = next;
  }
  return d;
}
