/**
 * The statements every table of her records shares (a row with `id`, `participant_id`,
 * `municipality_code`, `created_by`, `created_at` and `updated_at`): read, add, change and delete
 * one of her rows, always within her own rows. Written once here so each table's repository is one
 * `herRecords` call naming its columns. Table and column names are the repositories' constants, never input.
 */
import { isUuid } from './tenant.ts';
import { sqlOf, type Sql } from './sql.ts';

/** The woman a row is added for, as the casework door hands her out (a `CaseParticipant` fits). */
export interface Her {
  id: string;
  municipalityCode: string;
}

/** One table of her records. */
export interface HerRecords<Row, Data> {
  /** Her rows, in the table's order. */
  list(tx: Sql, participantId: string): Promise<Row[]>;
  /** Her row `id`; undefined when it is not hers (or not an id). */
  get(tx: Sql, participantId: string, id: string): Promise<Row | undefined>;
  /** Adds a row of hers, created by `userId`; its id. */
  insert(tx: Sql, her: Her, data: Data, userId: number): Promise<string>;
  /** Corrects her row `id` (and sets its `updated_at`). */
  update(tx: Sql, participantId: string, id: string, data: Data): Promise<void>;
  /** Deletes her row `id`. */
  delete(tx: Sql, participantId: string, id: string): Promise<void>;
}

/** What a table may add: a join for the select (the table is `t`), other columns for a correction. */
export interface HerRecordsOptions<Data> {
  join?: string;
  /** The columns a correction writes, when not all that an insert writes (default: `values`). */
  updateValues?: (data: Data) => Record<string, unknown>;
}

/**
 * The repository of `table` (aliased `t` in its selects): `cols` selected, her rows in `order`,
 * `values` the columns (column → value) an insert and a correction write.
 */
export function herRecords<Row, Data>(
  table: string,
  cols: string,
  order: string,
  values: (data: Data) => Record<string, unknown>,
  options: HerRecordsOptions<Data> = {},
): HerRecords<Row, Data> {
  const select = `SELECT ${cols} FROM ${table} t${options.join ? ` ${options.join}` : ''}`;
  const updateValues = options.updateValues ?? values;
  return {
    list: async (tx, participantId) =>
      (await sqlOf(tx).query<Row>(`${select} WHERE t.participant_id = $1 ORDER BY ${order}`, [participantId])).rows,
    get: async (tx, participantId, id) => {
      if (!isUuid(id)) return undefined;
      return (await sqlOf(tx).query<Row>(`${select} WHERE t.id = $1 AND t.participant_id = $2`, [id, participantId])).rows[0];
    },
    insert: (tx, her, data, userId) =>
      insertHers(tx, table, { participantId: her.id, municipality: her.municipalityCode, userId }, values(data)),
    update: (tx, participantId, id, data) => updateHers(tx, table, participantId, id, updateValues(data)),
    delete: (tx, participantId, id) => deleteHers(tx, table, participantId, id),
  };
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
async function updateHers(tx: Sql, table: string, participantId: string, id: string, values: Record<string, unknown>): Promise<void> {
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
