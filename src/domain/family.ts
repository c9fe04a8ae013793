/**
 * Her family situation (issue 14 build 6): the barriers the project applications name — children
 * and whether childcare is in place ("børnepasning og dagtilbud"), the partner's involvement
 * (sessions for the men), interpreter need and language. Recorded as dated snapshots: the one in
 * force on a day is the latest from on or before it, so the situation at her enrolment and now
 * can both be counted. An empty field means "ikke oplyst".
 */
import { z } from 'zod';
import { CHILDCARE_STATUSES, PARTNER_INVOLVEMENTS, type ChildcareStatus, type PartnerInvolvement } from '../core/codes.ts';
import { formatDateDa, type IsoDate } from '../core/dates.ts';
import { isoDateField } from './form-fields.ts';

export interface FamilySituation {
  childrenCount: number | null;
  /** The children's ages in whole years when recorded (as of the snapshot's date), youngest first. */
  childAges: number[];
  childcare: ChildcareStatus | null;
  partnerInvolvement: PartnerInvolvement | null;
  interpreterNeeded: boolean | null;
  /** Her language (the interpreter's language when she needs one), as typed, e.g. "arabisk". */
  interpreterLanguage: string | null;
}

export interface FamilyChange extends FamilySituation {
  fromDate: IsoDate;
}

/** The form fields of the situation (enrolment and her page); her page adds `fromDate`. */
export const FAMILY_FIELDS = [
  'childrenCount',
  'childAges',
  'childcare',
  'partnerInvolvement',
  'interpreterNeeded',
  'interpreterLanguage',
] as const;

export const MAX_CHILDREN = 20;
export const MAX_CHILD_AGE = 30;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** "2, 5 og 11" → [2, 5, 11]; -1 for a part that is not a whole number (reported as an error). */
export function parseAges(input: unknown): number[] {
  if (typeof input !== 'string' || input.trim() === '') return [];
  return input
    .split(/\s*(?:[,;]|\bog\b|\s)\s*/)
    .filter((x) => x !== '')
    .map((x) => (/^\d{1,2}$/.test(x) ? Number(x) : -1));
}

const choice = <T extends string>(codes: readonly T[], message: string) =>
  z.preprocess((v) => (blank(v) ? null : v), z.enum(codes as unknown as [T, ...T[]], { error: message }).nullable());

const familyShape = {
  childrenCount: z.preprocess(
    (v) => (blank(v) ? null : typeof v === 'string' ? (/^\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN) : v),
    z
      .number({ error: `Skriv antallet af børn som et tal fra 0 til ${MAX_CHILDREN}.` })
      .int()
      .min(0)
      .max(MAX_CHILDREN, { message: `Skriv antallet af børn som et tal fra 0 til ${MAX_CHILDREN}.` })
      .nullable(),
  ),
  childAges: z.preprocess(
    parseAges,
    z.array(z.number()).superRefine((ages, ctx) => {
      if (ages.some((a) => a < 0))
        ctx.addIssue({ code: 'custom', message: 'Skriv børnenes alder i hele år, adskilt af komma, fx 2, 5, 11.' });
      else if (ages.some((a) => a > MAX_CHILD_AGE))
        ctx.addIssue({ code: 'custom', message: `En alder kan højst være ${MAX_CHILD_AGE} år.` });
      else if (ages.length > MAX_CHILDREN) ctx.addIssue({ code: 'custom', message: `Højst ${MAX_CHILDREN} børn.` });
    }),
  ),
  childcare: choice(CHILDCARE_STATUSES, 'Vælg, om børnepasningen er på plads.'),
  partnerInvolvement: choice(PARTNER_INVOLVEMENTS, 'Vælg, om partneren deltager.'),
  interpreterNeeded: z.preprocess(
    (v) => (blank(v) ? null : v === 'ja' ? true : v === 'nej' ? false : v),
    z.boolean({ error: 'Vælg, om hun har brug for tolk.' }).nullable(),
  ),
  interpreterLanguage: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim().replace(/\s+/g, ' ')) : (v ?? null)),
    z
      .string()
      .max(40, { message: 'Sproget må højst være 40 tegn.' })
      .regex(/^[\p{L}][\p{L} ()-]*$/u, { message: 'Skriv sproget med bogstaver, fx arabisk.' })
      .nullable(),
  ),
};

type FamilyInput = FamilySituation;

/** The fields checked against each other. */
function checkFamily(v: FamilyInput, ctx: z.RefinementCtx) {
  const n = v.childrenCount;
  if (n !== null && v.childAges.length > 0 && v.childAges.length !== n) {
    ctx.addIssue({
      code: 'custom',
      path: ['childAges'],
      message: `Du har skrevet ${v.childAges.length} ${v.childAges.length === 1 ? 'alder' : 'aldre'}, men ${n} ${n === 1 ? 'barn' : 'børn'}. Skriv én alder pr. barn, eller lad feltet stå tomt.`,
    });
  }
  if (n === 0 && v.childcare !== null && v.childcare !== 'ikke_relevant') {
    ctx.addIssue({
      code: 'custom',
      path: ['childcare'],
      message: 'Hun har ingen børn. Vælg «Ikke relevant», eller ret antallet af børn.',
    });
  }
  if (v.interpreterNeeded === true && v.interpreterLanguage === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['interpreterLanguage'],
      message: 'Skriv, hvilket sprog hun skal have tolk på.',
    });
  }
}

/** Ages alone tell how many children; ages kept youngest first. */
const normalise = <T extends FamilyInput>(v: T): T => ({
  ...v,
  childrenCount: v.childrenCount ?? (v.childAges.length > 0 ? v.childAges.length : null),
  childAges: [...v.childAges].sort((a, b) => a - b),
});

/** The situation's fields from a form (all optional), checked against each other, with Danish errors. */
export const familyFieldsSchema = z
  .object(familyShape)
  .superRefine(checkFamily)
  .transform((v): FamilySituation => normalise(v));

/** True when nothing is recorded (the enrolment form's family fields left empty). */
export function isUnrecorded(s: FamilySituation): boolean {
  return (
    s.childrenCount === null &&
    s.childAges.length === 0 &&
    s.childcare === null &&
    s.partnerInvolvement === null &&
    s.interpreterNeeded === null &&
    s.interpreterLanguage === null
  );
}

export function sameSituation(a: FamilySituation, b: FamilySituation): boolean {
  return (
    a.childrenCount === b.childrenCount &&
    a.childAges.join(',') === b.childAges.join(',') &&
    a.childcare === b.childcare &&
    a.partnerInvolvement === b.partnerInvolvement &&
    a.interpreterNeeded === b.interpreterNeeded &&
    (a.interpreterLanguage ?? '').toLocaleLowerCase('da-DK') === (b.interpreterLanguage ?? '').toLocaleLowerCase('da-DK')
  );
}

/** The snapshot in force on `date` (null when none is recorded by then). Later rows of the same day win. */
export function familyOn<T extends FamilyChange>(changes: readonly T[], date: IsoDate): T | null {
  let now: T | null = null;
  for (const c of changes) if (c.fromDate <= date && (now === null || c.fromDate >= now.fromDate)) now = c;
  return now;
}

/** Her page's form: a whole new snapshot from a date (not in the future), filled and not the one already in force then. */
export function makeFamilyChangeSchema(o: { today: IsoDate; current: (d: IsoDate) => FamilySituation | null }) {
  return z
    .object({ fromDate: isoDateField, ...familyShape })
    .superRefine((raw, ctx) => {
      checkFamily(raw, ctx);
      const v = normalise(raw);
      if (v.fromDate > o.today) {
        ctx.addIssue({
          code: 'custom',
          path: ['fromDate'],
          message: `Datoen kan ikke ligge efter i dag (${formatDateDa(o.today)}).`,
        });
      } else if (isUnrecorded(v)) {
        ctx.addIssue({
          code: 'custom',
          path: ['childrenCount'],
          message: 'Udfyld mindst ét felt om hendes familiesituation.',
        });
      } else {
        const cur = o.current(v.fromDate);
        if (cur && sameSituation(cur, v))
          ctx.addIssue({
            code: 'custom',
            path: ['childrenCount'],
            message: 'Det er den familiesituation, der allerede gælder på datoen. Ret et felt, eller vælg en anden dato.',
          });
      }
    })
    .transform((v): FamilyChange => normalise(v));
}

/** Age bands as daycare and school divide them. */
export const AGE_BANDS = [
  { label: '0–2 år', max: 2 },
  { label: '3–5 år', max: 5 },
  { label: '6–17 år', max: 17 },
  { label: '18 år og derover', max: Infinity },
] as const;

/** "2 børn: 1 på 0–2 år, 1 på 6–17 år" (ages, when recorded, by band). */
export function childrenText(s: Pick<FamilySituation, 'childrenCount' | 'childAges'>): string {
  if (s.childrenCount === null) return 'Ikke oplyst';
  if (s.childrenCount === 0) return 'Ingen børn';
  const head = `${s.childrenCount} ${s.childrenCount === 1 ? 'barn' : 'børn'}`;
  if (s.childAges.length === 0) return head;
  const bands = AGE_BANDS.map((b, i) => ({
    label: b.label,
    n: s.childAges.filter((a) => a <= b.max && (i === 0 || a > AGE_BANDS[i - 1].max)).length,
  })).filter((b) => b.n > 0);
  return `${head} (alder ${s.childAges.join(', ')} år: ${bands.map((b) => `${b.n} på ${b.label}`).join(', ')})`;
}

/** The barriers counted on Styring. */
export const FAMILY_BARRIERS = ['mangler_boernepasning', 'tolkebehov', 'partner_deltager_ikke', 'boern_under_skolealder'] as const;
export type FamilyBarrier = (typeof FAMILY_BARRIERS)[number];
export const FAMILY_BARRIER_LABELS: Record<FamilyBarrier, string> = {
  mangler_boernepasning: 'Mangler børnepasning (helt eller delvis)',
  tolkebehov: 'Har brug for tolk',
  partner_deltager_ikke: 'Partneren deltager ikke',
  boern_under_skolealder: 'Har børn under skolealderen (0–5 år)',
};

export function barriersOf(s: FamilySituation | null): Set<FamilyBarrier> {
  const out = new Set<FamilyBarrier>();
  if (!s) return out;
  if (s.childcare === 'nej' || s.childcare === 'delvis') out.add('mangler_boernepasning');
  if (s.interpreterNeeded === true) out.add('tolkebehov');
  if (s.partnerInvolvement === 'nej') out.add('partner_deltager_ikke');
  if (s.childAges.some((a) => a <= 5)) out.add('boern_under_skolealder');
  return out;
}

export interface BarrierCounts {
  /** Women counted (enrolled at the day), and of them those with a situation recorded at enrolment and now. */
  women: number;
  recorded: { atEnrolment: number; now: number };
  rows: { barrier: FamilyBarrier; atEnrolment: number; now: number }[];
  /** Interpreter need now, per language (lower case), most women first. */
  languagesNow: { language: string; women: number }[];
}

/** The barriers of these women at their enrolment and now, counted. */
export function countBarriers(women: readonly { atEnrolment: FamilySituation | null; now: FamilySituation | null }[]): BarrierCounts {
  const at = women.map((w) => barriersOf(w.atEnrolment));
  const now = women.map((w) => barriersOf(w.now));
  const langs = new Map<string, number>();
  for (const w of women) {
    if (w.now?.interpreterNeeded && w.now.interpreterLanguage) {
      const l = w.now.interpreterLanguage.toLocaleLowerCase('da-DK');
      langs.set(l, (langs.get(l) ?? 0) + 1);
    }
  }
  return {
    women: women.length,
    recorded: {
      atEnrolment: women.filter((w) => w.atEnrolment && !isUnrecorded(w.atEnrolment)).length,
      now: women.filter((w) => w.now && !isUnrecorded(w.now)).length,
    },
    rows: FAMILY_BARRIERS.map((b) => ({
      barrier: b,
      atEnrolment: at.filter((s) => s.has(b)).length,
      now: now.filter((s) => s.has(b)).length,
    })),
    languagesNow: [...langs]
      .map(([language, n]) => ({ language, women: n }))
      .sort((a, b) => b.women - a.women || a.language.localeCompare(b.language, 'da')),
  };
}
