/**
 * The activity catalogue (aktivitetstyper), seeded from the municipal applications in
 * ../shared/seeds (project documents). Projects add their own types; every catalogue function takes the
 * project's extra types as input, so this module holds no state.
 */
import { z } from 'zod';
import { ACTIVITY_CATEGORIES, type ActivityCategory } from '../core/codes.ts';

export interface ActivityType {
  /** Stable ASCII key, stored on each activity. */
  key: string;
  /** Danish name shown to users. */
  name: string;
  category: ActivityCategory;
  /** Takes place at a company, so a CVR number is required. */
  atCompany: boolean;
}

const t = (key: string, name: string, category: ActivityCategory, atCompany = false): ActivityType => ({ key, name, category, atCompany });

/** The built-in types. Sources: Viborg (000), Vallensbæk/Ishøj (001), Aalborg (002). */
export const BUILT_IN_ACTIVITY_TYPES: readonly ActivityType[] = [
  t('virksomhedspraktik', 'Virksomhedspraktik', 'virksomhedsrettet', true),
  t('loentilskud', 'Løntilskud', 'virksomhedsrettet', true),
  t('igu', 'IGU (integrationsgrunduddannelse)', 'virksomhedsrettet', true),
  t('loentimer', 'Ordinære løntimer / småjob', 'virksomhedsrettet', true),
  t('snusepraktik', 'Snusepraktik', 'virksomhedsrettet', true),
  t('kursus', 'Kursus', 'opkvalificering'),
  t('danskundervisning', 'Danskundervisning (sprogcenter eller arbejdspladsbaseret)', 'opkvalificering'),
  t('fvu', 'FVU (forberedende voksenundervisning)', 'opkvalificering'),
  t('avu', 'AVU (almen voksenuddannelse)', 'opkvalificering'),
  t('amu', 'AMU-kursus', 'opkvalificering'),
  t('sosu_forberedende', 'SOSU-forberedende forløb / adgangskursus', 'opkvalificering'),
  t('jobfokus', 'JobFOKUS-forløb', 'opkvalificering'),
  t('individuelt_udviklingsforloeb', 'Individuelt udviklingsforløb', 'opkvalificering'),
  t('sundhedskursus', 'Sundhedskursus', 'social_sundhed'),
  t('kvindecafe', 'Kvindecafé / kvindeformøde', 'social_sundhed'),
  t('moedrekursus', 'Mødrekursus', 'social_sundhed'),
  t('barselsgruppe', 'Barselsgruppe', 'social_sundhed'),
  t('mentor', 'Mentor', 'social_sundhed'),
  t('erhvervsmentor', 'Erhvervsmentor', 'social_sundhed'),
  t('kickstart', 'Kickstartkursus (5 dage)', 'vejledning'),
  t('jobklub', 'Jobklub', 'vejledning'),
  t('virksomhedsbesoeg', 'Virksomhedsbesøg', 'vejledning'),
  t('netvaerksgruppe', 'Netværksgruppe', 'vejledning'),
];

/** A project's own activity type, as entered by a project administrator. */
export const projectActivityTypeSchema = z.object({
  key: z
    .string({ error: 'Angiv en nøgle.' })
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'Nøglen skal være 2–40 små bogstaver (a–z), tal eller _ og begynde med et bogstav.' })
    .refine((k) => !BUILT_IN_ACTIVITY_TYPES.some((b) => b.key === k), {
      message: 'Nøglen bruges allerede af en indbygget aktivitetstype.',
    }),
  name: z
    .string({ error: 'Angiv et navn.' })
    .trim()
    .min(2, { message: 'Navnet skal være mindst 2 tegn.' })
    .max(100, { message: 'Navnet må højst være 100 tegn.' }),
  category: z.enum(ACTIVITY_CATEGORIES, { error: 'Vælg en kategori.' }),
  atCompany: z.boolean().default(false),
});

/** Built-in types followed by the project's own; a project type never replaces a built-in one. */
export function activityCatalogue(extraTypes: readonly ActivityType[] = []): ActivityType[] {
  const builtIn = new Set(BUILT_IN_ACTIVITY_TYPES.map((b) => b.key));
  return [...BUILT_IN_ACTIVITY_TYPES, ...extraTypes.filter((e) => !builtIn.has(e.key))];
}

export function findActivityType(key: string, extraTypes: readonly ActivityType[] = []): ActivityType | undefined {
  return activityCatalogue(extraTypes).find((a) => a.key === key);
}

/** Company-oriented (virksomhedsrettet): the kind the 6-week pause rule is about. */
export function isCompanyOriented(key: string, extraTypes: readonly ActivityType[] = []): boolean {
  return findActivityType(key, extraTypes)?.category === 'virksomhedsrettet';
}

/** The catalogue grouped by category, in the order of ACTIVITY_CATEGORIES (for select lists). */
export function catalogueByCategory(extraTypes: readonly ActivityType[] = []): { category: ActivityCategory; types: ActivityType[] }[] {
  const all = activityCatalogue(extraTypes);
  return ACTIVITY_CATEGORIES.map((category) => ({ category, types: all.filter((a) => a.category === category) }));
}
