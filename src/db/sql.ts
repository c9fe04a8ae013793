/**
 * Inside db/ only: how repositories reach SQL. The layer check (.dependency-cruiser.cjs) refuses an
 * import of this file from outside src/db/, so use cases and routes cannot get a connection.
 */
import type { Actor } from '../core/actor.ts';
import type { DatabaseHandle } from '../core/deps.ts';
import type { Database, Queryable } from './database.ts';
import type { AuditEntry, Tx } from './door.ts';

const open = new WeakMap<Tx, Queryable>();

export function bindTx(q: Queryable, actor: Actor): Tx {
  const tx = Object.freeze({ actor }) as unknown as Tx;
  open.set(tx, q);
  return tx;
}

export function releaseTx(tx: Tx) {
  open.delete(tx);
}

/**
 * What a repository takes: the door's Tx, or, from another repository inside db/, the connection
 * of the transaction it already runs in. No layer above db/ can obtain a connection.
 */
export type Sql = Tx | Queryable;

/**
 * What a repository of data that is not personal (projects, code tables, user lists) reads from:
 * a door's Tx, an open transaction, or the database handle itself.
 */
export type Reader = Sql | DatabaseHandle | Database;

/** The database as a caller above db/ holds it (a handle), or as db/ itself holds it. */
export type Db = DatabaseHandle | Database;

/** The SQL connection of an open tenant transaction (or of the database behind a handle: the same object). */
export function sqlOf(tx: Sql | DatabaseHandle | Database): Queryable {
  if ('query' in tx) return tx as Queryable;
  const q = open.get(tx as Tx);
  if (!q) throw new Error('The tenant transaction is closed: a Tx cannot be used outside its door.');
  return q;
}

/** The rows a query returns. */
export async function allRows<T>(tx: Sql, sql: string, params: unknown[]): Promise<T[]> {
  return (await sqlOf(tx).query<T>(sql, params)).rows;
}

/** The first row a query returns; undefined when it returns none. */
export async function firstRow<T>(tx: Sql, sql: string, params: unknown[]): Promise<T | undefined> {
  return (await sqlOf(tx).query<T>(sql, params)).rows[0];
}

/** Runs a statement that changes rows (a DELETE or UPDATE) and tells whether it changed any. */
export async function changedAny(tx: Sql, sql: string, params: unknown[]): Promise<boolean> {
  return (await sqlOf(tx).query(sql, params)).rowCount > 0;
}

export { databaseOf, handleOf } from './database.ts';

/** Who a record is about acting: a signed-in actor, (failed sign-in) possibly nobody known, or a woman's personal link (`borger`). */
export interface AuditActor {
  userId: number | null;
  username: string;
  role: Actor['role'] | 'borger' | null;
  ip: string;
}

/**
 * Append one record to the hash-chained audit log through `fremdrift_audit_append` (migration
 * 0040): the database function locks the chain head, so concurrent appends stay one valid chain.
 */
export async function writeAudit(q: Queryable, actor: AuditActor, e: AuditEntry) {
  await q.query(
    `SELECT fremdrift_audit_append($1::int, $2::text, $3::text, $4::text, $5::text, $6::uuid, $7::char(3), $8::text, $9::jsonb)`,
    [
      actor.userId || null,
      actor.username,
      actor.role,
      e.action,
      e.entity ?? null,
      e.participantId ?? null,
      e.municipality ?? null,
      actor.ip,
      e.detail ? JSON.stringify(e.detail) : null,
    ],
  );
  q.countAudit?.();
}

/** A repository's own audit record inside an open door (e.g. a refused look-up, `adgang_naegtet`). */
export function auditIn(tx: Tx, e: AuditEntry): Promise<void> {
  return writeAudit(sqlOf(tx), tx.actor, e);
}
