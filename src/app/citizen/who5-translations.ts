/**
 * Validated WHO-5 translations a project leader loads for her project: the intro, the five items
 * and the six answers in one language, who validated the translation and its source. Only a
 * loaded translation is ever offered to a woman on her link (self-who5.ts); Danish is the official
 * text and always there. Project leaders only; viewing, loading, replacing and removing are audited.
 */
import type { Actor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';
import { door } from '../../db/door.ts';
import {
  deleteWho5Translation,
  getWho5Translation,
  listWho5Translations,
  upsertWho5Translation,
  type Who5TranslationRow,
} from '../../db/citizen/who5-translations.ts';
import { WHO5 } from '../../domain/instruments.ts';
import { isLanguageCode, type LanguageCode } from '../../i18n/languages.ts';
import { leadersProject, projectFor, requireLeader } from '../casework/project-settings.ts';
import { CONTROL_CHAR_MESSAGE, hasControlChar, multilineText, type FieldErrors, type SaveResult } from '../form.ts';

/** The form's fields: intro, item.<key> for the five items, answer.<0–5>, validatedBy, source. */
export const WHO5_ITEM_KEYS = WHO5.dimensions.map((d) => d.key);
export const WHO5_ANSWER_VALUES = WHO5.dimensions[0].steps.map((s) => s.value);

export interface Who5TranslationList {
  project: { id: number; name: string };
  projects: { id: number; name: string }[];
  rows: Who5TranslationRow[];
}

export async function listProjectWho5Translations(
  db: AppDeps['db'],
  actor: Actor,
  projectId?: number,
): Promise<Who5TranslationList | null> {
  requireLeader(actor);
  const { projects, project } = await projectFor(db, actor, projectId);
  if (!project || (projectId !== undefined && project.id !== projectId)) return null;
  return door(db, actor, async (tx) => ({
    value: { project, projects, rows: await listWho5Translations(tx, project.id) },
    audit: { action: 'vis', entity: 'who5_oversaettelse', detail: { projectId: project.id } },
  }));
}

export async function getProjectWho5Translation(db: AppDeps['db'], actor: Actor, projectId: number, language: string) {
  const project = await leadersProject(db, actor, projectId);
  if (!project || !isLanguageCode(language) || language === 'da') return null;
  return door(db, actor, async (tx) => ({
    value: { project, language: language as LanguageCode, row: await getWho5Translation(tx, projectId, language) },
    audit: { action: 'vis', entity: 'who5_oversaettelse', detail: { projectId, language } },
  }));
}

/** Check and store a translation for one language (a new one, or a replacement); errors in Danish per field. */
export async function saveProjectWho5Translation(
  db: AppDeps['db'],
  actor: Actor,
  projectId: number,
  language: string,
  form: Record<string, unknown>,
): Promise<SaveResult<string>> {
  const project = await leadersProject(db, actor, projectId);
  if (!project || !isLanguageCode(language) || language === 'da') return { status: 'denied' };
  const errors: FieldErrors = {};
  const text = (name: string, label: string, min: number, max: number) => {
    const v = multilineText(form, name);
    if (!v) errors[name] = `Skriv ${label}.`;
    else if (hasControlChar(v)) errors[name] = CONTROL_CHAR_MESSAGE;
    else if (v.length < min) errors[name] = `Skriv mindst ${min} tegn.`;
    else if (v.length > max) errors[name] = `Højst ${max} tegn.`;
    return v;
  };
  const intro = text('intro', 'indledningen', 1, 1000);
  const items = Object.fromEntries(WHO5_ITEM_KEYS.map((k, i) => [k, text(`item.${k}`, `spørgsmål ${i + 1}`, 1, 500)]));
  const answers = Object.fromEntries(WHO5_ANSWER_VALUES.map((v) => [String(v), text(`answer.${v}`, `svaret for ${v}`, 1, 200)]));
  const validatedBy = text('validatedBy', 'hvem der har valideret oversættelsen', 3, 300);
  const source = text('source', 'hvor oversættelsen kommer fra', 3, 500);
  if (Object.keys(errors).length) return { status: 'invalid', errors };
  return door<SaveResult<string>>(db, actor, async (tx) => {
    const before = await getWho5Translation(tx, projectId, language);
    await upsertWho5Translation(tx, projectId, language, { intro, items, answers }, validatedBy, source, actor.userId);
    return {
      value: { status: 'ok', id: language },
      audit: {
        action: before ? 'ret' : 'opret',
        entity: 'who5_oversaettelse',
        detail: {
          projectId,
          language,
          validatedBy,
          source,
          ...(before ? { before: { validatedBy: before.validatedBy, source: before.source, texts: before.texts } } : {}),
        },
      },
    };
  });
}

/** Remove a loaded translation: her link offers Danish again. The removed texts stay in the audit log. */
export async function removeProjectWho5Translation(
  db: AppDeps['db'],
  actor: Actor,
  projectId: number,
  language: string,
): Promise<SaveResult<string>> {
  const project = await leadersProject(db, actor, projectId);
  if (!project || !isLanguageCode(language)) return { status: 'denied' };
  return door<SaveResult<string>>(db, actor, async (tx) => {
    const before = await getWho5Translation(tx, projectId, language);
    if (!before || !(await deleteWho5Translation(tx, projectId, language))) return { value: { status: 'denied' }, audit: [] };
    return {
      value: { status: 'ok', id: language },
      audit: {
        action: 'slet',
        entity: 'who5_oversaettelse',
        detail: { projectId, language, before: { validatedBy: before.validatedBy, source: before.source, texts: before.texts } },
      },
    };
  });
}
