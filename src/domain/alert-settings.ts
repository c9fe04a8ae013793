/**
 * Per-project settings for the follow-up rules (opfølgningsregler). Defaults come from the
 * seeds: Viborg's at most 6 weeks between company-oriented offers; Aalborg's 8 conversations a
 * year, at most 2 months apart, caseloads down to 40; Aalborg's CV and ABC strategy for all.
 * The lead times say how early a rule warns before it is broken ("told in time").
 */
import { z } from 'zod';
import { parseDecimalInput } from './form-fields.ts';

const int = (min: number, max: number, def: number, what: string) =>
  z.preprocess(
    parseDecimalInput,
    z
      .number({ error: `${what} skal være et helt tal.` })
      .int({ message: `${what} skal være et helt tal.` })
      .min(min, { message: `${what} skal være mindst ${min}.` })
      .max(max, { message: `${what} kan højst være ${max}.` })
      .default(def),
  );

export const alertSettingsSchema = z.object({
  /** Longest allowed pause between company-oriented activities, in weeks. */
  maxPauseCompanyWeeks: int(1, 52, 6, 'Længste pause mellem virksomhedsrettede tilbud (uger)'),
  /** Warn this many weeks before the pause limit is reached (default: from 5 weeks). */
  pauseWarningWeeks: int(0, 52, 1, 'Varsel før pausegrænsen (uger)'),
  maxMonthsWithoutConversation: int(1, 12, 2, 'Længste tid mellem samtaler (måneder)'),
  /** Warn when fewer than this many days remain to the conversation limit. */
  conversationWarningDays: int(0, 120, 14, 'Varsel før samtalefristen (dage)'),
  conversationsPerYearTarget: int(0, 52, 8, 'Mål for samtaler pr. år'),
  /** Plan, CV on Jobnet and ABC strategy are due this many days after enrolment. */
  planDueDays: int(1, 365, 30, 'Frist for plan, CV og ABC-strategi (dage)'),
  planWarningDays: int(0, 365, 7, 'Varsel før planfristen (dage)'),
  /** WHO-5 totals below this raise an alert (default 50). */
  who5Threshold: int(0, 100, 50, 'WHO-5-tærskel'),
  /** Cases per caseworker; the seeds say 35–50 (Viborg) and 40 (Aalborg). */
  caseloadLimit: int(1, 200, 40, 'Største sagsstamme'),
  /** Warn when a caseload is within this many cases of the limit. */
  caseloadWarningMargin: int(0, 50, 2, 'Varsel før sagsstammegrænsen (sager)'),
  /** "Møder stabilt til danskundervisning": attendance of at least this % in each of her last 3 recorded months (Slagelse; default 80). */
  danishAttendanceThreshold: int(0, 100, 80, 'Tærskel for stabilt fremmøde til dansk (%)'),
});

export type AlertSettings = z.output<typeof alertSettingsSchema>;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = alertSettingsSchema.parse({});

/** Fill in defaults for a project's partial settings (already validated or trusted). */
export function withDefaults(settings: Partial<AlertSettings> | undefined): AlertSettings {
  return { ...DEFAULT_ALERT_SETTINGS, ...(settings ?? {}) };
}
