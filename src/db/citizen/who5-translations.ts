/** Validated WHO-5 translations a project has loaded (not personal data). */
import type { Tx } from '../door.ts';
import { sqlOf } from '../sql.ts';

export interface Who5Texts {
  intro: string;
  /** Item key (as in the Danish WHO-5) → question. */
  items: Record<string, string>;
  /** Answer value (0–5) → answer text. */
  answers: Record<string, string>;
}

export interface Who5TranslationRow {
  projectId: number;
  language: string;
  texts: Who5Texts;
  validatedBy: string;
  loadedAt: Date;
}

const COLS = `project_id AS "projectId", language, texts, validated_by AS "validatedBy", loaded_at AS "loadedAt"`;

export async function getWho5Translation(tx: Tx, projectId: number, language: string): Promise<Who5TranslationRow | null> {
  return (await sqlOf(tx).query<Who5TranslationRow>(`SELECT ${COLS} FROM who5_translation WHERE project_id = $1 AND language = $2`, [projectId, language])).rows[0] ?? null;
}

export async function listWho5Translations(tx: Tx, projectId: number): Promise<Who5TranslationRow[]> {
  return (await sqlOf(tx).query<Who5TranslationRow>(`SELECT ${COLS} FROM who5_translation WHERE project_id = $1 ORDER BY language`, [projectId])).rows;
}

export async function upsertWho5Translation(tx: Tx, projectId: number, language: string, texts: Who5Texts, validatedBy: string, userId: number) {
  await sqlOf(tx).query(
    `INSERT INTO who5_translation (project_id, language, texts, validated_by, loaded_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (project_id, language) DO UPDATE SET texts = EXCLUDED.texts, validated_by = EXCLUDED.validated_by,
       loaded_by = EXCLUDED.loaded_by, loaded_at = now()`,
    [projectId, language, JSON.stringify(texts), validatedBy, userId],
  );
}
