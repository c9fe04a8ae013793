/** Sign in through the real login form with `inject()` and carry the session cookie and CSRF token. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

export interface Session {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, form: Record<string, string | string[]>): Promise<LightMyRequestResponse>;
}

export const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

function cookiesOf(res: { cookies: { name: string; value: string }[] }) {
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

export function formBody(form: Record<string, string | string[]>) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
}

export async function loginAs(app: FastifyInstance, username: string, password = 'demo', ip = '127.0.0.1'): Promise<Session> {
  const page = await app.inject({ method: 'GET', url: '/login', remoteAddress: ip });
  const pre = cookiesOf(page);
  const res = await app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress: ip,
    headers: { cookie: pre, 'content-type': 'application/x-www-form-urlencoded' },
    payload: formBody({ _csrf: csrfOf(page.body), brugernavn: username, adgangskode: password }),
  });
  if (res.statusCode !== 303) throw new Error(`login as ${username} failed: ${res.statusCode}`);
  const cookie = cookiesOf(res);
  const home = await app.inject({ method: 'GET', url: '/deltagere', headers: { cookie } });
  const any = home.statusCode === 200 ? home : await app.inject({ method: 'GET', url: '/', headers: { cookie } });
  const csrf = csrfOf(any.body);
  return {
    cookie,
    csrf,
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie }, remoteAddress: ip }),
    post: (url, form) =>
      app.inject({
        method: 'POST',
        url,
        remoteAddress: ip,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody({ _csrf: csrf, ...form }),
      }),
  };
}

/** A multipart/form-data body with fields and one file named `file` (the register upload). */
export function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = '----fremdrift' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Upload a register file as the register page's form does: the CSRF token of `/registerdata`'s form
 * in the query (a multipart body is read only after the token is checked), the file as multipart.
 */
export async function uploadRegister(app: FastifyInstance, s: Session, file: { name: string; bytes: Buffer }, kind = 'ydelser') {
  const m = multipart({ kind }, file);
  const csrf = csrfOf((await s.get('/registerdata')).body);
  expect(csrf).not.toBe('');
  return app.inject({
    method: 'POST',
    url: `/registerdata?_csrf=${encodeURIComponent(csrf)}`,
    headers: { cookie: s.cookie, 'content-type': m.type },
    payload: m.body,
  });
}

/** The answer has `status` and its body holds every one of `texts` (the Danish messages of a refused form, a page's headings). */
export function expectAnswer(res: LightMyRequestResponse, status: number, ...texts: string[]) {
  expect(res.statusCode).toBe(status);
  for (const t of texts) expect(res.body).toContain(t);
}

/** A refused form: 400, with every one of `texts` (messages beside the fields, the values kept) in the page. */
export const expectRejected = (res: LightMyRequestResponse, ...texts: string[]) => expectAnswer(res, 400, ...texts);

/** A page's text as a reader sees it: tags read as spaces, the entities pages write (&#39; &quot; &amp;) decoded, spaces folded. */
export const pageText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** The page or download at `url` in session `s`, which must answer 200. */
export async function getOk(s: Session, url: string) {
  const res = await s.get(url);
  expect(res.statusCode, url).toBe(200);
  return res;
}
