/** Settings from the environment, with the defaults a newcomer needs (see README → Indstillinger). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  secret: string;
  demo: boolean;
  /** Mark cookies Secure (on by default outside demo mode; behind TLS in production). */
  cookieSecure: boolean;
  sessionIdleHours: number;
  suppressThreshold: number;
}

/**
 * The master secret: FREMDRIFT_SECRET, or in demo mode a random one kept in the data folder so
 * a restart can still read the encrypted CPR numbers. Production without a secret is an error.
 */
function resolveSecret(env: NodeJS.ProcessEnv, demo: boolean, dataDir: string): string {
  if (env.FREMDRIFT_SECRET) return env.FREMDRIFT_SECRET;
  // A data folder made in demo mode keeps its secret, so CLI commands can open it later.
  const file = join(dataDir, 'demo-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (!demo) throw new Error('FREMDRIFT_SECRET skal være sat (mindst 16 tegn) uden for demo-tilstand.');
  mkdirSync(dataDir, { recursive: true });
  const s = randomBytes(32).toString('base64url');
  writeFileSync(file, s, { mode: 0o600 });
  return s;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const demo = overrides.demo ?? (env.FREMDRIFT_DEMO === '1' || env.FREMDRIFT_DEMO === 'true');
  const dataDir = resolve(overrides.dataDir ?? env.FREMDRIFT_DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    secret: overrides.secret ?? resolveSecret(env, demo, dataDir),
    demo,
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : !demo,
    sessionIdleHours: Number(env.SESSION_IDLE_HOURS ?? 2),
    suppressThreshold: Number(env.FREMDRIFT_SUPPRESS ?? 5),
    ...overrides,
  };
}
