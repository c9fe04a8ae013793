/**
 * Reads what "Min plan" shows for one woman inside a door's transaction (the staff tenant door
 * or her link's door) and builds the view with the pure rules. Conversations are read only to
 * date the next one; their notes never leave this function.
 */
import type { Queryable } from '../../db/database.ts';
import { loadEnrolments } from '../../db/casework/access.ts';
import { listActivities } from '../../db/casework/activities.ts';
import { listAssessments } from '../../db/casework/assessments.ts';
import { listConversations } from '../../db/casework/conversations.ts';
import { loadProjectConfig } from '../../db/casework/project-config.ts';
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

export async function loadMyPlan(q: Queryable, participantId: string, today: string): Promise<MyPlanData | null> {
  const header = await getPlanHeader(q, participantId);
  if (!header) return null;
  const enrolments = await loadEnrolments(q, participantId);
  const e = enrolments[0] ?? null;
  const [planRow, activities, conversations, assessments, config, preferred] = [
    await getPlanWithDate(q, participantId),
    await listActivities(q, participantId),
    await listConversations(q, participantId),
    await listAssessments(q, participantId),
    await loadProjectConfig(q, e?.projectId),
    await getPlanLanguage(q, participantId),
  ];
  const enrolled = Boolean(e && e.enrolledOn <= today && (!e.exitedOn || e.exitedOn > today));
  const view = buildMyPlanView({
    firstName: header.firstName,
    plan: planRow?.plan ?? null,
    planUpdatedOn: planRow?.updatedOn ?? null,
    activities,
    assessments,
    extraTypes: config.extraTypes,
    caseworkerName: e?.caseworkerName ?? null,
    followUp: e && enrolled
      ? {
          enrolment: { date: e.enrolledOn, exitDate: e.exitedOn },
          activities, conversations: conversations.map((c) => ({ date: c.date })), plan: planRow?.plan ?? null, assessments, today,
          settings: config.settings, extraActivityTypes: config.extraTypes,
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
export async function loadTranslator(q: Queryable, municipality: string, lang: LanguageCode): Promise<Translator> {
  const overrides: Partial<Record<MessageKey, string>> = {};
  for (const o of await listOverrides(q, municipality, lang)) if (isMessageKey(o.key)) overrides[o.key] = o.text;
  return translator(lang, overrides);
}

/** The language to show: the one asked for, else hers, else the suggestion. */
export function pickLanguage(asked: unknown, data: Pick<MyPlanData, 'preferred' | 'suggested'>): LanguageCode {
  return isLanguageCode(asked) ? asked : (data.preferred ?? data.suggested);
}
