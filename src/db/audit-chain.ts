/**
 * Verifies the hash chain of the audit log (migration 0040) outside the database: every record's
 * hash is recomputed here from its fields, every record must point at the hash of the one before,
 * and the last record must be the head the database recorded. Any altered, inserted, reordered or
 * deleted record breaks the chain; the first broken record is reported.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from './database.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** The record's fields as text, in canonical order (must match fremdrift_audit_canonical). */
export interface AuditChainRow {
  id: string;
  at: string;
  user_id: string | null;
  username: string | null;
  role: string | null;
  action: string | null;
  entity: string | null;
  participant_id: string | null;
  municipality_code: string | null;
  ip: string | null;
  detail: string | null;
  prev_hash: string | null;
  hash: string | null;
}

const FIELDS = [
  'id',
  'at',
  'user_id',
  'username',
  'role',
  'action',
  'entity',
  'participant_id',
  'municipality_code',
  'ip',
  'detail',
  'prev_hash',
] as const;

export function canonicalAuditRecord(r: AuditChainRow): string {
  return FIELDS.map((f) => (r[f] === null ? '-' : Buffer.from(r[f] as string, 'utf8').toString('hex'))).join('|');
}

export const auditRecordHash = (r: AuditChainRow) => createHash('sha256').update(canonicalAuditRecord(r), 'utf8').digest('hex');

export type ChainProblem = 'aendret' | 'kaede_brudt' | 'hoved_mangler' | 'hale_slettet' | 'anker';

/** A record's hash kept outside the database (`<id>:<hash>`, as `audit verify` prints it). */
export interface Anchor {
  id: string;
  hash: string;
}

export function parseAnchor(s: string): Anchor | undefined {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(s.trim());
  return m ? { id: m[1], hash: m[2] } : undefined;
}

export type ChainResult =
  | { ok: true; records: number; lastId: string | null; headHash: string }
  | { ok: false; records: number; brokenId: string | null; problem: ChainProblem; message: string };

const SELECT = `SELECT id::text AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
  user_id::text AS user_id, username, role, action, entity, participant_id::text AS participant_id,
  municipality_code::text AS municipality_code, ip, detail::text AS detail, prev_hash, hash
  FROM audit_log WHERE audit_log.id > $1::bigint ORDER BY audit_log.id LIMIT $2`;

/** Walk the whole log in id order, a page at a time. */
export async function verifyAuditChain(q: Queryable, pageSize = 5000, anchor?: Anchor): Promise<ChainResult> {
  const head = (
    await q.query<{ last_id: string | null; last_hash: string }>(
      'SELECT last_id::text AS last_id, last_hash FROM audit_head WHERE singleton',
    )
  ).rows[0];
  let prev = GENESIS_HASH;
  let lastId: string | null = null;
  let records = 0;
  let after = '0';
  let anchorSeen = false;
  for (;;) {
    const rows = (await q.query<AuditChainRow>(SELECT, [after, pageSize])).rows;
    for (const r of rows) {
      records++;
      if (r.prev_hash !== prev) {
        return {
          ok: false,
          records,
          brokenId: r.id,
          problem: 'kaede_brudt',
          message: `Kæden er brudt ved post ${r.id}: den peger ikke på den forrige post${lastId ? ` (${lastId})` : ''}. En eller flere poster før den er slettet, indsat eller ændret.`,
        };
      }
      if (auditRecordHash(r) !== r.hash) {
        return {
          ok: false,
          records,
          brokenId: r.id,
          problem: 'aendret',
          message: `Post ${r.id} er ændret: dens indhold svarer ikke til dens hash.`,
        };
      }
      if (anchor && r.id === anchor.id) {
        if (r.hash !== anchor.hash) {
          return {
            ok: false,
            records,
            brokenId: r.id,
            problem: 'anker',
            message: `Post ${r.id} har ikke den hash, der blev gemt uden for databasen: kæden er skrevet om.`,
          };
        }
        anchorSeen = true;
      }
      prev = r.hash;
      lastId = r.id;
    }
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1].id;
  }
  if (anchor && !anchorSeen) {
    return {
      ok: false,
      records,
      brokenId: anchor.id,
      problem: 'anker',
      message: `Post ${anchor.id}, som ankeret peger på, findes ikke længere.`,
    };
  }
  if (!head) return { ok: false, records, brokenId: null, problem: 'hoved_mangler', message: 'Kædens hoved (audit_head) mangler.' };
  if (head.last_hash !== prev || head.last_id !== lastId) {
    return {
      ok: false,
      records,
      brokenId: head.last_id,
      problem: 'hale_slettet',
      message: `Den sidste post ${head.last_id ?? '(ingen)'} mangler eller er ændret: loggen slutter ved ${lastId ?? '(ingen poster)'}.`,
    };
  }
  return { ok: true, records, lastId, headHash: prev };
}
