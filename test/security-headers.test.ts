/**
 * Issue 11, finding 9: every response carries the security headers — also a URL that fails URL
 * decoding (Fastify answered it with a bare JSON 400), static files and error pages — and an
 * error is a Danish page.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer } from './helpers/server.ts';

const HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'cross-origin-opener-policy',
  'permissions-policy',
];

describe('security headers on every response', () => {
  const srv = useTestServer('pglite');

  it('answers a URL that cannot be decoded with a Danish 400 page and the headers', async () => {
    for (const url of ['/deltagere/%E0%A4%A', '/%ff', '/admin/gdpr/%C0%80/eksport']) {
      const res = await srv.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toContain('Forespørgslen kunne ikke læses');
      expect(res.body).toContain('lang="da"');
      for (const h of HEADERS) expect(res.headers[h], `${url} ${h}`).toBeDefined();
    }
  });

  it('sends them with static files, the login page and error pages too', async () => {
    for (const url of ['/static/app.css', '/login', '/findes-ikke', '/dkfds/js/dkfds.min.js']) {
      const res = await srv.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeLessThan(500);
      for (const h of HEADERS) expect(res.headers[h], `${url} ${h}`).toBeDefined();
    }
  });
});
