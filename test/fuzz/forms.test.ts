/**
 * Fuzzing every form endpoint with malformed input, as a caseworker on her own women: no crash
 * (never a 5xx, never a stack trace), a clear answer, and a rejected form leaves nothing
 * half-written (every row about the woman is byte-for-byte as before).
 */
import { describe, expect, it } from 'vitest';
import { backends } from '../helpers/db.ts';
import { collectRoutes, useTestServer } from '../helpers/server.ts';
import { CASE_FORM_FIELDS, fuzzForm, malformedForm, womanFingerprint } from '../helpers/fuzz.ts';
import { useCaseworker } from '../helpers/world.ts';

/**
 * Posts that are not forms about a woman's case (login, logout, multipart upload, the analysts'
 * code mappings, whose bad input test/register-unknown-codes.test.ts covers).
 */
const NOT_CASE_FORMS = new Set(['/login', '/logout', '/registerdata', '/registerdata/job/:id/koder', '/registerdata/koder/:code']);

const form = malformedForm(
  // The case forms' real field names, and two that no form has (a form must ignore what it does not know).
  [...CASE_FORM_FIELDS, 'answer_1', 'goals'],
  ['ja', 'nej', 'true', '\u0000', '38'],
  8,
);

// One test per POST route, from the route list known when tests are collected: 15 posts per
// route, each followed by a fingerprint of her rows, so each test's time is bounded by one route.
const posts = (await collectRoutes()).filter((r) => r.method === 'POST' && !NOT_CASE_FORMS.has(r.url));

describe.each(backends())('form endpoints under fuzzing on %s', (backend) => {
  const srv = useTestServer(backend);
  // A fresh municipality's caseworker and her one woman.
  const cw = useCaseworker(srv);

  it('fuzzes every POST route of the running server (the collected list is complete)', () => {
    const live = srv.app.routeTable.filter((r) => r.method === 'POST' && !NOT_CASE_FORMS.has(r.url));
    expect(posts.length).toBeGreaterThan(3);
    expect(posts.map((r) => r.url).sort()).toEqual(live.map((r) => r.url).sort());
  });

  it.each(posts.map((r) => r.url))(
    'answers every malformed form to POST %s without a crash and writes nothing for a rejected one',
    async (route) => {
      const url = route.replace(':id', cw.woman.id).replace(/:[a-z]+/g, '00000000-0000-4000-8000-000000000000');
      await fuzzForm(cw.s, url, form, { numRuns: 15, fingerprint: womanFingerprint(srv.t.db, cw.woman.id) });
    },
  );
});
