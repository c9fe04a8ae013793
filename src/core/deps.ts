/** The dependency bundle: what the server and the use cases share, built once at start-up. */
import type { Config } from './config.ts';
import type { Database } from '../db/database.ts';
import type { Vault } from '../security/vault.ts';

export interface AppDeps {
  db: Database;
  vault: Vault;
  config: Config;
}
