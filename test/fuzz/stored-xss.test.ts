/**
 * Stored XSS: free text saved through a form is read back from every page that shows it, and
 * is there only escaped. Random text rich in `<`, `>`, `"`, `'` and `&` (and known attack
 * strings) goes into a conversation note, an activity's provider and the plan's job goal;
 * each accepted save is followed by reading her page (and the form that edits it). The woman and
 * her caseworker belong to a fresh municipality of this file (test/helpers/world.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { todayInDenmark } from '../../src/app/casework/today.ts';
import { cvrMod11Ok } from '../../src/domain/cvr.ts';
import { runs } from '../fast-check-setup.ts';
import { backends } from '../helpers/db.ts';
import { useTestServer } from '../helpers/server.ts';
import { useCaseworker } from '../helpers/world.ts';

const ATTACKS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "' autofocus onfocus='alert(3)",
  '</textarea><svg onload=alert(4)>',
  '&lt;b&gt; already escaped?',
  '<a href="javascript:alert(5)">x</a>',
];
/** Text a caseworker could type, rich in what HTML treats specially; no control characters. */
const text = fc
  .oneof(
    fc.constantFrom(...ATTACKS),
    fc.string({
      unit: fc.constantFrom('<', '>', '"', "'", '&', '/', '=', ' ', 'a', 'ø', 'x', 'script', 'onerror'),
      minLength: 3,
      maxLength: 40,
    }),
  )
  .map((s) => `${s.trim()}#`); // a visible end, so that the text is never blank after trimming
/**
 * A unique start for each saved text, so that finding it raw means this text was shown raw:
 * without it, `>=/#` is "found raw" in `<td>=/#` when an earlier save was the harmless `=/#`.
 */
let saves = 0;
const tagged = (v: string) => `t${++saves}_${v}`;

/** The escaping every page uses, written out here rather than taken from the code under test. */
const escaped = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const da = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const validCvr = () => {
  for (let n = 40000000; ; n++) if (cvrMod11Ok(String(n))) return String(n);
};

describe.each(backends())('stored text is shown escaped on %s', (backend) => {
  const srv = useTestServer(backend);
  const cw = useCaseworker(srv);

  /** The page shows `typed` escaped, and nowhere raw (when it has anything HTML would read). */
  function expectEscaped(body: string, typed: string, where: string) {
    expect(body, `${where}: ${typed} shown escaped`).toContain(escaped(typed));
    if (/[<>"'&]/.test(typed)) expect(body.includes(typed), `${where}: ${typed} shown raw`).toBe(false);
  }

  const forms: { name: string; save: (v: string) => Promise<number>; read: () => Promise<string[]> }[] = [
    {
      name: 'conversation note',
      save: async (v) =>
        (await cw.s.post(`/deltagere/${cw.woman.id}/samtaler`, { date: da(todayInDenmark()), kind: 'individuel', note: v })).statusCode,
      read: async () => [(await cw.s.get(`/deltagere/${cw.woman.id}/samtaler`)).body],
    },
    {
      name: 'activity provider',
      save: async (v) =>
        (
          await cw.s.post(`/deltagere/${cw.woman.id}/aktiviteter`, {
            typeKey: 'virksomhedspraktik',
            provider: v,
            cvr: validCvr(),
            companyConsent: 'navn',
            startDate: da(todayInDenmark()),
            endDate: '',
            hoursPerWeek: '10',
            status: 'i_gang',
          })
        ).statusCode,
      read: async () => [(await cw.s.get(`/deltagere/${cw.woman.id}/aktiviteter`)).body],
    },
    {
      name: 'plan job goal',
      save: async (v) => (await cw.s.post(`/deltagere/${cw.woman.id}/plan`, { jobGoal: v })).statusCode,
      read: async () => [(await cw.s.get(`/deltagere/${cw.woman.id}`)).body, (await cw.s.get(`/deltagere/${cw.woman.id}/plan`)).body],
    },
  ];

  it.each(forms.map((f) => [f.name, f] as const))('%s: every saved text is read back escaped', async (_name, f) => {
    let saved = 0;
    await fc.assert(
      fc.asyncProperty(text, async (typed) => {
        const v = tagged(typed);
        const status = await f.save(v);
        expect(status, v).toBeLessThan(500);
        if (status !== 303) return;
        saved++;
        for (const body of await f.read()) expectEscaped(body, v, f.name);
      }),
      { numRuns: runs(15) },
    );
    // Every attack string is saved and read back too (not left to chance).
    for (const v of ATTACKS.map(tagged)) {
      expect(await f.save(v), `${f.name}: ${v}`).toBe(303);
      saved++;
      for (const body of await f.read()) expectEscaped(body, v, f.name);
    }
    expect(saved).toBeGreaterThanOrEqual(ATTACKS.length);
  });
});
