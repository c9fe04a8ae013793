/**
 * The statements every table of her records shares (a row with `id`, `participant_id`,
 * `municipality_code`, `created_by`, `created_at` and `updated_at`): read, add, change and delete
 * one of her rows, always within her own rows. Written once here so each table's repository only
 * names its columns. Table and column names are the repositories' constants, never input.
 */
import { isUuid } from './tenant.ts';
import { sqlOf, type Sql } from './sql.ts';

/** Her rows of `table`, `cols` selected, in `order`. */
export async function listHers<T>(tx: Sql, table: string, cols: string, participantId: string, order: string): Promise<T[]> {
  return (await sqlOf(tx).query<T>(`SELECT ${cols} FROM ${table} WHERE participant_id = $1 ORDER BY ${order}`, [participantId])).rows;
}

/** Her row `id` of `table`; undefined when it is not hers (or not an id). */
export async function getHers<T>(tx: Sql, table: string, cols: string, participantId: string, id: string): Promise<T | undefined> {
  if (!isUuid(id)) return undefined;
  return (await sqlOf(tx).query<T>(`SELECT ${cols} FROM ${table} WHERE id = $1 AND participant_id = $2`, [id, participantId])).rows[0];
}

/** Adds a row of hers with `values` (column → value), created by `userId`; its id. */
export async function insertHers(
  tx: Sql,
  table: string,
  her: { participantId: string; municipality: string; userId: number },
  values: Record<string, unknown>,
): Promise<string> {
  const cols = Object.keys(values);
  const params = cols.map((_, i) => `$${i + 4}`).join(', ');
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO ${table} (participant_id, municipality_code, created_by, ${cols.join(', ')}) VALUES ($1, $2, $3, ${params}) RETURNING id`,
      [her.participantId, her.municipality, her.userId, ...Object.values(values)],
    )
  ).rows[0].id;
}

/** Sets `values` (column → value) on her row `id`, and its `updated_at`. */
export async function updateHers(
  tx: Sql,
  table: string,
  participantId: string,
  id: string,
  values: Record<string, unknown>,
): Promise<void> {
  const set = Object.keys(values).map((c, i) => `${c} = $${i + 3}`);
  await sqlOf(tx).query(`UPDATE ${table} SET ${set.join(', ')}, updated_at = now() WHERE id = $1 AND participant_id = $2`, [
    id,
    participantId,
    ...Object.values(values),
  ]);
}

/** Deletes her row `id` of `table`. */
export async function deleteHers(tx: Sql, table: string, participantId: string, id: string): Promise<void> {
  await sqlOf(tx).query(`DELETE FROM ${table} WHERE id = $1 AND participant_id = $2`, [id, participantId]);
}
