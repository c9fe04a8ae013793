/**
 * OpenID Connect sign-in against a real provider (oidc-provider 9 on 127.0.0.1): the full
 * authorization code flow with PKCE, state and nonce, just-in-time provisioning from claims and
 * linking by issuer + subject; a wrong state and an unknown role are refused in Danish. The
 * municipalities and the local account named in the claims are built by this file (test/helpers/world.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
// @ts-expect-error oidc-provider ships no type declarations (and @types/oidc-provider is not installed)
import Provider from 'oidc-provider';
import { buildServer } from '../src/http/server.ts';
import { backends, testDeps } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { createMunicipality, type TestMunicipality } from './helpers/world.ts';

const REDIRECT = 'http://127.0.0.1:3999/login/oidc/callback';
const CLIENT = { id: 'fremdrift', secret: 'en-hemmelig-testklient-0123456789' };

/**
 * The test provider's accounts: sub → claims. Municipality codes and the local user name of
 * `sub-admin` are filled in once this file's municipalities are built.
 */
const accounts: Record<string, Record<string, unknown>> = {
  'sub-kirsten': { name: 'Kirsten Kommune', preferred_username: 'kirsten', fremdrift_rolle: 'sagsbehandler' },
  'sub-admin': { name: 'Anne Admin', fremdrift_rolle: 'administrator' },
  'sub-ukendt': { name: 'Ukendt Rolle', preferred_username: 'ukendt', fremdrift_rolle: 'superbruger' },
};

async function startProvider(): Promise<{ issuer: string; server: Server }> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      { client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [REDIRECT], token_endpoint_auth_method: 'client_secret_post' },
    ],
    scopes: ['openid', 'profile', 'fremdrift'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      fremdrift: ['fremdrift_rolle', 'fremdrift_kommuner', 'fremdrift_organisation'],
    },
    findAccount: async (_ctx: unknown, sub: string) =>
      accounts[sub] ? { accountId: sub, claims: async () => ({ sub, ...accounts[sub] }) } : undefined,
    cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: true } },
  });
  server.on('request', provider.callback());
  return { issuer, server };
}

/** A browser's cookie jar for the provider. */
class Jar {
  private c = new Map<string, string>();
  take(res: Response) {
    for (const sc of res.headers.getSetCookie()) {
      const [pair] = sc.split(';');
      const i = pair.indexOf('=');
      this.c.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }
  header() {
    return [...this.c].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

const cookieOf = (res: LightMyRequestResponse, name: string) => res.cookies.find((c) => c.name === name)?.value;

/** At the provider: sign in as `sub`, consent, and return the redirect back to Fremdrift. */
async function signInAtProvider(authUrl: string, sub: string): Promise<URL> {
  const jar = new Jar();
  let url = authUrl;
  for (let step = 0; step < 20; step++) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location')!, url);
      if (next.href.startsWith(REDIRECT)) return next;
      url = next.href;
      continue;
    }
    const body = await res.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(body)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(body)?.[1];
    if (res.status !== 200 || !prompt || !action) throw new Error(`unexpected provider page ${res.status}: ${body.slice(0, 300)}`);
    const form = new URLSearchParams(prompt === 'login' ? { prompt, login: sub, password: 'x' } : { prompt });
    const post = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      body: form,
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    jar.take(post);
    url = new URL(post.headers.get('location')!, url).href;
  }
  throw new Error('too many steps at the provider');
}

describe.each(backends())('OpenID Connect sign-in on %s', (backend) => {
  let op: { issuer: string; server: Server };
  beforeAll(async () => {
    op = await startProvider();
  });
  afterAll(async () => {
    await new Promise((r) => op?.server.close(r));
  });
  const srv = useTestServer(backend, () => ({
    oidc: { issuer: op.issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, redirectUri: REDIRECT },
  }));
  // Kirsten's municipality, whose local administrator's user name the provider's `sub-admin` claims for another municipality.
  const w = {} as { own: TestMunicipality; other: TestMunicipality };
  beforeAll(async () => {
    w.own = await createMunicipality(srv.t.db, { women: 1 });
    w.other = await createMunicipality(srv.t.db, { women: 1 });
    accounts['sub-kirsten'].fremdrift_kommuner = [w.own.code];
    accounts['sub-ukendt'].fremdrift_kommuner = [w.own.code];
    accounts['sub-admin'].fremdrift_kommuner = w.other.code; // a single code, not a list: both are accepted
    accounts['sub-admin'].preferred_username = w.own.administrator.username;
  });

  /** Start at Fremdrift, sign in at the provider, come back: the callback's response. */
  async function flow(sub: string, next = '/deltagere', app = srv.app) {
    const start = await app.inject({ method: 'GET', url: `/login/oidc?next=${encodeURIComponent(next)}` });
    expect(start.statusCode).toBe(303);
    const auth = new URL(start.headers.location as string);
    expect(auth.origin).toBe(op.issuer);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('state')).toBeTruthy();
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    const pending = cookieOf(start, 'fremdrift_oidc')!;
    expect(pending).toBeTruthy();
    const back = await signInAtProvider(auth.href, sub);
    const res = await app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie: `fremdrift_oidc=${pending}` } });
    return { res, back, pending };
  }

  it('shows the provider button on the login page when configured', async () => {
    const res = await srv.app.inject({ method: 'GET', url: '/login?next=/deltagere' });
    expect(res.body).toContain('Log ind med NemLog-in/organisationens login');
    expect(res.body).toContain('href="/login/oidc?next=%2Fdeltagere"');
  });

  it('signs a new caseworker in through the provider and provisions her from the claims', async () => {
    const { res } = await flow('sub-kirsten');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/deltagere');
    const sid = cookieOf(res, 'fremdrift_sid')!;
    const list = await srv.app.inject({ method: 'GET', url: '/deltagere', headers: { cookie: `fremdrift_sid=${sid}` } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Kirsten Kommune');
    const u = await srv.t.db.query<{ username: string; role: string; password_hash: string | null; codes: string[] }>(
      `SELECT u.username, u.role, u.password_hash, array_agg(om.municipality_code::text) AS codes
       FROM user_identity i JOIN app_user u ON u.id = i.user_id JOIN organisation_municipality om ON om.organisation_id = u.organisation_id
       WHERE i.issuer = $1 AND i.subject = 'sub-kirsten' GROUP BY u.id`,
      [op.issuer],
    );
    expect(u.rows).toHaveLength(1);
    expect(u.rows[0]).toMatchObject({ username: `kirsten@${new URL(op.issuer).host}`, role: 'sagsbehandler', password_hash: null });
    expect(u.rows[0].codes).toContain(w.own.code);
    // A fresh session lasts the idle time (2 hours), not the 12-hour maximum.
    const { sha256 } = await import('../src/db/users.ts');
    const left = await srv.t.db.query<{ h: number }>(
      'SELECT extract(epoch FROM expires_at - now()) / 3600 AS h FROM user_session WHERE id_hash = $1',
      [sha256(sid)],
    );
    expect(left.rows[0].h).toBeLessThanOrEqual(2.01);
    const audit = await srv.t.db.query(`SELECT 1 FROM audit_log WHERE action = 'login' AND username = $1 AND detail->>'method' = 'oidc'`, [
      u.rows[0].username,
    ]);
    expect(audit.rows).toHaveLength(1);
  });

  it('links a second sign-in to the same user by issuer and subject, and updates the role from the claims', async () => {
    accounts['sub-kirsten'].fremdrift_rolle = 'projektleder';
    const { res } = await flow('sub-kirsten');
    expect(res.statusCode).toBe(303);
    const users = await srv.t.db.query<{ role: string }>(
      `SELECT u.role FROM user_identity i JOIN app_user u ON u.id = i.user_id WHERE i.subject = 'sub-kirsten'`,
    );
    expect(users.rows).toEqual([{ role: 'projektleder' }]);
    accounts['sub-kirsten'].fremdrift_rolle = 'sagsbehandler';
  });

  it('never takes over a local account with the same user name', async () => {
    const { res } = await flow('sub-admin', '/');
    expect(res.statusCode).toBe(303);
    const rows = await srv.t.db.query<{ username: string; organisation: string }>(
      `SELECT u.username, o.name AS organisation FROM user_identity i JOIN app_user u ON u.id = i.user_id JOIN organisation o ON o.id = u.organisation_id WHERE i.subject = 'sub-admin'`,
    );
    expect(rows.rows[0].username).not.toBe(w.own.administrator.username);
    expect(rows.rows[0].organisation).toBe(`Jobcenter ${w.other.name}`);
  });

  it('refuses a token for an unknown role with a Danish message, and creates no user or session', async () => {
    const { res } = await flow('sub-ukendt');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Din rolle (superbruger) giver ikke adgang til Fremdrift');
    expect(cookieOf(res, 'fremdrift_sid')).toBeUndefined();
    expect((await srv.t.db.query(`SELECT 1 FROM user_identity WHERE subject = 'sub-ukendt'`)).rows).toHaveLength(0);
    expect(
      (await srv.t.db.query(`SELECT 1 FROM audit_log WHERE action = 'login_afvist' AND username = 'oidc:sub-ukendt'`)).rows,
    ).toHaveLength(1);
  });

  it('rejects a wrong state, a replayed callback and a callback without the browser cookie', async () => {
    const start = await srv.app.inject({ method: 'GET', url: '/login/oidc' });
    const pending = cookieOf(start, 'fremdrift_oidc')!;
    const back = await signInAtProvider(start.headers.location as string, 'sub-kirsten');
    const wrong = new URL(back);
    wrong.searchParams.set('state', 'forfalsket');
    const bad = await srv.app.inject({
      method: 'GET',
      url: wrong.pathname + wrong.search,
      headers: { cookie: `fremdrift_oidc=${pending}` },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Login-forsøget kunne ikke bekræftes');
    expect(cookieOf(bad, 'fremdrift_sid')).toBeUndefined();
    // The pending sign-in was used up by the failed attempt: the genuine answer cannot be replayed.
    const replay = await srv.app.inject({
      method: 'GET',
      url: back.pathname + back.search,
      headers: { cookie: `fremdrift_oidc=${pending}` },
    });
    expect(replay.statusCode).toBe(400);
    // Another browser (no cookie) cannot use someone else's code.
    const other = await flow('sub-kirsten');
    const stolen = await srv.app.inject({ method: 'GET', url: other.back.pathname + other.back.search });
    expect(stolen.statusCode).toBe(400);
    expect(cookieOf(stolen, 'fremdrift_sid')).toBeUndefined();
  });

  it('keeps each server its own provider configuration: a second server with a wrong client secret is refused', async () => {
    // The first server has fetched its configuration (client secret included) ...
    expect((await flow('sub-kirsten')).res.statusCode).toBe(303);
    // ... a second server in the same process, same issuer and client id, but another secret, must
    // use its own: the provider refuses its code exchange. A shared cache would sign it in.
    const wrong = { issuer: op.issuer, clientId: CLIENT.id, clientSecret: 'en-forkert-testklient-0123456789', redirectUri: REDIRECT };
    const other = await buildServer(testDeps(srv.t.db, { oidc: wrong }));
    try {
      const { res } = await flow('sub-kirsten', '/deltagere', other);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Login-forsøget kunne ikke bekræftes');
      expect(cookieOf(res, 'fremdrift_sid')).toBeUndefined();
    } finally {
      await other.close();
    }
    // Closing the second server leaves the first one's configuration alone.
    expect((await flow('sub-kirsten')).res.statusCode).toBe(303);
  });
});
