/**
 * Prometheus metrics (prom-client), served at /metrics (src/http/operations.ts). Counters are
 * incremented where things happen (cache look-ups, imports), the HTTP layer adds request latency,
 * and each scrape reads the database's pool and audit counts. One set of metrics per server, in
 * its resource scope (core/resources.ts): two servers in one process (the tests start several)
 * never count into each other's figures. Labels never carry personal data: routes are patterns
 * (`/deltagere/:id`), never URLs.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ResourceKey, ResourceScope } from './resources.ts';

/**
 * The process's own readings (CPU, memory, event loop, garbage collection). They describe the
 * process, which every server in it is part of, so they are made once per process; nothing here
 * counts anything a server does.
 */
const processMetrics = new Registry();
collectDefaultMetrics({ register: processMetrics, prefix: 'fremdrift_' });

/** What a scrape reads from the database behind the server (core/deps.ts `DatabaseHandle`). */
interface DatabaseReadings {
  poolStats?(): { total: number; idle: number; waiting: number };
  auditWrites?(): number;
}

export class Telemetry {
  private readonly registry = new Registry();
  readonly contentType = this.registry.contentType;

  readonly httpDuration = new Histogram({
    name: 'fremdrift_http_request_duration_seconds',
    help: 'Time from request to response, per route pattern, method and status class',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly auditWrites = new Counter({
    name: 'fremdrift_audit_writes_total',
    help: 'Audit records appended (each in the transaction of what it records)',
    registers: [this.registry],
  });

  private readonly cacheLookups = new Counter({
    name: 'fremdrift_results_cache_total',
    help: 'Results look-ups by cache and outcome (memory, stored, stale, computed, miss)',
    labelNames: ['cache', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly importsTotal = new Counter({
    name: 'fremdrift_imports_total',
    help: 'Register imports run by this instance, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly importsRunning = new Gauge({
    name: 'fremdrift_imports_running',
    help: 'Register imports running on this instance',
    registers: [this.registry],
  });

  readonly importRows = new Counter({
    name: 'fremdrift_import_rows_total',
    help: 'Rows of register files imported by this instance',
    registers: [this.registry],
  });

  private readonly pool = {
    total: new Gauge({ name: 'fremdrift_db_pool_connections', help: 'Database connections open in the pool', registers: [this.registry] }),
    idle: new Gauge({ name: 'fremdrift_db_pool_idle', help: 'Idle database connections in the pool', registers: [this.registry] }),
    waiting: new Gauge({
      name: 'fremdrift_db_pool_waiting',
      help: 'Queries waiting for a database connection',
      registers: [this.registry],
    }),
  };

  countCache(cache: string, outcome: string) {
    this.cacheLookups.inc({ cache, outcome });
  }

  /** The Prometheus text of this server's metrics and the process's, after reading the database's counts. */
  async metrics(db: DatabaseReadings): Promise<string> {
    const pool = db.poolStats?.();
    if (pool) {
      this.pool.total.set(pool.total);
      this.pool.idle.set(pool.idle);
      this.pool.waiting.set(pool.waiting);
    }
    const audits = db.auditWrites?.();
    if (audits !== undefined) {
      this.auditWrites.reset();
      this.auditWrites.inc(audits);
    }
    return (await processMetrics.metrics()) + '\n' + (await this.registry.metrics());
  }
}

const TELEMETRY: ResourceKey<Telemetry> = { name: 'telemetry', make: () => new Telemetry() };

/** This server's metrics (made on first use in its scope). */
export const telemetryOf = (resources: ResourceScope): Telemetry => resources.use(TELEMETRY);
