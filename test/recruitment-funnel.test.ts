/**
 * Issue 13, build 1: the recruitment funnel on Styring and in the half-yearly report equals a
 * hand count (plain SQL over the demo's candidate and outreach tables) for every demo project with
 * a gross group; the half-yearly report suppresses small cells; another municipality's project
 * leader sees none of it.
 */
import { describe, expect, it } from 'vitest';
import { backends } from './helpers/db.ts';
import { loginAs } from './helpers/http.ts';
import { useTestServer } from './helpers/server.ts';

/** A cell's shown value: its text without the suppression note mark (<sup>…</sup>). */
const cellsOf = (table: string) =>
  [...table.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1].replace(/\s*<sup>[\s\S]*?<\/sup>/g, '').trim());

/** The cells of one row (by its heading) of a rendered table. */
function row(body: string, tableId: string, heading: string): string[] {
  const table = new RegExp(`id="tabel-${tableId}"[\\s\\S]*?</table>`).exec(body)?.[0] ?? '';
  const r = new RegExp(`<th scope="row">${heading}</th>([\\s\\S]*?)</tr>`).exec(table)?.[1] ?? '';
  return [...r.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1].replace(/\./g, ''));
}

describe.each(backends())('recruitment funnel on %s', (backend) => {
  const env = useTestServer(backend);

  /** The hand count: each stage straight from the tables, without the funnel code. */
  async function handCount(projectId: number, until: string) {
    const n = async (sql: string, extra: unknown[] = []) =>
      (await env.t.db.query<{ n: number }>(sql, [projectId, until, ...extra])).rows[0].n;
    const has = (kind: string) =>
      `EXISTS (SELECT 1 FROM recruitment_outreach o WHERE o.candidate_id = c.id AND o.kind = '${kind}' AND o.occurred_on <= $2)`;
    const base = 'SELECT count(*)::int AS n FROM recruitment_candidate c WHERE c.project_id = $1 AND c.added_on <= $2';
    return {
      gross: await n(base),
      contacted: await n(`${base} AND EXISTS (SELECT 1 FROM recruitment_outreach o WHERE o.candidate_id = c.id AND o.occurred_on <= $2)`),
      invited: await n(`${base} AND ${has('invitation')}`),
      informed: await n(`${base} AND ${has('deltog')}`),
      enrolled: await n(`${base} AND ${has('indskrevet')}`),
      declined: await n(`${base} AND ${has('afslag')} AND NOT ${has('indskrevet')}`),
      telefonContacted:
        await n(`${base} AND (SELECT o.channel FROM recruitment_outreach o WHERE o.candidate_id = c.id AND o.kind = 'kontakt' AND o.occurred_on <= $2
        ORDER BY o.occurred_on, o.created_at LIMIT 1) = 'telefon'`),
    };
  }

  it('Styring shows the funnel of each demo project equal to a hand count, by channel and in total', async () => {
    for (const key of ['aalborg', 'viborg', 'ishoej-vallensbaek']) {
      const s = await loginAs(env.app, `projektleder.${key}`);
      const pid = (await env.t.db.query<{ id: number }>('SELECT id FROM project WHERE key = $1', [key])).rows[0].id;
      const res = await s.get(`/styring?projekt=${pid}`);
      expect(res.statusCode).toBe(200);
      const month =
        /name="maaned"[^>]*value="(\d{4}-\d{2})"/.exec(res.body)?.[1] ?? /<option value="(\d{4}-\d{2})" selected/.exec(res.body)?.[1];
      expect(month, 'the report month on Styring').toBeTruthy();
      const until = new Date(Date.UTC(Number(month!.slice(0, 4)), Number(month!.slice(5, 7)), 0)).toISOString().slice(0, 10);
      const hand = await handCount(pid, until);
      expect(hand.gross).toBeGreaterThan(30);
      expect(hand.enrolled).toBeGreaterThan(3);
      expect(hand.declined).toBeGreaterThan(3);
      const total = row(res.body, 'rekruttering-kanal', 'I alt').map(Number);
      expect(total).toEqual([hand.gross, hand.contacted, hand.invited, hand.informed, hand.enrolled, hand.declined]);
      expect(Number(row(res.body, 'rekruttering-kanal', 'Telefon')[1])).toBe(hand.telefonContacted);
      // Declines by reason add up to the declined.
      expect(Number(row(res.body, 'rekruttering-afslag', 'I alt')[0])).toBe(hand.declined);
    }
  });

  it('the half-yearly report carries the funnel, suppressed; the monthly report unsuppressed', async () => {
    const s = await loginAs(env.app, 'projektleder.aalborg');
    const pid = (await env.t.db.query<{ id: number }>(`SELECT id FROM project WHERE key = 'aalborg'`)).rows[0].id;
    const half = await s.get(`/styring/rapporter/halvaarlig?projekt=${pid}`);
    expect(half.statusCode).toBe(200);
    expect(half.body).toContain('Rekruttering fra bruttomålgruppen');
    const cells = cellsOf(new RegExp('id="tabel-rekruttering-kanal"[\\s\\S]*?</table>').exec(half.body)?.[0] ?? '');
    expect(cells.length).toBeGreaterThan(6);
    // No count from 1 to 4 is shown in the suppressed report.
    expect(cells.filter((c) => /^[1-4]$/.test(c))).toEqual([]);
    expect(cells.some((c) => c === '&lt;5' || c === 'x')).toBe(true);
    const monthly = await s.get(`/styring/rapporter/maanedlig?projekt=${pid}`);
    const mcells = cellsOf(new RegExp('id="tabel-rekruttering-kanal"[\\s\\S]*?</table>').exec(monthly.body)?.[0] ?? '');
    expect(mcells.some((c) => /^[1-4]$/.test(c))).toBe(true);
  });

  it("another municipality's project leader sees none of Aalborg's funnel", async () => {
    const s = await loginAs(env.app, 'projektleder.aarhus');
    const aalborg = (await env.t.db.query<{ id: number }>(`SELECT id FROM project WHERE key = 'aalborg'`)).rows[0].id;
    const res = await s.get(`/styring?projekt=${aalborg}`);
    expect(res.statusCode).toBe(404);
    const own = await s.get('/styring');
    const aarhus = (await env.t.db.query<{ id: number }>(`SELECT id FROM project WHERE key = 'aarhus'`)).rows[0].id;
    const hand = (
      await env.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM recruitment_candidate WHERE project_id = $1', [aarhus])
    ).rows[0].n;
    expect(Number(row(own.body, 'rekruttering-kanal', 'I alt')[0])).toBe(hand);
  });
});
