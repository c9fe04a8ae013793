/**
 * The tables that hold data about one person: every base table with a `participant_id` column,
 * discovered from information_schema, so tables other areas add later are covered automatically.
 * The audit log is left out (append-only; read through fremdrift_audit_trail).
 */
import type { DatabaseHandle } from '../../core/deps.ts';
import type { Database } from '../database.ts';
import { databaseOf } from '../sql.ts';

export interface PersonTable {
  table: string;
  columns: { name: string; type: string; nullable: boolean }[];
  /** The application role may read it (needed for every table reached through the door). */
  readable: boolean;
  writable: boolean;
}

export const EXCLUDED = new Set(['audit_log']);

export async function personTables(db: DatabaseHandle | Database): Promise<PersonTable[]> {
  const q = databaseOf(db);
  const r = await q.query<{ table: string; column: string; type: string; nullable: string; readable: boolean; writable: boolean }>(
    `SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS type, c.is_nullable AS nullable,
            has_table_privilege('fremdrift_app', format('%I.%I', c.table_schema, c.table_name), 'SELECT') AS readable,
            has_table_privilege('fremdrift_app', format('%I.%I', c.table_schema, c.table_name), 'UPDATE')
              AND has_table_privilege('fremdrift_app', format('%I.%I', c.table_schema, c.table_name), 'DELETE') AS writable
     FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE t.table_type = 'BASE TABLE' AND c.table_schema = current_schema()
       AND c.table_name IN (SELECT table_name FROM information_schema.columns WHERE column_name = 'participant_id' AND table_schema = current_schema())
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, PersonTable>();
  for (const row of r.rows) {
    if (EXCLUDED.has(row.table)) continue;
    let t = byTable.get(row.table);
    if (!t) byTable.set(row.table, (t = { table: row.table, columns: [], readable: row.readable, writable: row.writable }));
    t.columns.push({ name: row.column, type: row.type, nullable: row.nullable === 'YES' });
  }
  return [...byTable.values()];
}

/** Safe identifier quoting for discovered names. */
export const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
