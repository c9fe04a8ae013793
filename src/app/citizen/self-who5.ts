/**
 * WHO-5 answered by the woman herself through her link: in the official Danish text, or in a
 * translation her project has loaded as validated for her language — never in an unvalidated
 * one. Stored as her own assessment (`reported_by = borger`), which the caseworker sees marked
 * as self-reported and which counts in the WHO-5 alert like any other.
 */
import type { AppDeps } from '../../core/deps.ts';
import type { Tx } from '../../db/door.ts';
import { citizenDoor, type LinkOutcome } from '../../db/citizen/link-door.ts';
import { enrolmentsOf } from '../../db/citizen/case-data.ts';
import { getWho5Translation } from '../../db/citizen/who5-translations.ts';
import { insertSelfReport } from '../../db/citizen/plan-view.ts';
import { scoreAssessment, WHO5 } from '../../domain/instruments.ts';
import type { Translator } from '../../i18n/catalog.ts';
import { isLanguageCode, type LanguageCode } from '../../i18n/languages.ts';
import { todayInDenmark } from '../casework/today.ts';
import { str, type FieldErrors } from '../form.ts';
import { loadTranslator } from './load-my-plan.ts';

export interface Who5Questions {
  /** The language the questions are in: `da` (official text) or hers, when validated. */
  language: LanguageCode;
  intro: string;
  items: { key: string; text: string }[];
  answers: { value: number; text: string }[];
  /** Who validated the translation (null for the Danish original). */
  validatedBy: string | null;
}

export const DANISH_WHO5: Who5Questions = {
  language: 'da',
  intro: WHO5.intro!,
  items: WHO5.dimensions.map((d) => ({ key: d.key, text: d.name })),
  answers: WHO5.dimensions[0].steps.map((s) => ({ value: s.value, text: s.text })),
  validatedBy: null,
};

/**
 * The questions in her language when her project has loaded a validated translation (unless she
 * chose the Danish text), else the official Danish text; and the languages she is offered.
 */
async function questionsFor(
  tx: Tx,
  participantId: string,
  language: LanguageCode,
  danish: boolean,
): Promise<{ questions: Who5Questions; offered: LanguageCode[] }> {
  const t = await translationFor(tx, participantId, language);
  return { questions: t && !danish ? t : DANISH_WHO5, offered: t ? ['da', language] : ['da'] };
}

async function translationFor(tx: Tx, participantId: string, language: LanguageCode): Promise<Who5Questions | null> {
  if (language === 'da') return null;
  const projectId = (await enrolmentsOf(tx, participantId))[0]?.projectId;
  const t = projectId ? await getWho5Translation(tx, projectId, language) : null;
  if (!t) return null;
  return {
    language,
    intro: t.texts.intro,
    items: WHO5.dimensions.map((d) => ({ key: d.key, text: t.texts.items[d.key] })),
    answers: DANISH_WHO5.answers.map((a) => ({ value: a.value, text: t.texts.answers[String(a.value)] })),
    validatedBy: t.validatedBy,
  };
}

export interface Who5Form {
  language: LanguageCode;
  tr: Translator;
  questions: Who5Questions;
  /** The languages she can answer in: Danish (the official text) always, hers only when a validated translation is loaded. */
  offered: LanguageCode[];
  /** After a failed send: what she chose (kept) and which items she left out. */
  values: Record<string, string>;
  errors: FieldErrors;
  saved: boolean;
}

const pickLang = (asked: unknown, linkLang: string): LanguageCode =>
  isLanguageCode(asked) ? asked : isLanguageCode(linkLang) ? linkLang : 'da';

/** `danish`: she chose the official Danish text although her language is offered. */
export function getWho5Form(db: AppDeps['db'], token: string, ip: string, asked?: unknown, danish = false): Promise<LinkOutcome<Who5Form>> {
  return citizenDoor(db, token, ip, 'vis_who5', async (tx, link) => {
    const language = pickLang(asked, link.language);
    const { questions, offered } = await questionsFor(tx, link.participantId, language, danish);
    return {
      value: {
        language,
        tr: await loadTranslator(tx, link.municipalityCode, language),
        questions,
        offered,
        values: {},
        errors: {},
        saved: false,
      },
      audit: { action: 'vis', entity: 'who5_selvrapport', detail: { language, questionsIn: questions.language } },
    };
  });
}

export function submitWho5(
  db: AppDeps['db'],
  token: string,
  ip: string,
  form: Record<string, unknown>,
  asked?: unknown,
  danish = false,
): Promise<LinkOutcome<Who5Form>> {
  return citizenDoor<Who5Form>(db, token, ip, 'svar_who5', async (tx, link) => {
    const language = pickLang(asked, link.language);
    const { questions, offered } = await questionsFor(tx, link.participantId, language, danish);
    const tr = await loadTranslator(tx, link.municipalityCode, language);
    const values: Record<string, string> = {};
    const errors: FieldErrors = {};
    for (const item of questions.items) {
      const v = str(form, `svar.${item.key}`);
      values[item.key] = v;
      if (!/^[0-5]$/.test(v)) errors[item.key] = tr.t('who5.missing');
    }
    if (Object.keys(errors).length) {
      return {
        value: { language, tr, questions, offered, values, errors, saved: false },
        audit: { action: 'afvist', entity: 'who5_selvrapport', detail: { missing: Object.keys(errors) } },
      };
    }
    const scored = scoreAssessment(WHO5, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number(v)])));
    if (!scored.ok) throw new Error(scored.errors.join(' '));
    const id = await insertSelfReport(tx, link.participantId, link.municipalityCode, {
      instrumentKey: WHO5.key,
      date: todayInDenmark(),
      answers: scored.value.answers,
      total: scored.value.total,
      language: questions.language,
    });
    return {
      value: { language, tr, questions, offered, values: {}, errors: {}, saved: true },
      audit: {
        action: 'opret',
        entity: 'assessment',
        detail: { assessmentId: id, instrument: WHO5.key, reportedBy: 'borger', questionsIn: questions.language },
      },
    };
  });
}
