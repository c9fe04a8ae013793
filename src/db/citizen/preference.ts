/** The language a woman wants her plan in (SQL only; the caller runs inside a tenant door and audits). */
import type { Tx } from '../door.ts';
import { sqlOf } from '../sql.ts';

export async function getPlanLanguage(tx: Tx, participantId: string): Promise<string | null> {
  return (
    (await sqlOf(tx).query<{ language: string }>('SELECT language FROM citizen_preference WHERE participant_id = $1', [participantId]))
      .rows[0]?.language ?? null
  );
}

export async function setPlanLanguage(
  tx: Tx,
  participantId: string,
  municipality: string,
  language: string,
  userId: number,
): Promise<void> {
  await sqlOf(tx).query(
    `INSERT INTO citizen_preference (participant_id, municipality_code, language, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (participant_id) DO UPDATE SET language = EXCLUDED.language, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [participantId, municipality, language, userId],
  );
}
