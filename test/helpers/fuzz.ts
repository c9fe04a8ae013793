/**
 * The one skeleton of the form fuzzers (test/fuzz/forms.test.ts, test/casework-fuzz.test.ts,
 * test/steering-forms-fuzz.test.ts): malformed values under real field names, posted to each
 * form; the answer is never a 5xx or a stack trace, and a form that is not saved writes nothing.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { Session } from './http.ts';

/** Values every form must survive: empty, numbers out of range, impossible dates, huge, markup, SQL, NUL, emoji. */
const NASTY = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  '2099-01-01',
  '0000-00-00',
  '31-02-2021',
  '2021-02-31',
  'on',
  '12345678',
  'x'.repeat(5000),
  '<script>alert(1)</script>',
  "'; DROP TABLE participant; --",
  'a\u0000b',
  '😀',
  '37,5',
];

/** The fields of the enrolment form (`/indskrivning`; the re-enrolment form takes some of them). */
export const ENROLMENT_FIELDS = [
  'cpr',
  'firstName',
  'lastName',
  'countryOfOrigin',
  'enrolmentDate',
  'caseworkerId',
  'overrideReason',
  'flereSkalMedGruppe',
  'recruitmentChannel',
  'projectId',
];

/**
 * The fields of a woman's case forms both form fuzzers post: conversation, activity, plan, exit and
 * visitation, assessment, and enrolment.
 */
export const CASE_FORM_FIELDS = [
  'date',
  'kind',
  'participants',
  'interpreterUsed',
  'note',
  'typeKey',
  'provider',
  'cvr',
  'startDate',
  'endDate',
  'hoursPerWeek',
  'status',
  'jobGoal',
  'abcStrategy.a',
  'abcStrategy.b',
  'abcStrategy.c',
  'cvOnJobnet',
  'cvDate',
  'reason',
  'exitDate',
  'visitation',
  'instrumentKey',
  ...ENROLMENT_FIELDS,
];

/** One field: a random string or a nasty value, plus the values that mean something to these forms (`extra`). */
export function malformedField(extra: string[] = []): fc.Arbitrary<string> {
  return fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...NASTY, ...extra));
}

/** A form of up to `maxKeys` of the given field names, each with a malformed value. */
export function malformedForm(keys: string[], extra: string[] = [], maxKeys = 10): fc.Arbitrary<Record<string, string>> {
  return fc.dictionary(fc.constantFrom(...keys), malformedField(extra), { maxKeys });
}

/**
 * Every row about her, in every table with a participant_id (but the audit log, which records the
 * attempt), and her own row; `also` adds a query of other rows the forms may write (no parameters).
 */
export function womanFingerprint(db: Database, womanId: string, also?: string): () => Promise<string> {
  return async () => {
    const tables = (
      await db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.columns
        WHERE column_name = 'participant_id' AND table_schema = 'public' AND table_name <> 'audit_log' ORDER BY table_name`,
      )
    ).rows.map((r) => r.table_name);
    const parts = [`SELECT md5(p::text) AS d FROM participant p WHERE id = $1`];
    for (const tb of tables)
      parts.push(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${tb} x WHERE participant_id = $1`);
    if (also) parts.push(`SELECT md5(coalesce((${also}), ''))`);
    return (await db.query<{ d: string }>(parts.join(' UNION ALL '), [womanId])).rows.map((x) => x.d).join(',');
  };
}

export interface FuzzOptions {
  numRuns: number;
  /** The state a rejected form must leave unchanged. */
  fingerprint: () => Promise<string>;
  /** Answers allowed besides "saved" (303); default: anything under 500. */
  allowed?: number[];
  /** What a rejected form's page must say (e.g. the error summary's heading). */
  rejectedSays?: string;
}

/** Post `form` values to `url` `numRuns` times and check the answer and that a rejection wrote nothing. */
export async function fuzzForm(s: Session, url: string | fc.Arbitrary<string>, form: fc.Arbitrary<Record<string, string>>, o: FuzzOptions) {
  const urls = typeof url === 'string' ? fc.constant(url) : url;
  await fc.assert(
    fc.asyncProperty(urls, form, async (u, f) => {
      const before = await o.fingerprint();
      const res = await s.post(u, f);
      const what = `${u} ${JSON.stringify(f).slice(0, 200)}`;
      if (o.allowed) expect([303, ...o.allowed], what).toContain(res.statusCode);
      else expect(res.statusCode, what).toBeLessThan(500);
      expect(res.body).not.toMatch(/at [\w.]+ \(.*\.ts:\d+/);
      if (res.statusCode !== 303) {
        if (o.rejectedSays) expect(res.body, what).toContain(o.rejectedSays);
        expect(await o.fingerprint(), `${u} changed data on a rejected form`).toBe(before);
      }
    }),
    { numRuns: o.numRuns },
  );
}
