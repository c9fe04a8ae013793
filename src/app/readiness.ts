/** What `/readyz` asks of the database: is it reachable, and are its migrations current. */
import type { AppDeps } from '../core/deps.ts';
import { pendingMigrations } from '../db/migrate.ts';

/** The migrations not yet applied (empty when the schema is current). */
export const migrationsBehind = (deps: Pick<AppDeps, 'db'>) => pendingMigrations(deps.db);
