/**
 * Target-group check at enrolment (målgruppekriterier): a non-Western immigrant woman or
 * descendant aged 18–64, on a benefit or self-supporting (DOMAIN.md "The programme").
 * The check never blocks by itself: the enrolment form may override unmet criteria with a
 * written reason of at least 10 characters (see enrolmentSchema).
 */
import { z } from 'zod';
import { ageOn, parseCpr } from '../core/cpr.ts';
import { findCountry } from './countries.ts';
import { FLERE_SKAL_MED_GROUPS, RECRUITMENT_CHANNELS, VISITATIONS, type Visitation } from '../core/codes.ts';
import { isoDateField } from './form-fields.ts';

export const MIN_AGE = 18;
export const MAX_AGE = 64;
export const MIN_OVERRIDE_REASON = 10;

export type CriterionCode = 'cpr' | 'koen' | 'alder' | 'oprindelse' | 'forsoergelse';

export interface UnmetCriterion {
  code: CriterionCode;
  /** Danish sentence for the caseworker. */
  message: string;
}

export interface TargetGroupInput {
  cpr: string;
  /** ISO 3166-1 alpha-2 code (or XX for stateless); see countries.ts. */
  countryOfOrigin: string;
  enrolmentDate: string;
  /** One of VISITATIONS; anything else (null, a register code, "i job") fails the criterion. */
  visitation: Visitation | string | null;
}

/** Every unmet criterion; an empty list means she is in the target group. */
export function checkTargetGroup(input: TargetGroupInput): UnmetCriterion[] {
  const unmet: UnmetCriterion[] = [];
  const cpr = parseCpr(input.cpr);
  if (!cpr.ok) {
    unmet.push({ code: 'cpr', message: `Køn og alder kan ikke afgøres: ${cpr.error}` });
  } else {
    if (cpr.value.sex !== 'K') {
      unmet.push({ code: 'koen', message: 'Ifølge CPR-nummeret er borgeren ikke en kvinde.' });
    }
    const age = ageOn(cpr.value.birthDate, input.enrolmentDate);
    if (age < MIN_AGE || age > MAX_AGE) {
      unmet.push({
        code: 'alder',
        message: `Borgeren er ${age} år på indskrivningsdatoen; målgruppen er ${MIN_AGE}–${MAX_AGE} år.`,
      });
    }
  }
  const country = findCountry(input.countryOfOrigin ?? '');
  if (!country) {
    unmet.push({ code: 'oprindelse', message: 'Oprindelsesland er ukendt eller ikke angivet.' });
  } else if (country.group !== 'ikke_vestlig') {
    unmet.push({
      code: 'oprindelse',
      message: `${country.name} er et vestligt land efter Danmarks Statistiks opdeling; målgruppen har ikke-vestlig oprindelse.`,
    });
  }
  if (!input.visitation || !(VISITATIONS as readonly string[]).includes(input.visitation)) {
    const what = input.visitation ? `"${input.visitation}"` : 'ikke angivet';
    unmet.push({
      code: 'forsoergelse',
      message: `Forsørgelse/visitation er ${what}; målgruppen er aktivitetsparate, jobparate, selvforsørgende eller på øvrige ydelser.`,
    });
  }
  return unmet;
}

const nullableText = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : (v ?? null)),
  z.string().max(2000, { message: 'Begrundelsen må højst være 2000 tegn.' }).nullable(),
);

/**
 * The enrolment form (indskrivning). Validates every field and, when target-group criteria
 * are unmet, requires `overrideReason` of at least 10 characters. The parsed value carries
 * the normalised CPR (ten digits) and the codes of the unmet criteria, to be stored with the
 * reason.
 */
export const enrolmentSchema = z
  .object({
    cpr: z.string({ error: 'Angiv CPR-nummer.' }).superRefine((v, ctx) => {
      const r = parseCpr(v);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
    }),
    countryOfOrigin: z
      .string({ error: 'Vælg oprindelsesland.' })
      .refine((c) => findCountry(c) !== undefined, { message: 'Vælg et oprindelsesland fra listen.' })
      .transform((c) => c.trim().toUpperCase()),
    enrolmentDate: isoDateField,
    visitation: z.enum(VISITATIONS, { error: 'Vælg en visitationskategori.' }),
    flereSkalMedGruppe: z.preprocess(
      (v) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? Number(v) : v),
      z.literal(FLERE_SKAL_MED_GROUPS, { error: 'Flere skal med-gruppe skal være 1, 2 eller 3.' }).nullable(),
    ),
    recruitmentChannel: z.enum(RECRUITMENT_CHANNELS, { error: 'Vælg hvordan borgeren er rekrutteret.' }),
    /** app_user.id of the responsible caseworker (an integer in the database). */
    caseworkerId: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
      z
        .number({ error: 'Vælg en sagsbehandler.' })
        .int({ message: 'Vælg en sagsbehandler.' })
        .positive({ message: 'Vælg en sagsbehandler.' }),
    ),
    overrideReason: nullableText,
  })
  .superRefine((v, ctx) => {
    if (!parseCpr(v.cpr).ok) return; // the cpr field already carries the error
    const unmet = checkTargetGroup(v);
    const reason = v.overrideReason ?? '';
    if (unmet.length > 0 && reason.length < MIN_OVERRIDE_REASON) {
      ctx.addIssue({
        code: 'custom',
        path: ['overrideReason'],
        message:
          `Borgeren opfylder ikke målgruppekriterierne (${unmet.map((u) => u.message).join(' ')}) ` +
          `Skriv en begrundelse på mindst ${MIN_OVERRIDE_REASON} tegn for at indskrive hende alligevel.`,
      });
    }
  })
  .transform((v) => {
    const parsed = parseCpr(v.cpr);
    const cpr = parsed.ok ? parsed.value.cpr : v.cpr;
    return { ...v, cpr, unmetCriteria: checkTargetGroup(v).map((u) => u.code) };
  });

export type EnrolmentInput = z.input<typeof enrolmentSchema>;
export type Enrolment = z.output<typeof enrolmentSchema>;
