/**
 * The door to personal data. Every read and write of a person's data runs in `door(db, actor, fn)`:
 * one transaction as the `fremdrift_app` role with the actor's municipalities set, so PostgreSQL's
 * row-level security enforces the tenant rule a second time, and the audit record written by the
 * door itself in that same transaction.
 *
 * `fn` gets a `Tx`: an opaque ticket that only repositories in `src/db/` can turn into SQL
 * (`sqlOf` in db/sql.ts, which the layer check keeps inside db/). A use case therefore calls
 * repositories with the `Tx` and never holds a connection. `fn` returns its value together with
 * what it did, `{ value, audit }`; the door writes those records, so a use case cannot forget
 * the audit: the type checker refuses a result without it. `audit: []` says, visibly, that
 * nothing personal was read or changed (e.g. a form refused before anything was stored).
 * Repositories that refuse access record the attempt themselves (`auditIn`).
 *
 *   return door(deps.db, actor, async (tx) => {
 *     const p = await findParticipant(tx, id);                        // a repository in src/db/
 *     return { value: p, audit: { action: 'vis', entity: 'participant', participantId: id } };
 *   });
 */
import { systemActor, type Actor } from '../core/actor.ts';
import type { DatabaseHandle } from '../core/deps.ts';
import type { Database, Queryable } from './database.ts';
import { bindTx, databaseOf, releaseTx, sqlOf, writeAudit, type AuditActor } from './sql.ts';
import { isUuid } from './tenant.ts';

export interface AuditEntry {
  action: string;
  entity?: string;
  participantId?: string | null;
  municipality?: string | null;
  detail?: Record<string, unknown>;
}

declare const txBrand: unique symbol;

/** A tenant transaction as seen outside db/: who acts, and nothing to query with. */
export interface Tx {
  readonly actor: Actor;
  readonly [txBrand]: 'tenant transaction';
}

/** What a tenant transaction returns: its value and the audit records describing what it did. */
export interface Audited<T> {
  value: T;
  audit: AuditEntry | readonly AuditEntry[];
}

/** The database as a use case holds it: something to hand to the door and to repositories, never to query. */
export type Db = DatabaseHandle | Database;

/** Run `fn` behind the door; the door writes `fn`'s audit records in the same transaction. */
export function door<T>(db: Db, actor: Actor, fn: (tx: Tx) => Promise<Audited<T>>): Promise<T> {
  return databaseOf(db).tx(async (q) => {
    // One round trip: SET LOCAL ROLE and the tenant setting, both undone at commit.
    await q.query(`SELECT set_config('role', 'fremdrift_app', true), set_config('fremdrift.kommuner', $1, true)`, [
      actor.municipalities.join(','),
    ]);
    return runAudited(q, actor, fn);
  });
}

/** `fn` with a Tx bound to the open transaction `q`; then its audit records, written in the same transaction. */
async function runAudited<T>(q: Queryable, actor: Actor, fn: (tx: Tx) => Promise<Audited<T>>): Promise<T> {
  const tx = bindTx(q, actor);
  try {
    const { value, audit } = await fn(tx);
    for (const e of [audit].flat()) await writeAudit(q, actor, e);
    return value;
  } finally {
    // A Tx that escapes its transaction can no longer reach the database.
    releaseTx(tx);
  }
}

/**
 * The system door: one transaction as the database owner, so row-level security does not narrow
 * it to the actor's municipalities, for the agency's aggregated views and system jobs that must
 * see every municipality. Its callers show only suppressed aggregates or act on every tenant
 * by design (retention). Audited like `door`: `fn` returns its records and the door writes them.
 */
export function systemDoor<T>(db: Db, actor: Actor, fn: (tx: Tx) => Promise<Audited<T>>): Promise<T> {
  return databaseOf(db).tx((q) => runAudited(q, actor, fn));
}

/** Who acts in an `ownerTx`: the system itself (nobody signed in). */
const OWNER = systemActor({ username: 'system', displayName: 'Fremdrift', role: 'administrator', organisationKind: 'styrelse' });

/**
 * One transaction as the database owner for system work whose records the work writes itself
 * (`auditAs`) or that touches no one's personal data: a register import, the stored national
 * results under their advisory lock, the demo seed. Like the doors it hands out a `Tx` that only
 * repositories can use, so the caller never holds a connection; unlike them it writes no record
 * of its own.
 */
export function ownerTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return databaseOf(db).tx(async (q) => {
    const tx = bindTx(q, OWNER);
    try {
      return await fn(tx);
    } finally {
      releaseTx(tx);
    }
  });
}

export type { AuditActor };

/** One audit record by a named actor inside an open transaction (an import by an analyst, the demo seed). */
export function auditAs(tx: Tx, who: AuditActor, e: AuditEntry): Promise<void> {
  return writeAudit(sqlOf(tx), who, e);
}

/**
 * The record of a refused look-up of a person: it names the person asked for (when the id is
 * one), so the attempt is in her own audit trail and her access export — the log function adds
 * her municipality — and never the text of an id that is not one.
 */
export function deniedAccess(requestedId: string, purpose: string): AuditEntry {
  const id = isUuid(requestedId) ? requestedId.toLowerCase() : null;
  return { action: 'adgang_naegtet', entity: 'participant', participantId: id, detail: id ? { purpose } : { purpose, malformedId: true } };
}

/** The answer to a refused look-up of a thing that is not a person (a company, a group session): nothing, the attempt audited. */
export function refusedRead(entity: string, requestedId: string, purpose: string): Audited<null> {
  return { value: null, audit: { action: 'adgang_naegtet', entity, detail: { requestedId: String(requestedId).slice(0, 64), purpose } } };
}
