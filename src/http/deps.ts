import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Vault } from '../security/vault.ts';
import type { Actor } from '../app/context.ts';

/** What every route needs; built once at start-up. */
export interface AppDeps {
  db: Database;
  vault: Vault;
  config: Config;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    sessionId?: string;
    csrfToken?: string;
  }
}
