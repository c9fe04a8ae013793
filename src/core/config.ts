/**
 * Settings, read from the environment once at start-up (here and nowhere else), with the
 * defaults a newcomer needs (see README → Settings). Everything else receives a `Config`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { makePrivateDir, PRIVATE_FILE_MODE } from './private-files.ts';

/** OpenID Connect sign-in; on when all four OIDC_* variables are set. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** The per-address token bucket (http/rate-limit.ts); burst 0 turns it off. */
export interface RateLimitSettings {
  burst: number;
  perSecond: number;
  loginCost: number;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  /** Connections in the PostgreSQL pool (DATABASE_POOL_MAX). */
  databasePoolMax: number;
  dataDir: string;
  secret: string;
  demo: boolean;
  /** Mark cookies Secure (on by default outside demo mode; behind TLS in production). */
  cookieSecure: boolean;
  sessionIdleHours: number;
  suppressThreshold: number;
  /** Days a woman's personal link to her plan works (CITIZEN_LINK_DAYS). */
  citizenLinkDays: number;
  /** The address the public reaches Fremdrift at, for her link and its QR code (PUBLIC_URL); else the request's own. */
  publicUrl?: string;
  /** Fastify log level (LOG_LEVEL); none = no request log. */
  logLevel?: string;
  /** Trust X-Forwarded-For from a proxy in front (TRUST_PROXY=true). */
  trustProxy: boolean;
  /** Largest register upload in bytes (MAX_UPLOAD_MB, default 300). */
  maxUploadBytes: number;
  rateLimit: RateLimitSettings;
  oidc?: OidcSettings;
  /** Years a closed case is kept after the last exit (RETENTION_YEARS_AFTER_EXIT, default 5). */
  retentionYears: number;
  /** Months the comparison pool is kept after its list was imported (POOL_RETENTION_MONTHS, default 36). */
  poolRetentionMonths: number;
  /** Bearer token for GET /metrics (METRICS_TOKEN); unset: no metrics route. */
  metricsToken?: string;
  /** On SIGTERM, how long running imports may take to finish before they are stopped (SHUTDOWN_GRACE_SECONDS, default 20). */
  shutdownGraceSeconds: number;
  /**
   * Run register imports on the main thread in one transaction, as before the worker thread
   * (PostgreSQL) and the batches (PGlite) (FREMDRIFT_IMPORT_IN_PROCESS=1): only to compare in the benchmark.
   */
  importInProcess: boolean;
  /** PGlite: people per committed batch of a web import (FREMDRIFT_IMPORT_BATCH, default 250; the benchmark compares others). */
  importBatch?: number;
}

/**
 * The master secret: FREMDRIFT_SECRET, or in demo mode a random one kept in the data folder so
 * a restart can still read the encrypted CPR numbers. Production without a secret is an error.
 */
function resolveSecret(env: NodeJS.ProcessEnv, demo: boolean, dataDir: string): string {
  const file = join(dataDir, 'demo-secret');
  // Outside demo mode a demo-secret in the data folder is refused, also beside FREMDRIFT_SECRET:
  // the folder was made for demo data, and its key lies beside the data it protects.
  if (!demo && existsSync(file)) {
    throw new Error(
      `Datamappen ${dataDir} indeholder en demo-secret og er lavet i demo-tilstand. Uden for demo-tilstand bruges den ikke: brug en ny datamappe med FREMDRIFT_SECRET, eller start med --demo.`,
    );
  }
  if (env.FREMDRIFT_SECRET) return env.FREMDRIFT_SECRET;
  // A data folder made in demo mode keeps its secret, so a restart can read its CPR numbers.
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (!demo) throw new Error('FREMDRIFT_SECRET skal være sat (mindst 16 tegn) uden for demo-tilstand.');
  makePrivateDir(dataDir);
  const s = randomBytes(32).toString('base64url');
  writeFileSync(file, s, { mode: PRIVATE_FILE_MODE });
  return s;
}

function oidcFrom(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI } = env;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET || !OIDC_REDIRECT_URI) return undefined;
  return { issuer: OIDC_ISSUER, clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET, redirectUri: OIDC_REDIRECT_URI };
}

function retentionFrom(env: NodeJS.ProcessEnv): number {
  const n = Number(env.RETENTION_YEARS_AFTER_EXIT ?? 5);
  if (!Number.isInteger(n) || n < 0 || n > 100) throw new Error('RETENTION_YEARS_AFTER_EXIT skal være et helt antal år (0–100).');
  return n;
}

function poolRetentionFrom(env: NodeJS.ProcessEnv): number {
  const n = Number(env.POOL_RETENTION_MONTHS ?? 36);
  if (!Number.isInteger(n) || n < 1 || n > 1200) throw new Error('POOL_RETENTION_MONTHS skal være et helt antal måneder (1–1200).');
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const demo = overrides.demo ?? (env.FREMDRIFT_DEMO === '1' || env.FREMDRIFT_DEMO === 'true');
  const dataDir = resolve(overrides.dataDir ?? env.FREMDRIFT_DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolMax: Number(env.DATABASE_POOL_MAX ?? 10),
    dataDir,
    secret: overrides.secret ?? resolveSecret(env, demo, dataDir),
    demo,
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : !demo,
    sessionIdleHours: Number(env.SESSION_IDLE_HOURS ?? 2),
    suppressThreshold: Number(env.FREMDRIFT_SUPPRESS ?? 5),
    citizenLinkDays: Math.min(365, Math.max(1, Number(env.CITIZEN_LINK_DAYS ?? 90) || 90)),
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    logLevel: env.LOG_LEVEL || undefined,
    trustProxy: env.TRUST_PROXY === 'true',
    maxUploadBytes: Number(env.MAX_UPLOAD_MB ?? 300) * 1024 * 1024,
    rateLimit: {
      burst: Number(env.RATE_LIMIT_BURST ?? 1000),
      perSecond: Number(env.RATE_LIMIT_PER_SECOND ?? 20),
      loginCost: Number(env.RATE_LIMIT_LOGIN_COST ?? 25),
    },
    oidc: oidcFrom(env),
    retentionYears: overrides.retentionYears ?? retentionFrom(env),
    poolRetentionMonths: overrides.poolRetentionMonths ?? poolRetentionFrom(env),
    metricsToken: env.METRICS_TOKEN || undefined,
    shutdownGraceSeconds: Number(env.SHUTDOWN_GRACE_SECONDS ?? 20),
    importInProcess: env.FREMDRIFT_IMPORT_IN_PROCESS === '1',
    importBatch: positiveInt(env.FREMDRIFT_IMPORT_BATCH),
    ...overrides,
  };
}

/** A whole number ≥ 1 from the environment, or undefined (unset or not a whole number ≥ 1: the default). */
function positiveInt(v: string | undefined): number | undefined {
  const n = Number(v);
  return v && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** The settings of this process, read from its environment (the CLI commands' entry point). */
export function configFromEnvironment(overrides: Partial<Config> = {}): Config {
  return loadConfig(process.env, overrides);
}

/** Who runs a CLI command, for its audit record (`cli:<login>`). */
export function cliUsername(): string {
  return `cli:${process.env.USER ?? 'ukendt'}`;
}

/**
 * Set only by the register-import kill test: stop an import inside its transaction, before COMMIT,
 * so killing the process always hits a written, uncommitted import.
 */
export function pauseImportBeforeCommit(): boolean {
  return process.env.FREMDRIFT_TEST_PAUSE_BEFORE_COMMIT === '1';
}
