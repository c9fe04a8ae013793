/**
 * A project leader's and a committee's reading, on the demo data (issue 18, points 8–11): goals
 * count the women they name (checked against hand counts in SQL), every bar of a chart has its
 * label and a suppressed value is a marked gap, status in colour and words, a summary of overdue
 * milestones, the committee brief in plain Danish with a glossary, and spreadsheets with whole
 * sheet names, real dates and numbers, and suppression as notes.
 * Stays on the demo: it reads the demo Aalborg project's own goals, milestones and register results (demo/goals.ts, the KIB cohort).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { activityCatalogue } from '../src/domain/activities.ts';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { loginAs, type Session } from './helpers/http.ts';
import { pdfPages, popplerAvailable } from './helpers/pdf.ts';
import { renderTaggedPdf } from '../src/reports/tagged-pdf.ts';
import { renderPdf } from '../src/reports/render-pdf.ts';
import { chartHtml } from '../src/reports/render-html.ts';
import type { Chart, Report } from '../src/reports/model.ts';
import { useTestServer } from './helpers/server.ts';
import { suppressOutcome } from '../src/app/steering/steering-data.ts';
import type { GoalOutcome } from '../src/app/steering/evaluate-goals.ts';
import type { Goal } from '../src/domain/steering-goals.ts';

const poppler = popplerAvailable();

const DEADLINE = '2022-12-31';
const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
const strip = (s: string) =>
  decode(s.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/** A table by its data-testid: header texts and rows of cell texts. */
function table(body: string, id: string) {
  const t = new RegExp(`data-testid="tabel-${id}"[\\s\\S]*?</table>`).exec(body)?.[0] ?? '';
  const head = [...(/<thead>([\s\S]*?)<\/thead>/.exec(t)?.[1] ?? '').matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((m) => strip(m[1]));
  const rows = [...(/<tbody>([\s\S]*?)<\/tbody>/.exec(t)?.[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => ({ text: strip(c[1]), html: c[1] })),
  );
  return { head, rows, raw: t };
}

describe('a project leader’s and a committee’s reading (issue 18)', () => {
  const srv = useTestServer('pglite');
  let s: Session;
  let pid = 0;
  let styring = '';
  const q = <T>(sql: string, params: unknown[] = []) => srv.t.db.query<T>(sql, params).then((r) => r.rows);

  beforeAll(async () => {
    s = await loginAs(srv.app, 'projektleder.aalborg');
    pid = (await q<{ id: number }>(`SELECT id FROM project WHERE key = 'aalborg'`))[0].id;
    styring = (await s.get(`/styring?projekt=${pid}&maaned=2022-12&varig=2023-02&status=2023-02`)).body;
  });

  describe('8. a goal counts the women it names', () => {
    const goalRow = (title: string) => {
      const g = table(styring, 'maal');
      const row = g.rows.find((r) => r[0].text.startsWith(title))!;
      return Object.fromEntries(g.head.map((h, i) => [h, row[i]?.text ?? '']));
    };

    it('counts "86 aktivitetsparate kvinder" among the aktivitetsparate only (hand count)', async () => {
      const [{ n }] = await q<{ n: number }>(
        `SELECT count(*)::int AS n FROM enrolment WHERE project_id = $1 AND visitation = 'aktivitetsparat' AND enrolled_on <= $2`,
        [pid, DEADLINE],
      );
      const [{ all }] = await q<{ all: number }>(
        `SELECT count(*)::int AS "all" FROM enrolment WHERE project_id = $1 AND enrolled_on <= $2`,
        [pid, DEADLINE],
      );
      expect(n).toBeLessThan(all);
      const row = goalRow('86 aktivitetsparate kvinder indskrevet');
      expect(row['Gælder']).toBe('Aktivitetsparate kvinder');
      expect(row.Resultat).toBe(String(n));
      expect(row.Status).toBe(n >= 86 ? 'Nået' : 'Ikke nået');
    });

    it('counts CV and ABC strategy, and company-oriented offers, against every woman enrolled by the deadline (hand counts)', async () => {
      const women = (
        await q<{ participant_id: string }>(`SELECT DISTINCT participant_id FROM enrolment WHERE project_id = $1 AND enrolled_on <= $2`, [
          pid,
          DEADLINE,
        ])
      ).map((r) => r.participant_id);
      const [{ cv }] = await q<{ cv: number }>(
        `SELECT count(*)::int AS cv FROM casework_plan WHERE participant_id = ANY($1::uuid[]) AND (data->>'cvOnJobnet')::boolean
           AND coalesce(data->'abcStrategy'->>'a', '') <> '' AND coalesce(data->'abcStrategy'->>'b', '') <> '' AND coalesce(data->'abcStrategy'->>'c', '') <> ''`,
        [women],
      );
      const companyKeys = activityCatalogue([])
        .filter((a) => a.category === 'virksomhedsrettet')
        .map((a) => a.key);
      const [{ company }] = await q<{ company: number }>(
        `SELECT count(DISTINCT participant_id)::int AS company FROM casework_activity
         WHERE participant_id = ANY($1::uuid[]) AND type_key = ANY($2::text[]) AND status <> 'planlagt' AND start_date <= $3`,
        [women, companyKeys, DEADLINE],
      );
      const cvRow = goalRow('Alle deltagere har CV på Jobnet og ABC-jobstrategi');
      expect([cvRow.Resultat, cvRow['Nævner']]).toEqual([String(cv), String(women.length)]);
      const coRow = goalRow('Flest muligt i virksomhedsrettet indsats');
      expect([coRow.Resultat, coRow['Nævner']]).toEqual([String(company), String(women.length)]);
      expect(cvRow['Gælder']).toBe('Alle indskrevne kvinder');
    });

    it('states one total of women enrolled on the page: goals, series and levels agree', () => {
      const series = table(styring, 'serie');
      const last = series.rows.find((r) => r[0].text === '2022-12')!;
      const total = last[series.head.indexOf('Indskrevne i alt')].text;
      const levels = table(styring, 'niveauer');
      expect(levels.rows.find((r) => r[0].text.startsWith('Deltagere i alt'))![1].text).toBe(total);
      for (const title of [
        'Alle deltagere har CV på Jobnet og ABC-jobstrategi',
        'Flest muligt i virksomhedsrettet indsats',
        '50 % har lønnede timer',
      ]) {
        expect(goalRow(title)['Nævner'], title).toBe(total);
      }
    });
  });

  describe('9. charts, columns, status and milestones', () => {
    it('labels every bar of the goals and group charts', () => {
      const goals = /data-testid="graf-graf-maal"[\s\S]*?<\/svg>/.exec(styring)?.[0] ?? '';
      const n = table(styring, 'maal').rows.length;
      expect(n).toBeGreaterThan(3);
      for (let i = 1; i <= n; i++) expect(goals, `goal ${i}`).toMatch(new RegExp(`>${i}\\. `));
      const groups = /data-testid="graf-graf-visitation"[\s\S]*?<\/svg>/.exec(styring)?.[0] ?? '';
      for (const g of ['Aktivitetsparat', 'Jobparat', 'Selvforsørgende', 'Øvrige']) expect(groups, g).toContain(`>${g}`);
    });

    it('gives no table two columns with the same heading', () => {
      const ids = [...styring.matchAll(/data-testid="tabel-([\w-]+)"/g)].map((m) => m[1]);
      expect(ids.length).toBeGreaterThan(5);
      for (const id of ids) {
        const head = table(styring, id).head;
        expect(new Set(head).size, `${id}: ${head.join(' | ')}`).toBe(head.length);
      }
    });

    it('shows goal status in words and in colour', () => {
      const g = table(styring, 'maal');
      const i = g.head.indexOf('Status');
      for (const r of g.rows)
        expect(r[i].html).toMatch(/<span class="status status--(good|bad|neutral)">(Nået|Ikke nået|Undervejs|Kan ikke vises)<\/span>/);
      expect(g.raw).toContain('status--bad');
    });

    it('sums up the overdue milestones at the top of the plan (hand count)', async () => {
      const today = todayInDenmark();
      const overdue = await q<{ number: number }>(
        `SELECT number FROM project_milestone WHERE project_id = $1 AND due_date < $2 AND status NOT IN ('naaet', 'udgaaet') ORDER BY number`,
        [pid, today],
      );
      expect(overdue.length).toBeGreaterThan(0);
      const body = (await s.get(`/styring/milepaele?projekt=${pid}`)).body;
      const summary = /data-testid="overdue-summary"[\s\S]*?<\/div>\s*<\/div>/.exec(body)?.[0] ?? '';
      expect(strip(summary)).toContain(`${overdue.length} milepæle har overskredet tidspunktet`);
      for (const m of overdue) expect(summary).toContain(`Nr. ${m.number}`);
      expect(body.indexOf('data-testid="overdue-summary"')).toBeLessThan(body.indexOf('data-testid="phase-1"'));
    });

    it('says so beside a milestone whose result goal is missed', async () => {
      const body = (await s.get(`/styring/rapporter/maanedlig?projekt=${pid}&maaned=2022-12&varig=2023-02&status=2023-02`)).body;
      const ms = table(body, 'milepaele');
      const m18 = ms.rows.find((r) => r[0].text === '18')!;
      expect(m18.map((c) => c.text).join(' ')).toContain(
        'Resultatmålet «50 % har lønnede timer eller er ordinært beskæftigede» er ikke nået',
      );
      // The status words are sentences: «I gang. Tidspunktet er overskredet.», never a lower-case start after a full stop.
      expect(m18[m18.length - 1].text).toContain('I gang. Tidspunktet er overskredet.');
      for (const r of ms.rows) expect(r[r.length - 1].text, r[0].text).not.toMatch(/\. \p{Ll}/u);
    });
  });

  describe('10. the committee brief in plain Danish', () => {
    let brief = '';
    beforeAll(async () => {
      brief = (await s.get(`/styring/rapporter/udvalg?projekt=${pid}&maaned=2022-12&varig=2023-02&status=2023-02`)).body;
    });

    it('tells what the project did, for whom and with what result, and explains its words in a glossary', () => {
      const main = brief.slice(brief.indexOf('<main'));
      for (const h of ['Kort fortalt', 'Hvem er med?', 'Hvad har projektet gjort?', 'Hvad er resultatet?', 'Ord og begreber'])
        expect(main).toContain(`<h2>${h}</h2>`);
      const glossary = main.slice(main.indexOf('<h2>Ord og begreber</h2>'));
      for (const term of ['Mål 1', 'Mål 2', 'Mål 3', 'Diskretionering', 'Registerdata', 'Aktivitetsparat'])
        expect(glossary).toContain(`<th scope="row">${term}</th>`);
      const before = strip(main.slice(0, main.indexOf('<h2>Ord og begreber</h2>')));
      for (const jargon of ['kib-2019.1', 'Nævner', '2023-W13', 'Mål 1', 'Mål 2', 'Mål 3', '2022-12'])
        expect(before, jargon).not.toContain(jargon);
      expect(before).toContain('december 2022');
    });

    it('prints no placeholder text and draws a suppressed group as a marked gap, not as 0', () => {
      expect(brief).not.toContain('Afsnittet er ikke skrevet endnu');
      const chart = /<figure class="chart"[\s\S]*?<\/figure>/.exec(brief.slice(brief.indexOf('<main')))?.[0] ?? '';
      expect(chart).toContain('<svg');
      expect(chart).toMatch(/>Selvforsørgende/);
      expect(chart).toMatch(/skjult/);
    });
  });

  describe('10. the current project’s committee brief, as its project leader downloads it (default months)', () => {
    let before = '';
    let goals: ReturnType<typeof table>;
    beforeAll(async () => {
      const current = (await q<{ id: number }>(`SELECT id FROM project WHERE key = 'aalborg-2025'`))[0].id;
      const body = (await s.get(`/styring/rapporter/udvalg?projekt=${current}`)).body;
      const main = body.slice(body.indexOf('<main'));
      before = strip(main.slice(0, main.indexOf('<h2>Ord og begreber</h2>')));
      goals = table(main, 'udvalg-maal');
    });

    it('lists no goal due before the project began and no goal of "0 af 0 kvinder"', () => {
      // Before: the programme's common goals were due 31.12.2022 in a 2025–2027 project, so three of
      // its five goals read «31.12.2022 · 0 af 0 kvinder · Ikke nået».
      expect(goals.rows.length).toBeGreaterThanOrEqual(3);
      const due = goals.head.indexOf('Frist');
      expect(due).toBeGreaterThan(-1);
      for (const r of goals.rows) {
        const [d, m, y] = r[due].text.split('.').map(Number);
        expect(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, r[0].text).toMatch(/^202[5-7]-/);
      }
      expect(before).not.toMatch(/\b0 af 0 kvinder/);
    });

    it('uses no analyst term before its glossary, in any case ("når mål 1 eller 2")', () => {
      for (const jargon of [/\bmål [123]\b/i, /kib-2019/i, /nævner/i, /\b20\d\d-W\d\d\b/, /\b20\d\d-\d\d\b/, /på mere end deltid/])
        expect(before, String(jargon)).not.toMatch(jargon);
    });
  });

  describe('10. a goal whose count is hidden keeps the status every allowed count gives', () => {
    const goal = (targetKind: 'andel' | 'antal', targetValue: number): Goal => ({
      id: 1,
      projectId: 1,
      title: 'Mål',
      measure: 'virksomhedsrettet',
      population: 'alle',
      targetKind,
      targetValue,
      deadline: '2027-12-31',
      note: null,
    });
    const outcome = (g: Goal, count: number, denominator: number | null, status: GoalOutcome['status']): GoalOutcome => ({
      goal: g,
      asOf: '2026-09',
      count,
      denominator,
      engineRef: null,
      status,
    });

    it('«Nået» beside «x of 64» when any count with a rest of 1–4 meets it; «Kan ikke vises» when some would not', () => {
      // 62 of 64 in company-oriented offers (the rest, 2, is small): the count is hidden, and 60–63 all meet 50 %.
      expect(suppressOutcome(outcome(goal('andel', 50), 62, 64, 'naaet'), 5)).toMatchObject({
        count: 'x',
        denominator: 64,
        status: 'naaet',
      });
      // A target of 95 %: 60 of 64 would miss it, 62 meets it, so the status would narrow the hidden rest.
      expect(suppressOutcome(outcome(goal('andel', 95), 62, 64, 'naaet'), 5)).toMatchObject({ count: 'x', status: 'ukendt' });
      // A small count: 1–4 all miss a target of 12 women (not yet due), 1–4 all meet a target of 1.
      expect(suppressOutcome(outcome(goal('antal', 12), 3, null, 'undervejs'), 5)).toMatchObject({ count: '<5', status: 'undervejs' });
      expect(suppressOutcome(outcome(goal('antal', 1), 3, null, 'naaet'), 5)).toMatchObject({ count: '<5', status: 'naaet' });
      expect(suppressOutcome(outcome(goal('antal', 3), 3, null, 'naaet'), 5)).toMatchObject({ count: '<5', status: 'ukendt' });
      // A small denominator hides the share and its status.
      expect(suppressOutcome(outcome(goal('andel', 10), 2, 3, 'naaet'), 5)).toMatchObject({
        count: 'x',
        denominator: '<5',
        status: 'ukendt',
      });
    });
  });

  describe('10. the committee brief reads as Danish and fills its pages', () => {
    let brief = '';
    beforeAll(async () => {
      brief = strip((await s.get(`/styring/rapporter/udvalg?projekt=${pid}&maaned=2022-12&varig=2023-02&status=2023-02`)).body);
    });

    it('puts the verb second after a fronted clause ("Da de begyndte, var 102 …"), never "Af dem 102 var"', () => {
      expect(brief).not.toMatch(/Af dem \d+ var/);
      expect(brief).toMatch(/Da de begyndte, var \d+ aktivitetsparate \(de kunne ikke tage et job med det samme\)/);
      // A sentence never starts in lower case ("færre end 5 …", "et skjult antal …").
      expect(brief).not.toMatch(/[.!?] (færre end|et skjult antal)/);
    });

    it.runIf(poppler)('has no half-empty page: every page of the PDF carries a good share of text (pdftotext per page)', async () => {
      const res = await s.get(`/styring/rapporter/udvalg.pdf?projekt=${pid}&maaned=2022-12&varig=2023-02&status=2023-02`);
      expect(res.statusCode).toBe(200);
      const pages = pdfPages(res.rawPayload);
      expect(pages.length).toBeGreaterThan(0);
      const chars = pages.map((p) => p.replace(/\s+/g, '').length);
      const fullest = Math.max(...chars);
      // Every page but the last is well filled (a figure pushed to the next page leaves no half-empty page behind);
      // the last page ends where the brief ends, but is not a stray line or two.
      chars.forEach((c, i) => {
        const last = i === pages.length - 1;
        expect(c, `page ${i + 1} of ${pages.length}: ${c} characters (fullest ${fullest})`).toBeGreaterThan(
          last ? 300 : Math.max(600, fullest * 0.4),
        );
      });
      expect(pages.join('\n')).not.toContain('Afsnittet er ikke skrevet endnu');
    });
  });

  describe('10. a chart whose every figure is suppressed says so instead of drawing an empty chart', () => {
    const chart: Chart = {
      id: 'tom',
      title: 'Andel i job efter udgangspunkt',
      description: 'Andel pr. gruppe.',
      tableId: 't',
      percent: true,
      categories: ['Aktivitetsparate', 'Jobparate'],
      hidden: [true, true],
      series: [
        { name: 'I job', type: 'bar', data: [null, null] },
        { name: 'Varigt', type: 'bar', data: [null, null] },
      ],
    };

    it('on the page: a sentence, no SVG', () => {
      const out = String(chartHtml(chart));
      expect(out).not.toContain('<svg');
      expect(out).toContain('ingen søjler at vise, fordi tallene er skjult for at beskytte små grupper');
      // One shown value is enough to draw the chart, the hidden group marked.
      const some = String(chartHtml({ ...chart, hidden: [false, true], series: [{ name: 'I job', type: 'bar', data: [40, null] }] }));
      expect(some).toContain('<svg');
      expect(some).toContain('skjult');
    });

    it('marks a series none of whose bars can be drawn «(skjult)» in the legend, not as if its bars were there', () => {
      // The committee brief's chart at December 2022: «Varigt i job» hidden in every group, yet its
      // orange swatch stood in the legend as if some orange bar were drawn (point 10).
      const out = String(
        chartHtml({
          ...chart,
          hidden: [false, true],
          partlyHidden: [true, false],
          series: [
            { name: 'I job', type: 'bar', data: [40, null] },
            { name: 'Varigt', type: 'bar', data: [null, null] },
          ],
        }),
      );
      const texts = [...out.matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
      expect(texts).toContain('Varigt (skjult)');
      expect(texts).toContain('I job');
      expect(texts).not.toContain('Varigt');
      expect(texts).not.toContain('I job (skjult)');
    });

    it.runIf(poppler)('in the PDF: the same sentence, no figure', async () => {
      const report: Report = {
        kind: 'udvalg',
        title: 'Orientering',
        subtitle: 'Test',
        suppressed: true,
        threshold: 5,
        vintage: {
          definition: 'kib-2019.1',
          registerImportedAt: null,
          lastWeek: null,
          lastMonth: null,
          periodFrom: '2022-01',
          periodTo: '2022-12',
          caseDataAt: new Date().toISOString(),
        },
        sections: [
          {
            heading: 'Resultat',
            charts: [chart],
            tables: [{ id: 't', caption: 'Tal', source: 'engine', columns: ['Gruppe', 'Andel'], rows: [] }],
          },
        ],
      };
      const text = pdfPages(await renderPdf(report))
        .join('\n')
        .replace(/\s+/g, ' ');
      expect(text).toContain('ingen søjler at vise, fordi tallene er skjult for at beskytte små grupper');
    });
  });

  describe('11. the half-yearly PDF keeps every month on one line', () => {
    it.runIf(poppler)('prints each month of the series whole (pdftotext), never "2019-0" over "9"', async () => {
      const res = await s.get(`/styring/rapporter/halvaarlig.pdf?projekt=${pid}&maaned=2022-12&varig=2023-02&status=2023-02`);
      expect(res.statusCode).toBe(200);
      const text = pdfPages(res.rawPayload).join('\n');
      const months = table(
        (await s.get(`/styring/rapporter/halvaarlig?projekt=${pid}&maaned=2022-12&varig=2023-02&status=2023-02`)).body,
        'serie',
      ).rows.map((r) => r[0].text);
      expect(months.length).toBeGreaterThan(12);
      const lines = text.split('\n').map((l) => l.trim());
      for (const m of months) expect(lines, m).toContain(m);
      expect(lines.filter((l) => /^\d{4}-\d$/.test(l))).toEqual([]);
    });

    it.runIf(poppler)(
      'sets a table too wide for the page in smaller type, and breaks heading words before a month or a number',
      async () => {
        const months = Array.from(
          { length: 18 },
          (_, i) => `${2019 + Math.floor((i + 8) / 12)}-${String(((i + 8) % 12) + 1).padStart(2, '0')}`,
        );
        const pdfWith = async (columns: string[]) => {
          const rows = months.map((m, i) => [
            { text: m },
            ...columns.slice(1).map((_, j) => ({ text: String(1000 + 7 * i + j), numeric: true })),
          ]);
          return pdfPages(
            await renderTaggedPdf({
              title: 'T',
              lang: 'da',
              blocks: [{ kind: 'table', caption: 'Bred tabel', columns, rows, rowHeaders: true }],
            }),
          )
            .join('\n')
            .split('\n')
            .map((l) => l.trim());
        };
        const base = [
          'Måned',
          'Indskrevne i alt',
          'Aktive',
          'Mål 1 i måneden',
          'Mål 2 i måneden',
          'Mål 3 i måneden',
          'Akk. mål 1',
          'Akk. mål 2',
          'Akk. mål 3',
          'Akk. mål 1 eller 2',
          'Andel akk. mål 1 eller 2',
          'Varig over deltid',
          'Andel varig',
          'Skjulte tal',
        ];
        for (const columns of [
          base,
          [...base, 'Fleksjob', 'Førtidspension', 'Uddannelse', 'Beskæftigelse', 'Selvforsørgende', 'Ressourceforløb'],
        ]) {
          const lines = await pdfWith(columns);
          for (const m of months) expect(lines, `${columns.length} columns: ${m}`).toContain(m);
          expect(
            lines.filter((l) => /^\d{4}-\d$/.test(l)),
            `${columns.length} columns`,
          ).toEqual([]);
        }
      },
    );
  });

  describe('11. spreadsheets', () => {
    it('has whole sheet names, real dates, numbers as numbers and suppression as notes', async () => {
      const res = await s.get(`/styring/rapporter/halvaarlig.xlsx?projekt=${pid}&maaned=2022-12&varig=2023-02&status=2023-02`);
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const names = wb.worksheets.map((w) => w.name);
      expect(names.length).toBeGreaterThan(4);
      for (const n of names) {
        expect(n.length).toBeLessThanOrEqual(31);
        // A name is cut only between words: its last word is a whole word of the table's caption
        // (without the characters Excel refuses in a sheet name, e.g. the caption's "Trivselsindeks:").
        const caption = String(wb.getWorksheet(n)!.getCell('A1').value ?? '');
        const words = caption.split(/\s+/).map((w) => w.replace(/[:\\/?*[\]]/g, ''));
        if (n !== 'Om rapporten') expect(words, `${n} / ${caption}`).toContain(n.replace(/ \d+$/, '').split(' ').pop());
      }
      // Tables whose captions differ only after the cut are told apart by what differs («Efter
      // rekrutteringskanal»), not numbered «Resultater og indsats efter 2 … 5» (re-walk of point 11);
      // a name does not end in a word that leads on («… status i»).
      const captionOf = (n: string) => String(wb.getWorksheet(n)!.getCell('A1').value ?? '');
      for (const n of names) {
        if (/ \d+$/.test(n))
          expect(
            names.filter((o) => o !== n && captionOf(o) === captionOf(n)),
            n,
          ).not.toEqual([]);
        expect(n, n).not.toMatch(/ (og|i|til|med|ved|efter|for|af|pr\.)$/);
      }
      expect(names).toContain('Efter rekrutteringskanal');
      let dates = 0;
      let suppressed = 0;
      for (const ws of wb.worksheets.slice(1)) {
        const head = (ws.getRow(2).values as unknown[]).slice(1).map(String);
        ws.eachRow((row, r) => {
          if (r <= 2) return;
          row.eachCell((cell, c) => {
            if (cell.value instanceof Date) dates++;
            if (typeof cell.value === 'string' && /^(<\d+|x)$/.test(cell.value))
              throw new Error(`${ws.name} ${head[c - 1]}: marker in a number column`);
            if (head[c - 1] === 'Skjulte tal' && /: (<\d+|x)\b/.test(String(cell.value))) suppressed++;
          });
        });
      }
      expect(dates).toBeGreaterThan(0);
      expect(suppressed).toBeGreaterThan(0);
      const ms = wb.worksheets.find((w) => String(w.getCell('A1').value).startsWith('Milep'))!;
      const due = ms.getRow(3).getCell(4);
      expect(due.value).toBeInstanceOf(Date);
      expect(due.numFmt).toBe('d.m.yyyy');
      // The milestone's number is a number a spreadsheet can sort by, not text (re-walk of point 11).
      expect(ms.getRow(2).getCell(1).value).toBe('Nr.');
      expect([3, 4, 5].map((r) => ms.getRow(r).getCell(1).value)).toEqual([1, 2, 3]);
    });
  });
});
