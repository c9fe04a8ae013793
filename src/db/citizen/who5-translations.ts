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
  /** Where the translation comes from (null for rows loaded before it was asked). */
  source: string | null;
  loadedAt: Date;
  loadedByName: string | null;
}

const COLS = `project_id AS "projectId", language, texts, validated_by AS "validatedBy", source, loaded_at AS "loadedAt",
  (SELECT u.display_name FROM app_user u WHERE u.id = loaded_by) AS "loadedByName"`;

export async function getWho5Translation(tx: Tx, projectId: number, language: string): Promise<Who5TranslationRow | null> {
  return (
    (
      await sqlOf(tx).query<Who5TranslationRow>(`SELECT ${COLS} FROM who5_translation WHERE project_id = $1 AND language = $2`, [
        projectId,
        language,
      ])
    ).rows[0] ?? null
  );
}

export async function listWho5Translations(tx: Tx, projectId: number): Promise<Who5TranslationRow[]> {
  return (
    await sqlOf(tx).query<Who5TranslationRow>(`SELECT ${COLS} FROM who5_translation WHERE project_id = $1 ORDER BY language`, [projectId])
  ).rows;
}

export async function upsertWho5Translation(
  tx: Tx,
  projectId: number,
  language: string,
  texts: Who5Texts,
  validatedBy: string,
  source: string,
  userId: number,
) {
  await sqlOf(tx).query(
    `INSERT INTO who5_translation (project_id, language, texts, validated_by, source, loaded_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (project_id, language) DO UPDATE SET texts = EXCLUDED.texts, validated_by = EXCLUDED.validated_by,
       source = EXCLUDED.source, loaded_by = EXCLUDED.loaded_by, loaded_at = now()`,
    [projectId, language, JSON.stringify(texts), validatedBy, source, userId],
  );
}

/** Remove a loaded translation; false when there was none. */
export async function deleteWho5Translation(tx: Tx, projectId: number, language: string): Promise<boolean> {
  return (
    (await sqlOf(tx).query('DELETE FROM who5_translation WHERE project_id = $1 AND language = $2', [projectId, language])).rowCount > 0
  );
}
