/** A municipality's corrections of the citizen texts (not personal data; tenant-scoped like the rest). */
import type { Tx } from '../door.ts';
import { changedAny, sqlOf } from '../sql.ts';

export interface MessageOverrideRow {
  key: string;
  text: string;
  updatedAt: Date;
  updatedByName: string | null;
}

export async function listOverrides(tx: Tx, municipality: string, language: string): Promise<MessageOverrideRow[]> {
  return (
    await sqlOf(tx).query<MessageOverrideRow>(
      `SELECT o.key, o.text, o.updated_at AS "updatedAt", u.display_name AS "updatedByName"
       FROM message_override o LEFT JOIN app_user u ON u.id = o.updated_by
       WHERE o.municipality_code = $1 AND o.language = $2 ORDER BY o.key`,
      [municipality, language],
    )
  ).rows;
}

export async function upsertOverride(tx: Tx, municipality: string, language: string, key: string, text: string, userId: number) {
  await sqlOf(tx).query(
    `INSERT INTO message_override (municipality_code, language, key, text, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (municipality_code, language, key) DO UPDATE SET text = EXCLUDED.text, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [municipality, language, key, text, userId],
  );
}

export async function deleteOverride(tx: Tx, municipality: string, language: string, key: string): Promise<boolean> {
  return changedAny(tx, 'DELETE FROM message_override WHERE municipality_code = $1 AND language = $2 AND key = $3', [
    municipality,
    language,
    key,
  ]);
}
