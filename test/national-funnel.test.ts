/**
 * Issue 13: the recruitment funnel per municipality on /nationalt equals a hand count (plain SQL
 * over the demo's candidate and outreach tables, not the funnel code) for every municipality with
 * a gross group; small cells are shown as "<N" with their reason; no hidden cell can be worked out
 * from the shown ones (the additive sets of both tables, checked with the recoverability solver);
 * the national report's PDF, XLSX and CSV hold both tables with the cells the page shows; only the
 * agency's analyst sees it, and never a name.
 */
import { describe, expect, it } from 'vitest';
import { backends } from './helpers/db.ts';
import { loginAs } from './helpers/http.ts';
import { useTestServer } from './helpers/server.ts';
import { createMunicipality } from './helpers/world.ts';
import { recoverable, type Relation, type Shown } from './helpers/recoverability.ts';
import { fold, pdfText, xlsxCells } from './helpers/downloads.ts';
import { popplerAvailable } from './helpers/pdf.ts';

const STAGES = ['gross', 'contacted', 'informed', 'enrolled', 'declined'] as const;

/** Rows of a rendered table by its heading cell: the shown texts of its data cells (without note marks). */
function tableRows(body: string, tableId: string): Map<string, string[]> {
  const table = new RegExp(`id="tabel-${tableId}"[\\s\\S]*?</table>`).exec(body)?.[0] ?? '';
  const out = new Map<string, string[]>();
  for (const r of table.matchAll(/<th scope="row">([^<]*)<\/th>([\s\S]*?)<\/tr>/g)) {
    out.set(
      r[1],
      [...r[2].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
        m[1]
          .replace(/\s*<sup>[\s\S]*?<\/sup>/g, '')
          .replace(/\./g, '')
          .replace(/&lt;/g, '<')
          .trim(),
      ),
    );
  }
  return out;
}

describe.each(backends())('national recruitment funnel on %s', (backend) => {
  const env = useTestServer(backend);

  /** The hand count per municipality name up to `until`, straight from the tables. */
  async function handCount(until: string) {
    const has = (kind: string) =>
      `EXISTS (SELECT 1 FROM recruitment_outreach o WHERE o.candidate_id = c.id AND o.kind = '${kind}' AND o.occurred_on <= $1)`;
    const r = await env.t.db.query<{
      name: string;
      gross: number;
      contacted: number;
      informed: number;
      enrolled: number;
      declined: number;
    }>(
      `SELECT m.name, count(*)::int AS gross,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM recruitment_outreach o WHERE o.candidate_id = c.id AND o.occurred_on <= $1))::int AS contacted,
         count(*) FILTER (WHERE ${has('deltog')})::int AS informed,
         count(*) FILTER (WHERE ${has('indskrevet')})::int AS enrolled,
         count(*) FILTER (WHERE ${has('afslag')} AND NOT ${has('indskrevet')})::int AS declined
       FROM recruitment_candidate c JOIN municipality m ON m.code = c.municipality_code
       WHERE c.added_on <= $1 GROUP BY m.name ORDER BY m.name`,
      [until],
    );
    return r.rows;
  }

  it("shows each municipality's funnel equal to a hand count, small cells suppressed with a reason and none recoverable", async () => {
    const s = await loginAs(env.app, 'analytiker.siri');
    const res = await s.get('/nationalt');
    expect(res.statusCode).toBe(200);
    const month = /name="maaned"[^>]*value="(\d{4}-\d{2})"/.exec(res.body)?.[1] ?? /maaned=(\d{4}-\d{2})/.exec(res.body)![1];
    const [y, m] = month.split('-').map(Number);
    const until = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    const hand = await handCount(until);
    expect(hand.length).toBeGreaterThan(1);
    const funnel = tableRows(res.body, 'rekruttering-kommune');
    expect([...funnel.keys()].sort()).toEqual([...hand.map((h) => h.name), 'Alle kommuner'].sort());
    expect([...funnel.keys()].at(-1)).toBe('Alle kommuner');
    const threshold = 5;
    let small = 0;
    for (const h of hand) {
      const shown = funnel.get(h.name)!;
      STAGES.forEach((st, j) => {
        if (shown[j] === `<${threshold}`) {
          small++;
          expect(h[st]).toBeGreaterThan(0);
          expect(h[st]).toBeLessThan(threshold);
        } else if (shown[j] !== 'x') expect(Number(shown[j]), `${h.name} ${st}`).toBe(h[st]);
      });
    }
    const total = funnel.get('Alle kommuner')!;
    STAGES.forEach((st, j) => {
      if (/^\d+$/.test(total[j])) expect(Number(total[j])).toBe(hand.reduce((a, h) => a + h[st], 0));
    });
    // The hand count has small cells somewhere (else suppression is not exercised) and they carry a reason.
    expect(hand.some((h) => STAGES.some((st) => h[st] > 0 && h[st] < threshold))).toBe(true);
    expect(small).toBeGreaterThan(0);
    expect(res.body).toContain('data-testid="skjult-rekruttering-kommune"');

    // No hidden cell can be worked out: both tables with their additive relations.
    const reasons = tableRows(res.body, 'rekruttering-kommune-afslag');
    const published = new Map<string, Shown>();
    const rel: Relation[] = [];
    const names = [...funnel.keys()];
    const val = (t: string) => (/^\d+$/.test(t) ? Number(t) : t);
    for (const n of names) {
      funnel.get(n)!.forEach((t, j) => published.set(`f:${n}:${j}`, val(t)));
      reasons.get(n)!.forEach((t, k) => published.set(`r:${n}:${k}`, val(t)));
    }
    const width = funnel.get(names[0])!.length;
    const rWidth = reasons.get(names[0])!.length; // the reasons, then "I alt" (= declined)
    const munis = names.slice(0, -1);
    for (let j = 0; j < width; j++) rel.push({ total: `f:Alle kommuner:${j}`, parts: munis.map((n) => `f:${n}:${j}`) });
    for (let k = 0; k < rWidth; k++) rel.push({ total: `r:Alle kommuner:${k}`, parts: munis.map((n) => `r:${n}:${k}`) });
    for (const n of names) {
      rel.push({ total: `r:${n}:${rWidth - 1}`, parts: Array.from({ length: rWidth - 1 }, (_, k) => `r:${n}:${k}`) });
      rel.push({ total: `f:${n}:${width - 1}`, parts: [`r:${n}:${rWidth - 1}`] });
    }
    expect(recoverable(published, rel)).toEqual([]);

    // Only counts: no candidate's name on the page.
    const someName = (await env.t.db.query<{ name: string }>('SELECT name FROM recruitment_candidate WHERE name IS NOT NULL LIMIT 1'))
      .rows[0].name;
    expect(res.body).not.toContain(someName);
  });

  it("puts both funnel tables in the national report's PDF, XLSX and CSV, with the cells the page shows", async () => {
    const s = await loginAs(env.app, 'analytiker.siri');
    const page = (await s.get('/nationalt')).body;
    const tables = {
      'Rekrutteringstragten pr. kommune': tableRows(page, 'rekruttering-kommune'),
      'Takket nej efter årsag pr. kommune': tableRows(page, 'rekruttering-kommune-afslag'),
    };
    const threshold = 5;
    let hidden = 0;

    const xlsx = await s.get('/nationalt/rapport.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const sheets = [...(await xlsxCells(xlsx.rawPayload)).values()];
    const csv = await s.get('/nationalt/rapport.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Rekruttering pr. kommune');
    for (const [caption, rows] of Object.entries(tables)) {
      expect(rows.size, caption).toBeGreaterThan(2);
      const sheet = sheets.find((r) => r[0]?.[0] === caption);
      expect(sheet, `XLSX sheet ${caption}`).toBeDefined();
      for (const [name, cells] of rows) {
        const row = sheet!.find((r) => r?.[0] === name);
        expect(row, `${caption}: ${name}`).toBeDefined();
        const columns = sheet![1];
        cells.forEach((c, j) => {
          if (/^\d+$/.test(c)) expect(row![1 + j], `${caption}: ${name} ${columns[1 + j]}`).toBe(c);
          else {
            // Hidden as on the page: an empty cell, named with its marker in the row's last column; never the number.
            hidden++;
            expect(c).toMatch(new RegExp(`^(<${threshold}|x)$`));
            expect(row![1 + j] ?? '', `${caption}: ${name} ${columns[1 + j]}`).toBe('');
            expect(row!.at(-1)).toContain(`${columns[1 + j]}: ${c}`);
          }
        });
        // The CSV row is the page's row.
        expect(csv.body, `CSV ${caption}: ${name}`).toContain(`\r\n${name};${cells.join(';')}\r\n`);
      }
    }
    expect(hidden, 'some hidden cell, so suppression is exercised').toBeGreaterThan(0);
    expect(csv.body).toMatch(/«(<5|x)» i rækken «[^»]+», kolonnen «(Bruttomålgruppe|Kontaktet|Informeret|Indskrevet|Takket nej)»/);

    if (popplerAvailable()) {
      const pdf = await s.get('/nationalt/rapport.pdf');
      expect(pdf.statusCode).toBe(200);
      // Line by line as laid out: each table row is one line (its header may wrap above it).
      const lines = pdfText(pdf.rawPayload, { layout: true })
        .split('\n')
        .map((l) => fold(l).trim());
      expect(lines).toContain('Rekruttering pr. kommune');
      for (const [caption, rows] of Object.entries(tables)) {
        const at = lines.findIndex((l) => l.includes(caption));
        expect(at, `PDF: ${caption}`).toBeGreaterThan(0);
        const after = lines.slice(at);
        // A name may wrap in a narrow first column («Alle» over «kommuner»): the row's line then starts with its first word.
        const rowLine = (name: string, cells: string[]) =>
          after.find(
            (l) => l === `${name} ${cells.join(' ')}` || (l.startsWith(`${name.split(' ')[0]} `) && l.endsWith(` ${cells.join(' ')}`)),
          );
        for (const [name, cells] of rows) expect(rowLine(name, cells), `PDF ${caption}: ${name} ${cells.join(' ')}`).toBeDefined();
      }
    }
  });

  it("is the agency analyst's only: a municipality's project leader gets no national view", async () => {
    const pl = await loginAs(env.app, (await createMunicipality(env.t.db, { women: 1 })).leader.username); // test/helpers/world.ts
    expect((await pl.get('/nationalt')).statusCode).toBe(403);
  });
});
