/**
 * An analyst's trust (issue 18, points 13–14): the national comparison counts only the
 * evaluation's cohort and period (a woman enrolled today is shown apart, not in the 2019–2022
 * figures), downloads sit below the page heading, and every page has a favicon.
 * Stays on the demo for the national page (built on the demo's KIB cohort); the caseworker who enrols is this file's own.
 */
import { describe, expect, it } from 'vitest';
import { makeCpr } from '../src/domain/cpr.ts';
import { loginAs } from './helpers/http.ts';
import { useTestServer } from './helpers/server.ts';
import { createMunicipality, enrolByForm } from './helpers/world.ts';

describe('an analyst’s trust (issue 18)', () => {
  const srv = useTestServer('pglite');

  it('12. draws a suppressed municipality as a marked gap, every municipality named whole', async () => {
    const analyst = await loginAs(srv.app, 'analytiker.siri');
    const body = (await analyst.get('/nationalt?maaned=2022-12&varig=2023-02&status=2023-02')).body;
    const chart = /<figure class="chart" data-testid="graf-graf-aktivitetsparate">[\s\S]*?<\/figure>/.exec(body)?.[0] ?? '';
    expect(chart).toContain('<svg');
    const muni = /data-testid="tabel-kommune-visitation"[\s\S]*?<\/table>/.exec(body)![0];
    const rows = [...muni.matchAll(/<tr><th scope="row">([^<]+)<\/th>([\s\S]*?)<\/tr>/g)].map((m) => ({
      name: m[1],
      hidden: /<td[^>]*>–<\/td>\s*$/.test(m[2]),
    }));
    expect(rows.length).toBeGreaterThan(5);
    const labels = [...chart.matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    for (const r of rows) expect(labels, r.name).toContain(r.name);
    // A municipality whose share is hidden is drawn as «skjult», not as a bar of 0.
    const hidden = rows.filter((r) => r.hidden);
    expect(hidden.length).toBeGreaterThan(0);
    expect(labels.filter((l) => l === '(skjult)').length).toBe(hidden.length);
  });

  it('13. keeps a woman enrolled today out of the 2019–2022 comparison and shows her apart', async () => {
    const cw = await loginAs(srv.app, (await createMunicipality(srv.t.db, { women: 0 })).caseworker.username); // test/helpers/world.ts
    const made = await enrolByForm(cw, { cpr: makeCpr('1983-05-17', 'K', 5151), firstName: 'Sara', lastName: 'Nyborg' });
    expect(made.statusCode).toBe(303);

    const analyst = await loginAs(srv.app, 'analytiker.siri');
    const body = (await analyst.get('/nationalt?maaned=2022-12&varig=2023-02&status=2023-02')).body;
    const [{ cohort }] = (
      await srv.t.db.query<{ cohort: number }>(`SELECT count(*)::int AS cohort FROM enrolment WHERE enrolled_on <= '2022-12-31'`)
    ).rows;
    const [{ later }] = (
      await srv.t.db.query<{ later: number }>(`SELECT count(*)::int AS later FROM enrolment WHERE enrolled_on > '2022-12-31'`)
    ).rows;
    expect(later).toBeGreaterThan(0);
    const levels = /data-testid="tabel-niveauer"[\s\S]*?<\/table>/.exec(body)![0];
    const total = /Deltagere i alt[^<]*<\/th><td[^>]*>([^<]+)</.exec(levels)![1].replace(/\./g, '');
    expect(Number(total)).toBe(cohort);
    expect(body).toMatch(
      /data-testid="later-enrolments"[^>]*>[^<]*(\d+|[Ff]ærre end 5) kvinder er indskrevet efter december 2022 og indgår ikke i tallene/,
    );
    const muni = /data-testid="tabel-kommune-visitation"[\s\S]*?<\/table>/.exec(body)![0];
    expect(muni).not.toMatch(/<th scope="row">2026/);
  });

  it('14. puts the downloads below the heading and serves a favicon', async () => {
    const analyst = await loginAs(srv.app, 'analytiker.siri');
    const body = (await analyst.get('/nationalt?maaned=2022-12&varig=2023-02&status=2023-02')).body;
    const main = body.slice(body.indexOf('<main'));
    expect(main.indexOf('<h1>')).toBeGreaterThan(0);
    expect(main.indexOf('<h1>')).toBeLessThan(main.indexOf('/nationalt/rapport.pdf'));
    expect(body).toMatch(/<link rel="icon" href="\/favicon\.ico"/);
    // The project reports too: the heading first, then the month choice and the downloads.
    const leader = await loginAs(srv.app, 'projektleder.aalborg');
    for (const kind of ['maanedlig', 'halvaarlig', 'udvalg', 'slutrapport']) {
      const page = (await leader.get(`/styring/rapporter/${kind}`)).body;
      const m = page.slice(page.indexOf('<main'));
      const h1 = m.indexOf('<h1');
      const download = m.search(new RegExp(`href="/styring/rapporter/${kind}\\.(pdf|xlsx|csv)`));
      expect(h1, kind).toBeGreaterThan(0);
      expect(download, kind).toBeGreaterThan(h1);
    }
    const icon = await srv.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(icon.statusCode).toBe(200);
    expect(String(icon.headers['content-type'])).toMatch(/image\//);
    expect(icon.rawPayload.length).toBeGreaterThan(50);
  });
});
