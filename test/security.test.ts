/**
 * Hardening: per-address rate limiting (429, Danish page, dearer sign-ins), Secure cookies and
 * HSTS with COOKIE_SECURE, session rotation at sign-in, idle and absolute session expiry, and
 * no stack trace on an unexpected error. The users signing in are a fresh municipality's
 * (test/helpers/world.ts), not the demo's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/http/server.ts';
import { TokenBuckets } from '../src/http/rate-limit.ts';
import { backends, testDeps } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { csrfOf, formBody, loginAs } from './helpers/http.ts';
import { createMunicipality, type TestMunicipality } from './helpers/world.ts';

describe('token bucket', () => {
  it('allows a burst, then refills at the set rate, and charges sign-ins more', () => {
    let now = 0;
    const b = new TokenBuckets({ burst: 10, perSecond: 2, loginCost: 5, now: () => now });
    for (let i = 0; i < 10; i++) expect(b.take('a', 1)).toBe(0);
    expect(b.take('a', 1)).toBe(1);
    expect(b.take('b', 1)).toBe(0); // per address
    now += 1000; // two tokens back
    expect(b.take('a', 1)).toBe(0);
    expect(b.take('a', 1)).toBe(0);
    expect(b.take('a', 1)).toBeGreaterThan(0);
    now += 1000;
    expect(b.take('a', 5)).toBe(2); // needs 5, has 2: wait ceil(3 / 2) s
    now += 60_000;
    expect(b.take('a', 5)).toBe(0);
  });
});

describe.each(backends())('hardening on %s', (backend) => {
  const srv = useTestServer(backend);
  let m: TestMunicipality;
  beforeAll(async () => {
    m = await createMunicipality(srv.t.db, { women: 1 });
  });

  it('rate-limits an address with a Danish 429 page; a sign-in costs more than a page view', async () => {
    const limited = await buildServer(testDeps(srv.t.db, { rateLimit: { burst: 60, perSecond: 0.001, loginCost: 20 } }));
    try {
      const ip = '203.0.113.7';
      const page = await limited.inject({ method: 'GET', url: '/login', remoteAddress: ip });
      const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const post = () =>
        limited.inject({
          method: 'POST',
          url: '/login',
          remoteAddress: ip,
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: formBody({ _csrf: csrfOf(page.body), brugernavn: 'ingen', adgangskode: 'forkert' }),
        });
      expect((await post()).statusCode).toBe(401); // 1 + 20
      expect((await post()).statusCode).toBe(401); // 41
      const third = await post(); // 61 > 60
      expect(third.statusCode).toBe(429);
      expect(third.headers['retry-after']).toMatch(/^\d+$/);
      expect(third.headers['content-security-policy']).toBeTruthy();
      expect(third.body).toContain('For mange forespørgsler fra din adresse');
      expect(third.body).toContain('<html lang="da">');
      // Plain page views still fit in what is left; another address is unaffected.
      for (let i = 0; i < 19; i++) expect((await limited.inject({ method: 'GET', url: '/login', remoteAddress: ip })).statusCode).toBe(200);
      expect((await limited.inject({ method: 'GET', url: '/login', remoteAddress: ip })).statusCode).toBe(429);
      expect((await limited.inject({ method: 'GET', url: '/login', remoteAddress: '203.0.113.8' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('marks cookies Secure and sends HSTS when COOKIE_SECURE is on, and not when off', async () => {
    const secure = await buildServer(testDeps(srv.t.db, { cookieSecure: true }));
    try {
      const page = await secure.inject({ method: 'GET', url: '/login' });
      expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(page.cookies.every((c) => c.secure && c.httpOnly)).toBe(true);
      const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const res = await secure.inject({
        method: 'POST',
        url: '/login',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody({ _csrf: csrfOf(page.body), brugernavn: m.administrator.username, adgangskode: 'demo' }),
      });
      const sid = res.cookies.find((c) => c.name === 'fremdrift_sid')!;
      expect(sid).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    } finally {
      await secure.close();
    }
    const plain = await srv.app.inject({ method: 'GET', url: '/login' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('rotates the session id at sign-in: the old session is gone', async () => {
    const first = await loginAs(srv.app, m.caseworker.username);
    const page = await srv.app.inject({ method: 'GET', url: '/login?next=/', headers: { cookie: first.cookie } });
    expect(page.statusCode).toBe(303); // already signed in
    const pre = await srv.app.inject({ method: 'GET', url: '/login' });
    const cookie = [first.cookie, ...pre.cookies.map((c) => `${c.name}=${c.value}`)].join('; ');
    const again = await srv.app.inject({
      method: 'POST',
      url: '/login',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({ _csrf: first.csrf, brugernavn: m.caseworker.username, adgangskode: 'demo' }),
    });
    expect(again.statusCode).toBe(303);
    const oldSid = /fremdrift_sid=([^;]+)/.exec(first.cookie)![1];
    const newSid = again.cookies.find((c) => c.name === 'fremdrift_sid')!.value;
    expect(newSid).not.toBe(oldSid);
    expect((await first.get('/deltagere')).statusCode).toBe(303);
    expect((await srv.app.inject({ method: 'GET', url: '/deltagere', headers: { cookie: `fremdrift_sid=${newSid}` } })).statusCode).toBe(
      200,
    );
  });

  const sidHash = async (cookie: string) => {
    const { sha256 } = await import('../src/db/users.ts');
    return sha256(/fremdrift_sid=([^;]+)/.exec(cookie)![1]);
  };

  /** Move a session back in time, as if everything about it happened `interval` earlier. */
  const travel = (h: string, interval: string) =>
    srv.t.db.query(
      `UPDATE user_session SET created_at = created_at - $2::interval, last_seen = last_seen - $2::interval, expires_at = expires_at - $2::interval
     WHERE id_hash = $1`,
      [h, interval],
    );

  it('ends a session left unused for longer than the idle time (SESSION_IDLE_HOURS, 2)', async () => {
    const s = await loginAs(srv.app, m.caseworker.username);
    const h = await sidHash(s.cookie);
    await travel(h, '1 hour 50 minutes');
    expect((await s.get('/deltagere')).statusCode).toBe(200);
    const fresh = await loginAs(srv.app, m.caseworker.username);
    await travel(await sidHash(fresh.cookie), '2 hours 1 minute');
    const res = await fresh.get('/deltagere');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/login/);
  });

  it('ends a session 12 hours after sign-in however busy it is', async () => {
    const s = await loginAs(srv.app, m.caseworker.username);
    const h = await sidHash(s.cookie);
    // Eleven hours and 59 minutes in: still valid, but activity cannot carry it past 12 hours.
    await srv.t.db.query(
      `UPDATE user_session SET created_at = now() - interval '11 hours 59 minutes', expires_at = now() + interval '1 minute' WHERE id_hash = $1`,
      [h],
    );
    expect((await s.get('/deltagere')).statusCode).toBe(200);
    const left = await srv.t.db.query<{ s: number }>(
      `SELECT extract(epoch FROM expires_at - now()) AS s FROM user_session WHERE id_hash = $1`,
      [h],
    );
    expect(left.rows[0].s).toBeLessThanOrEqual(61);
    await srv.t.db.query(
      `UPDATE user_session SET created_at = now() - interval '12 hours 1 minute', expires_at = now() - interval '1 minute' WHERE id_hash = $1`,
      [h],
    );
    expect((await s.get('/deltagere')).statusCode).toBe(303);
  });

  it('shows the Danish 500 page without the stack or the error text on an unexpected error', async () => {
    const boom = await buildServer(testDeps(srv.t.db));
    boom.get('/test/fejl', async () => {
      throw new TypeError('hemmelig intern detalje: cannot read properties of undefined');
    });
    const quiet = console.error;
    console.error = () => undefined;
    try {
      const res = await boom.inject({ method: 'GET', url: '/test/fejl' });
      expect(res.statusCode).toBe(500);
      expect(res.body).toContain('Der skete en uventet fejl');
      expect(res.body).not.toContain('hemmelig intern detalje');
      expect(res.body).not.toMatch(/TypeError|at .+\.ts:\d+|node:internal/);
      const json = await boom.inject({ method: 'GET', url: '/test/fejl', headers: { accept: 'application/json' } });
      expect(json.statusCode).toBe(500);
      expect(json.body).not.toContain('hemmelig');
    } finally {
      console.error = quiet;
      await boom.close();
    }
  });
});
