/** The dependency bundle: what the server and the use cases share, built once at start-up. */
import type { Actor } from './actor.ts';
import type { Config } from './config.ts';
import type { ResourceScope } from './resources.ts';

declare const handleBrand: unique symbol;

/**
 * The database as every layer above src/db/ sees it: a handle to pass to repositories and to the
 * door (db/door.ts), with no way to run SQL. Only db/ turns it back into a connection (db/sql.ts).
 */
export interface DatabaseHandle {
  readonly kind: 'pglite' | 'postgres';
  readonly [handleBrand]: 'database';
  /** Close the connections (at shut-down). */
  close(): Promise<void>;
  /** Connections of the pool (PostgreSQL), for the metrics. */
  poolStats?(): { total: number; idle: number; waiting: number };
  /** Audit records appended through this database since it was opened, for the metrics. */
  auditWrites?(): number;
  /** PGlite: statements asked for and not yet answered (a long job gives way while above 0). */
  busy?(): number;
}

/** CPR encryption, look-up hash and pseudonyms, keyed from the master secret (security/vault.ts). */
export interface Vault {
  encryptCpr(cpr: string): string;
  decryptCpr(enc: string): string;
  hashCpr(cpr: string): string;
  /** Stable pseudonym of a person within a scope (e.g. a project): never reveals CPR or name. */
  pseudonym(cprHash: string, scope: string): string;
  /** Keyed hash of a text for one purpose (e.g. a sign-in throttling key): equal texts match, none can be read back. */
  keyedHash(purpose: string, text: string): string;
}

/** One month of her register status: `YYYY-MM`, the level reached (0–3) and the snapshot in Danish. */
export interface RegisterStatus {
  month: string;
  level: 0 | 1 | 2 | 3;
  snapshot: string;
}

/** Where her monthly register statuses come from, for the timeline on her page. */
export type RegisterStatusSource = (db: DatabaseHandle, actor: Actor, participantId: string) => Promise<RegisterStatus[]>;

export interface AppDeps {
  db: DatabaseHandle;
  vault: Vault;
  config: Config;
  /**
   * Providers, chosen once where the bundle is built (app/providers.ts for the server and the
   * tests; a test may pass its own). Nothing in a module is set from outside at start-up.
   */
  registerStatuses: RegisterStatusSource;
  /**
   * This server's worker threads and caches (core/resources.ts): made on first use, closed when
   * the server closes. A fresh scope for every bundle (app/providers.ts).
   */
  resources: ResourceScope;
}
