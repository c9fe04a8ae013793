/**
 * Two real instances (`fremdrift serve`) behind HAProxy on one PostgreSQL database: a session
 * started on one works on the other; an import started on one shows its progress on the other,
 * and its results appear there at once. SIGTERM during an import leaves the database as before
 * (no grace: the import's transaction is rolled back) or complete (grace: it finishes first).
 * Needs PostgreSQL and Debian's haproxy; in CI both are required.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, haproxyAvailable, startHaproxy, startInstance, type Balancer, type Instance } from '../bench/load/cluster.ts';
import { generateCohort } from '../src/demo/cohort.ts';
import { ydelserWideCsv } from '../src/demo/csv.ts';
import { generateRegisterData } from '../src/demo/register.ts';
import { demoWorld } from '../src/demo/world.ts';
import { lastCompleteMonth } from '../src/demo/current.ts';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { addMonths } from '../src/monitoring/calendar.ts';
import { backends, openTestDb, type TestDb } from './helpers/db.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { multipart } from './helpers/http.ts';
import { registerState } from './helpers/register.ts';
import { createMunicipality } from './helpers/world.ts';

const haproxy = haproxyAvailable();
if (!haproxy && process.env.CI) throw new Error('haproxy is required in CI (apt-get install -y haproxy)');
if (!haproxy) console.warn('[tests] haproxy not installed: the scale-out test is left out (apt-get install -y haproxy).');

/** A browser-like client against one base URL: cookies, CSRF token, no redirects followed. */
class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(public base: string) {}
  at(base: string) {
    const c = new Client(base);
    c.cookies = this.cookies;
    c.csrf = this.csrf;
    return c;
  }
  async req(path: string, init: { method?: string; form?: Record<string, string>; body?: Buffer; type?: string; json?: boolean } = {}) {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (init.type) headers['content-type'] = init.type;
    if (init.json) headers.accept = 'application/json';
    const res = await fetch(this.base + path, {
      method: init.method ?? (init.form || init.body ? 'POST' : 'GET'),
      redirect: 'manual',
      headers,
      body: init.form
        ? new URLSearchParams({ _csrf: this.csrf, ...init.form }).toString()
        : init.body
          ? new Uint8Array(init.body)
          : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      this.cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const body = await res.text();
    const m = /name="_csrf" value="([^"]+)"/.exec(body);
    if (m) this.csrf = m[1];
    return { status: res.status, body, location: res.headers.get('location') };
  }
  async login(user: string) {
    await this.req('/login');
    const r = await this.req('/login', { form: { brugernavn: user, adgangskode: 'demo' } });
    if (r.status !== 303) throw new Error(`login ${user}: ${r.status}`);
    await this.req('/registerdata');
  }
  upload(kind: string, name: string, bytes: Buffer) {
    const m = multipart({ kind }, { name, bytes });
    return this.req(`/registerdata?_csrf=${encodeURIComponent(this.csrf)}`, { body: m.body, type: m.type });
  }
  async job(location: string) {
    return JSON.parse((await this.req(`${location}.json`, { json: true })).body) as { status: string; percent: number; text: string };
  }
}

describe.runIf(haproxy && backends().includes('postgres'))('two instances behind HAProxy', () => {
  let t: TestDb;
  let a: Instance;
  let b: Instance;
  let lb: Balancer;
  let dir: string;
  let bigFile: Buffer;
  let stopFile: Buffer;
  const env = () => ({ DATABASE_URL: t.url!, FREMDRIFT_SECRET: TEST_SECRET, RATE_LIMIT_BURST: '0' });

  beforeAll(async () => {
    t = await openTestDb('postgres');
    dir = mkdtempSync(join(tmpdir(), 'fremdrift-scale-'));
    // Women the demo database does not know (both its projects): a different seed. Their weeks run
    // past the demo's register data (to the last complete month), so the new batch is the latest.
    const today = todayInDenmark();
    const taken = new Set(demoWorld({ today }).women.map((w) => w.cpr));
    const to = addMonths(lastCompleteMonth(today), 2);
    const file = (seed: number) => {
      const reg = generateRegisterData(generateCohort({ seed, size: 21_000 }), { to });
      reg.persons = reg.persons.filter((p) => !taken.has(p.cpr)).slice(0, 20_000);
      for (const p of reg.persons) taken.add(p.cpr);
      return Buffer.concat([...ydelserWideCsv(reg)].map((c) => Buffer.from(c)));
    };
    bigFile = file(91);
    stopFile = file(92);
    [a, b] = await Promise.all([startInstance(env(), await freePort()), startInstance(env(), await freePort())]);
    lb = await startHaproxy(await freePort(), [a.port, b.port]);
  });
  afterAll(async () => {
    await lb?.stop();
    for (const i of [a, b]) {
      i?.child.kill('SIGTERM');
      await i?.exited;
    }
    rmSync(dir, { recursive: true, force: true });
    await t?.cleanup();
  });

  it('keeps a session started on one instance on the other and through the balancer', async () => {
    const onA = new Client(`http://127.0.0.1:${a.port}`);
    await onA.login((await createMunicipality(t.db, { women: 1 })).caseworker.username); // test/helpers/world.ts
    const list = await onA.at(`http://127.0.0.1:${b.port}`).req('/deltagere');
    expect(list.status).toBe(200);
    expect(list.body).toContain('Mine borgere');
    const viaLb = onA.at(lb.url);
    for (let i = 0; i < 4; i++) expect((await viaLb.req('/deltagere')).status).toBe(200);
    // Writes through the balancer land once, whichever instance takes them.
    const woman = /href="\/deltagere\/([0-9a-f-]{36})"/.exec(list.body)![1];
    const note = `scale-out ${Date.now()}`;
    const saved = await viaLb.req(`/deltagere/${woman}/samtaler`, {
      form: {
        date: new Date().toISOString().slice(0, 10),
        kind: 'individuel',
        participants: 'Borger og sagsbehandler',
        interpreterUsed: 'false',
        note,
      },
    });
    expect(saved.status).toBe(303);
    expect((await t.db.query('SELECT 1 FROM casework_conversation WHERE note = $1', [note])).rowCount).toBe(1);
  });

  it('shows an import started on one instance with its progress on the other, and its results there at once', async () => {
    const analyst = new Client(`http://127.0.0.1:${a.port}`);
    await analyst.login('analytiker.siri');
    const onB = analyst.at(`http://127.0.0.1:${b.port}`);
    const before = await onB.req('/resultater');
    expect(before.status).toBe(200);
    const started = await analyst.upload('ydelser', 'ydelser-skala.csv', bigFile);
    expect(started.status).toBe(303);
    const location = started.location!;
    const seen: { status: string; percent: number }[] = [];
    for (const until = Date.now() + 120_000; Date.now() < until;) {
      const j = await onB.job(location);
      seen.push(j);
      if (j.status !== 'koerer') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen.some((j) => j.status === 'koerer')).toBe(true);
    const last = seen.at(-1)!;
    expect(last.status).toBe('faerdig');
    expect(last.percent).toBe(100);
    const done = await onB.job(location);
    expect(done.text).toMatch(/ydelser-skala\.csv er indlæst som parti \d+: 20\.000 rækker, 20\.000 personer/);
    // The new batch is in B's results at once, read from the national results computed by the job.
    const batch = (await t.db.query<{ period_to: string }>(`SELECT period_to FROM register_batch WHERE file_name = 'ydelser-skala.csv'`))
      .rows[0];
    const t0 = performance.now();
    const after = await onB.req('/resultater');
    const ms = performance.now() - t0;
    expect(after.status).toBe(200);
    // The page writes the week in words: '2026-W05' → 'uge 5 i 2026'.
    expect(after.body).toContain(`ydelser til og med uge ${Number(batch.period_to.slice(6))} i ${batch.period_to.slice(0, 4)}`);
    expect(after.body).not.toContain('ved at blive beregnet');
    expect(ms).toBeLessThan(10_000);
  }, 180_000);

  it('SIGTERM during an import with no grace rolls it back; with grace it completes; both exit cleanly', async () => {
    const analyst = new Client(`http://127.0.0.1:${a.port}`);
    await analyst.login('analytiker.siri');
    // No grace: the import is stopped and its transaction rolled back.
    const c = await startInstance({ ...env(), SHUTDOWN_GRACE_SECONDS: '0' }, await freePort());
    const before = await registerState(t);
    const onC = analyst.at(`http://127.0.0.1:${c.port}`);
    await onC.req('/registerdata');
    const started = await onC.upload('ydelser', 'ydelser-stop.csv', stopFile);
    expect(started.status).toBe(303);
    for (let i = 0; i < 600; i++) {
      const j = await analyst.job(started.location!); // read through A
      if (j.status !== 'koerer' || j.percent > 5) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    c.child.kill('SIGTERM');
    expect(await c.exited).toBe(0);
    expect(await registerState(t)).toEqual(before);
    const stopped = await analyst.job(started.location!);
    expect(stopped.status).toBe('fejl');
    expect(stopped.text).toContain('afbrudt, fordi serveren stoppede. Intet er gemt');

    // With grace: the import finishes before the instance exits.
    const d = await startInstance({ ...env(), SHUTDOWN_GRACE_SECONDS: '120' }, await freePort());
    const onD = analyst.at(`http://127.0.0.1:${d.port}`);
    await onD.req('/registerdata');
    const again = await onD.upload('ydelser', 'ydelser-stop.csv', stopFile);
    expect(again.status).toBe(303);
    d.child.kill('SIGTERM');
    expect(await d.exited).toBe(0);
    const finished = await analyst.job(again.location!);
    expect(finished.status).toBe('faerdig');
    const after = await registerState(t);
    expect(after.batches).toBe(before.batches + 1);
    const stored = (
      await t.db.query<{ persons: number; changed_persons: number }>(
        `SELECT persons, changed_persons FROM register_batch WHERE file_name = 'ydelser-stop.csv'`,
      )
    ).rows;
    expect(stored.length).toBe(1);
    expect(stored[0].persons).toBe(20_000);
    // Every woman of the file with any code got her row (women without a code are not written).
    expect(stored[0].changed_persons).toBeGreaterThan(15_000);
    expect(after.persons).toBe(before.persons + stored[0].changed_persons);
  }, 300_000);
});
