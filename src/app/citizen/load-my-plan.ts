/**
 * Reads what "Min plan" shows for one woman inside a door's transaction (the staff door or her
 * link's door) and builds the view with the pure rules. Conversations are read only as dates,
 * to date the next one; their notes never reach this layer.
 */
import type { Tx } from '../../db/door.ts';
import { activitiesOf, assessmentsOf, conversationDatesOf, enrolmentsOf, projectConfigOf } from '../../db/citizen/case-data.ts';
import { getPlanLanguage } from '../../db/citizen/preference.ts';
import { listOverrides } from '../../db/citizen/message-overrides.ts';
import { getPlanHeader, getPlanWithDate } from '../../db/citizen/plan-view.ts';
import { buildMyPlanView, type MyPlanView } from '../../domain/my-plan.ts';
import { translator, isMessageKey, type MessageKey, type Translator } from '../../i18n/catalog.ts';
import { isLanguageCode, suggestLanguage, type LanguageCode } from '../../i18n/languages.ts';

export interface MyPlanData {
  view: MyPlanView;
  /** The language she has chosen (null: not chosen yet) and the suggestion from her country of origin. */
  preferred: LanguageCode | null;
  suggested: LanguageCode;
  projectId: number | null;
  /** True while her latest enrolment is open today. */
  enrolled: boolean;
}

export async function loadMyPlan(tx: Tx, participantId: string, today: string): Promise<MyPlanData | null> {
  const header = await getPlanHeader(tx, participantId);
  if (!header) return null;
  const e = (await enrolmentsOf(tx, participantId))[0] ?? null;
  const planRow = await getPlanWithDate(tx, participantId);
  const activities = await activitiesOf(tx, participantId);
  const conversations = await conversationDatesOf(tx, participantId);
  const assessments = await assessmentsOf(tx, participantId);
  const config = await projectConfigOf(tx, e?.projectId);
  const preferred = await getPlanLanguage(tx, participantId);
  const enrolled = Boolean(e && e.enrolledOn <= today && (!e.exitedOn || e.exitedOn > today));
  const view = buildMyPlanView({
    firstName: header.firstName,
    plan: planRow?.plan ?? null,
    planUpdatedOn: planRow?.updatedOn ?? null,
    activities,
    assessments,
    extraTypes: config.extraTypes,
    caseworkerName: e?.caseworkerName ?? null,
    followUp:
      e && enrolled
        ? {
            enrolment: { date: e.enrolledOn, exitDate: e.exitedOn },
            activities,
            conversations,
            plan: planRow?.plan ?? null,
            assessments,
            today,
            settings: config.settings,
            extraActivityTypes: config.extraTypes,
          }
        : null,
    today,
  });
  return {
    view,
    preferred: isLanguageCode(preferred) ? preferred : null,
    suggested: suggestLanguage(header.countryOfOrigin),
    projectId: e?.projectId ?? null,
    enrolled,
  };
}

/** Her municipality's texts in one language: the file with the municipality's corrections laid over it. */
export async function loadTranslator(tx: Tx, municipality: string, lang: LanguageCode): Promise<Translator> {
  const overrides: Partial<Record<MessageKey, string>> = {};
  for (const o of await listOverrides(tx, municipality, lang)) if (isMessageKey(o.key)) overrides[o.key] = o.text;
  return translator(lang, overrides);
}

/** The language to show: the one asked for, else hers, else the suggestion. */
export function pickLanguage(asked: unknown, data: Pick<MyPlanData, 'preferred' | 'suggested'>): LanguageCode {
  return isLanguageCode(asked) ? asked : (data.preferred ?? data.suggested);
}

/**
 * Her plan and the language to show it in, with her municipality's texts in it: the language asked
 * for, else the one her link was made in (`linkLanguage`, when she reads it through her link), else
 * hers, else the suggestion.
 */
export async function loadMyPlanIn(
  tx: Tx,
  her: { participantId: string; municipality: string; linkLanguage?: string | null },
  today: string,
  asked: unknown,
): Promise<{ data: MyPlanData; language: LanguageCode; tr: Translator }> {
  const data = (await loadMyPlan(tx, her.participantId, today))!;
  const preferred = isLanguageCode(her.linkLanguage) ? her.linkLanguage : data.preferred;
  const language = pickLanguage(asked, { preferred, suggested: data.suggested });
  return { data, language, tr: await loadTranslator(tx, her.municipality, language) };
}
