/**
 * Prometheus metrics of this process (prom-client), served at /metrics (src/http/metrics.ts).
 * One registry per process: counters are incremented where things happen (audit writes, cache
 * look-ups, imports), the HTTP layer adds request latency and the database pool's gauges.
 * Labels never carry personal data: routes are patterns (`/deltagere/:id`), never URLs.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'fremdrift_' });

export const httpDuration = new Histogram({
  name: 'fremdrift_http_request_duration_seconds',
  help: 'Time from request to response, per route pattern, method and status class',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const auditWrites = new Counter({
  name: 'fremdrift_audit_writes_total',
  help: 'Audit records appended (each in the transaction of what it records)',
  registers: [registry],
});

export const cacheLookups = new Counter({
  name: 'fremdrift_results_cache_total',
  help: 'Results look-ups by cache and outcome (memory, stored, stale, computed, miss)',
  labelNames: ['cache', 'outcome'] as const,
  registers: [registry],
});

export const importsTotal = new Counter({
  name: 'fremdrift_imports_total',
  help: 'Register imports run by this instance, by outcome',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const importsRunning = new Gauge({
  name: 'fremdrift_imports_running',
  help: 'Register imports running on this instance',
  registers: [registry],
});

export const importRows = new Counter({
  name: 'fremdrift_import_rows_total',
  help: 'Rows of register files imported by this instance',
  registers: [registry],
});

export function countCache(cache: string, outcome: string) {
  cacheLookups.inc({ cache, outcome });
}

export const dbPoolGauges = {
  total: new Gauge({ name: 'fremdrift_db_pool_connections', help: 'Database connections open in the pool', registers: [registry] }),
  idle: new Gauge({ name: 'fremdrift_db_pool_idle', help: 'Idle database connections in the pool', registers: [registry] }),
  waiting: new Gauge({ name: 'fremdrift_db_pool_waiting', help: 'Queries waiting for a database connection', registers: [registry] }),
};
