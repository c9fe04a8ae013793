/**
 * `npm run bench:load`: the server on PostgreSQL with 100,000 demo women, driven by 50 concurrent
 * simulated caseworkers (list, open a woman, add a conversation) and 5 analysts (results) for 60
 * seconds while a register import runs in another process. Reports throughput, p50/p95/p99 latency
 * and errors, and checks afterwards that no write was lost.
 *
 * Options: --women N (100000) --caseworkers N (50) --analysts N (5) --seconds N (60)
 *          --think-ms N (2000: mean pause between a person's actions, drawn 0.5–1.5 × N; 0 = stress)
 *          --pg URL (postgres://postgres@127.0.0.1:5432/postgres) --keep (keep the database afterwards)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from '../src/cli/args.ts';
import { openPostgres } from '../src/db/database.ts';
import { percentile, VirtualUser, type Timing } from './load/client.ts';
import { caseworkerNames, createLoadDatabase, writeHoursFile } from './load/setup.ts';

const { opts, flags } = parseArgs(process.argv.slice(2));
const num = (k: string, d: number) => Number(opts[k]?.[0] ?? d);
const WOMEN = num('women', 100_000);
const CASEWORKERS = num('caseworkers', 50);
const ANALYSTS = num('analysts', 5);
const SECONDS = num('seconds', 60);
const THINK = num('think-ms', 2000);
const PG = opts.pg?.[0] ?? process.env.FREMDRIFT_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECRET = 'fremdrift-load-bench-secret-0123456789';
const OUT = join(import.meta.dirname, 'out');
const log = (s: string) => console.log(s);

/** The conversation form as the caseworker pages post it. */
export const CONVERSATION_PATH = (id: string) => `/deltagere/${id}/samtaler`;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

function startServer(url: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/fremdrift.js', 'serve'], {
      env: { ...process.env, DATABASE_URL: url, FREMDRIFT_SECRET: SECRET, PORT: String(port), HOST: '127.0.0.1',
        COOKIE_SECURE: 'false', DATABASE_POOL_MAX: '20',
        // All simulated people share one loopback address; the per-address limit is for the internet.
        RATE_LIMIT_BURST: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (d) => String(d).includes('kører på') && resolve(child));
    child.on('exit', (c) => reject(new Error(`server stopped (${c})`)));
  });
}

async function main() {
  log(`Fremdrift load test: ${WOMEN} kvinder, ${CASEWORKERS} sagsbehandlere, ${ANALYSTS} analytikere, ${SECONDS} s, tænketid ${THINK} ms`);
  mkdirSync(OUT, { recursive: true });
  const name = `fremdrift_load_${process.pid}`;
  log('Opretter database …');
  const { url, db } = await createLoadDatabase(PG, name, WOMEN, SECRET, log);
  const hoursFile = join(OUT, 'load-loentimer.csv');
  const hoursBytes = writeHoursFile(hoursFile, WOMEN);
  const port = await freePort();
  const server = await startServer(url, port);
  const base = `http://127.0.0.1:${port}`;
  const timings: Timing[] = [];
  const record = (t: Timing) => timings.push(t);
  const token = `load-${Date.now()}`;
  const posted: string[] = [];

  const names = await caseworkerNames(db, CASEWORKERS);
  const caseworkers = names.map(() => new VirtualUser(base, record));
  await Promise.all(caseworkers.map((u, i) => u.login(names[i])));
  const analysts = Array.from({ length: ANALYSTS }, () => new VirtualUser(base, record));
  await Promise.all(analysts.map((u) => u.login('analytiker.siri')));
  timings.length = 0; // logins are set-up, not load

  log(`Belastning i ${SECONDS} s, mens ${(hoursBytes / 1e6).toFixed(0)} MB løntimer indlæses i en anden proces …`);
  const importStart = performance.now();
  let importEnd = 0;
  let importOk = false;
  const importer = spawn(process.execPath, ['bin/fremdrift.js', 'import', '--hours', hoursFile, '--user', 'load-test'], {
    env: { ...process.env, DATABASE_URL: url, FREMDRIFT_SECRET: SECRET }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const importDone = new Promise<void>((r) => importer.on('exit', (c) => { importOk = c === 0; importEnd = performance.now(); r(); }));

  const until = performance.now() + SECONDS * 1000;
  // People read a page before the next click: a pause of 0.5–1.5 × the mean think time.
  const think = () => (THINK > 0 ? new Promise((r) => setTimeout(r, THINK * (0.5 + Math.random()))) : Promise.resolve());
  const today = new Date().toISOString().slice(0, 10);
  const caseworkerLoop = async (u: VirtualUser, i: number) => {
    let n = 0;
    await think(); // people do not all click in the same millisecond
    while (performance.now() < until) {
      const list = await u.request('liste', 'GET', `/deltagere?side=${1 + ((i * 7 + n) % 20)}`);
      const ids = [...list.body.matchAll(/href="\/deltagere\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
      if (!ids.length) continue;
      await think();
      const id = ids[(i + n) % ids.length];
      await u.request('aabn_kvinde', 'GET', `/deltagere/${id}`);
      await think();
      const note = `${token} ${i}-${n}`;
      const r = await u.request('ny_samtale', 'POST', CONVERSATION_PATH(id), {
        date: today, kind: 'individuel', participants: 'Borger og sagsbehandler', interpreterUsed: 'false', note,
      }, [303]);
      if (r.ok) posted.push(note);
      n++;
      await think();
    }
  };
  const analystLoop = async (u: VirtualUser) => {
    await think();
    while (performance.now() < until) {
      await u.request('resultater', 'GET', '/resultater');
      await think();
    }
  };
  const t0 = performance.now();
  await Promise.all([...caseworkers.map(caseworkerLoop), ...analysts.map(analystLoop)]);
  const elapsed = (performance.now() - t0) / 1000;
  await importDone;

  // No write lost: every conversation the server acknowledged is in the database.
  const stored = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM casework_conversation WHERE note LIKE $1`, [`${token}%`])).rows[0].n;
  server.kill('SIGTERM');

  const ops = [...new Set(timings.map((t) => t.op))];
  const rows = ops.map((op) => {
    const ts = timings.filter((t) => t.op === op);
    const ms = ts.map((t) => t.ms).sort((a, b) => a - b);
    return { op, requests: ts.length, errors: ts.filter((t) => !t.ok).length, perSecond: ts.length / elapsed,
      p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99) };
  });
  const cw = timings.filter((t) => t.op !== 'resultater').map((t) => t.ms).sort((a, b) => a - b);
  const total = { requests: timings.length, errors: timings.filter((t) => !t.ok).length, perSecond: timings.length / elapsed,
    caseworkerP95: percentile(cw, 95) };
  log('');
  log('operation      forespørgsler  fejl   pr. s     p50 ms   p95 ms   p99 ms');
  for (const r of rows) {
    log(`${r.op.padEnd(14)} ${String(r.requests).padStart(13)} ${String(r.errors).padStart(5)} ${r.perSecond.toFixed(1).padStart(7)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)}`);
  }
  log(`I alt: ${total.requests} forespørgsler på ${elapsed.toFixed(1)} s = ${total.perSecond.toFixed(1)}/s, ${total.errors} fejl.`);
  log(`Sagsbehandlersider p95: ${total.caseworkerP95.toFixed(1)} ms (mål < 100 ms) → ${total.caseworkerP95 < 100 ? 'nået' : 'IKKE nået'}.`);
  log(`Registerimport: ${importOk ? 'gennemført' : 'FEJLEDE'} på ${((importEnd - importStart) / 1000).toFixed(1)} s under belastningen.`);
  log(`Skrivninger: ${posted.length} samtaler kvitteret, ${stored} fundet i databasen → ${stored === posted.length ? 'ingen tabt' : 'TABT'}.`);
  writeFileSync(join(OUT, 'load-latest.json'), JSON.stringify({ women: WOMEN, caseworkers: CASEWORKERS, analysts: ANALYSTS, thinkMs: THINK, seconds: elapsed, rows, total,
    import: { ok: importOk, seconds: (importEnd - importStart) / 1000 }, writes: { acknowledged: posted.length, stored } }, null, 2));
  await db.close();
  if (!flags.has('keep')) {
    const admin = await openPostgres(PG, 1);
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
  const lost = stored !== posted.length;
  process.exitCode = lost || !importOk ? 1 : 0;
}

await main();
