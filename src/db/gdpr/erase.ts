/**
 * Erasure and anonymisation of one person (GDPR art. 17), inside a tenant transaction.
 * Anonymise: names, CPR hash and cipher replaced, birth date cut to the year, and every free-text
 * or JSON column of her rows in every participant_id table cleared — structured codes used by the
 * statistics (KEEP) stay. Erase: every row in every participant_id table and the participant row
 * are deleted, and so is her register data keyed by her CPR hash (register_person, its history and
 * the comparison pool; fremdrift_erase_register, migration 0112). The audit log keeps its record of either.
 */
import { sqlOf, type Sql } from '../sql.ts';
import { ident, type PersonTable } from './tables.ts';

/** Structured columns kept on anonymisation (codes the statistics need, never free text). */
export const KEEP = new Set([
  'participant_id',
  'municipality_code',
  'exit_reason',
  'recruitment_channel',
  'visitation',
  'status',
  'kind',
  'type_key',
  'instrument_key',
  'channel',
  'decline_reason',
]);
const FREE_TEXT = new Set(['text', 'character varying', 'json', 'jsonb']);

export async function anonymiseInTx(tx: Sql, tables: PersonTable[], participantId: string) {
  const q = sqlOf(tx);
  const cleared: Record<string, string[]> = {};
  for (const t of tables) {
    const sets: string[] = [];
    for (const c of t.columns) {
      if (KEEP.has(c.name) || !FREE_TEXT.has(c.type)) continue;
      if (c.nullable) sets.push(`${ident(c.name)} = NULL`);
      else if (c.type === 'jsonb')
        sets.push(`${ident(c.name)} = CASE jsonb_typeof(${ident(c.name)}) WHEN 'array' THEN '[]'::jsonb ELSE '{}'::jsonb END`);
      else continue; // NOT NULL text: codes or staff names, not hers
      (cleared[t.table] ??= []).push(c.name);
    }
    if (sets.length) await q.query(`UPDATE ${ident(t.table)} SET ${sets.join(', ')} WHERE participant_id = $1`, [participantId]);
  }
  await q.query(
    `UPDATE participant SET first_name = 'Anonymiseret', last_name = 'Person', cpr_hash = 'anonymiseret:' || id::text, cpr_enc = '',
       birth_date = date_trunc('year', birth_date)::date, anonymised_at = now() WHERE id = $1`,
    [participantId],
  );
  return cleared;
}

/** Tables keyed by her CPR hash rather than participant_id; their counts are "registerdata". */
export const REGISTER_TABLES = ['register_person', 'register_person_version', 'comparison_pool'] as const;

export async function eraseInTx(tx: Sql, tables: PersonTable[], participantId: string) {
  const q = sqlOf(tx);
  const deleted: Record<string, number> = {};
  // Before her participant row goes: the function finds her hash (and her tenant) through it.
  const register = (await q.query<{ r: Record<string, number | boolean> }>('SELECT fremdrift_erase_register($1) AS r', [participantId]))
    .rows[0].r;
  for (const table of REGISTER_TABLES) deleted[table] = Number(register[table] ?? 0);
  for (const t of tables) {
    if (t.table === 'participant') continue;
    deleted[t.table] = (await q.query(`DELETE FROM ${ident(t.table)} WHERE participant_id = $1`, [participantId])).rowCount;
  }
  deleted.participant = (await q.query('DELETE FROM participant WHERE id = $1', [participantId])).rowCount;
  return deleted;
}
