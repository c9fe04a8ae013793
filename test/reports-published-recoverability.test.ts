/**
 * Issue 18 point 12 ("a suppression test runs the recoverability solver over every table of the
 * national page and the reports together") and issue 17 (secondary suppression of project reports
 * in every format). The reports that leave the municipality — half-yearly follow-up, final report,
 * committee brief — are fetched as a reader gets them (HTML page, XLSX, PDF) and:
 *
 * 1. every format publishes exactly what the HTML shows: each table of the page, cell by cell, in
 *    the XLSX sheet (a hidden count is an empty cell named with its marker in «Skjulte tal») and in
 *    the tagged PDF's table cells;
 * 2. every table of each report (engine tables, goals, activity mix, contact, recruitment funnel
 *    and declines, breakdowns, progression, family barriers, and the committee brief's figures in
 *    words) is read with the relations between them written here from the definitions, and the
 *    independent solver (helpers/recoverability.ts) says no `<5` or `x` is determined by the
 *    equations — each report alone, the three together, and the historic project together with
 *    the national page for its municipality; and no hidden figure is pinned to one value by the
 *    bounds (`<5` 1–4, `x` 5 or more). (Interval bounds — `narrowed` — still find small counts
 *    confined to part of 1–4: see the note in src/app/steering/report-pass.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNationalData } from '../src/app/steering/national-data.ts';
import { loadSteeringData, type SteeringData } from '../src/app/steering/steering-data.ts';
import { loadActor } from '../src/db/users.ts';
import { cellText } from '../src/reports/format.ts';
import { allTables, type Report } from '../src/reports/model.ts';
import { nationalReport } from '../src/reports/national-report.ts';
import { projectReport, WITH_EFFECT } from '../src/reports/project-reports.ts';
import { defaultMonths } from '../src/app/register/default-months.ts';
import { onReport } from '../src/app/steering/report-pass.ts';
import { testDeps } from './helpers/db.ts';
import { xlsxCells } from './helpers/downloads.ts';
import { loginAs, type Session } from './helpers/http.ts';
import { popplerAvailable, readPdf } from './helpers/pdf.ts';
import { narrowed, ranges, recoverable, type Relation, type Shown } from './helpers/recoverability.ts';
import { useTestServer } from './helpers/server.ts';
import {
  breakdownFigures,
  engineFigures,
  engineRelations,
  GROUP_FIGURES,
  municipalityFunnelIsProject,
  municipalityIsProject,
  nationalFunnelFigures,
  nationalPageFigures,
} from './helpers/published-tables.ts';
import { loadNationalFunnel } from '../src/app/steering/national-funnel.ts';
import { nationalFunnelSection } from '../src/reports/national-funnel-section.ts';

const KINDS = ['halvaarlig', 'slutrapport', 'udvalg'] as const;
type Kind = (typeof KINDS)[number];
const THRESHOLD = 5;

interface Published {
  published: Map<string, Shown>;
  relations: Relation[];
}

const decode = (s: string) =>
  s
    .replace(/<sup>[\s\S]*?<\/sup>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** Every table of a page: id → its column headings and its rows' cell texts (row heading first). */
function htmlTables(body: string): Map<string, { columns: string[]; rows: string[][] }> {
  const out = new Map<string, { columns: string[]; rows: string[][] }>();
  for (const m of body.matchAll(/<table[^>]*id="tabel-([^"]+)"[\s\S]*?<\/table>/g)) {
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(m[0])?.[1] ?? '';
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(m[0])?.[1] ?? '';
    const cells = (tr: string) => [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => decode(c[1]));
    out.set(m[1], {
      columns: cells(head),
      rows: [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
        .map((r) => cells(r[1]))
        .filter((r) => !(r.length === 1 && r[0] === 'Ingen data endnu.')),
    });
  }
  return out;
}

/** The texts of the tagged PDF's table cells (TH and TD), in reading order. */
function pdfCells(pdf: Buffer): string[] {
  const lines = readPdf(pdf).structure.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(TH|TD)\b/.exec(lines[i]);
    if (!m) continue;
    const text: string[] = [];
    for (let j = i + 1; j < lines.length && /^\s*"/.test(lines[j]); j++) text.push(lines[j].trim().replace(/^"|"$/g, ''));
    out.push(text.join(' ').replace(/\s+/g, ' ').trim());
  }
  return out;
}

/**
 * The figures a report prints and the relations between them, under namespace `ns`: the engine's
 * tables (by result path) and relations, the activity mix, contact, progression, breakdowns, the
 * recruitment funnel and declines, family barriers, and the committee brief's figures in words.
 */
function reportFigures(ns: string, d: SteeringData, reports: Report[], out: Published, progressionGroups?: Map<string, string[]>) {
  const rel = (total: string, parts: string[]) => out.relations.push({ total, parts });
  const put = (key: string, v: Shown) => {
    const before = out.published.get(key);
    expect(before === undefined || before === v, `${key} shown as ${String(before)} and ${String(v)}`).toBe(true);
    out.published.set(key, v);
  };
  out.relations.push(...engineRelations(ns, d.result));
  for (const r of reports) {
    engineFigures(ns, r, out.published);
    breakdownFigures(ns, r, out);
    for (const tb of allTables(r)) {
      const cell = (row: number, col: number) => tb.rows[row][col].value as Shown;
      if (tb.id === 'aktiviteter') {
        for (const [i, row] of tb.rows.entries()) {
          const keys = row.slice(1, -1).map((_, j) => `${ns}mix.${String(row[0].value)}.${tb.columns[1 + j]}`);
          keys.forEach((k, j) => put(k, cell(i, 1 + j)));
          rel(keys[0], keys.slice(1));
        }
        if (tb.rows.some((row) => row[0].value === 'I alt'))
          for (const col of tb.columns.slice(1, -1))
            rel(
              `${ns}mix.I alt.${col}`,
              d.mix.map((m) => `${ns}mix.${m.period}.${col}`),
            );
      }
      if (tb.id === 'kontakt') for (const [i, row] of tb.rows.entries()) put(`${ns}talks.${String(row[0].value)}`, cell(i, 1));
      const prog = /^progression-(.+)$/.exec(tb.id);
      if (prog && !tb.id.startsWith('progression-kommune-')) {
        const groups = tb.columns.slice(1);
        groups.forEach((g, i) => put(`${ns}prog.${prog[1]}.${g}`, cell(0, 1 + i)));
        rel(
          `${ns}prog.${prog[1]}.I alt`,
          groups.filter((g) => g !== 'I alt').map((g) => `${ns}prog.${prog[1]}.${g}`),
        );
        progressionGroups?.set(prog[1], groups);
      }
      // The recruitment funnel by channel: each column adds up to «I alt»; in each row a contacted
      // woman is enrolled, declined (not enrolled) or neither, and invited and informed are among
      // the contacted, and the gross group is the contacted and those not contacted.
      if (tb.id === 'rekruttering-kanal') {
        const k = (row: string, col: string) => `${ns}funnel.${row}.${col}`;
        const rows = tb.rows.map((row) => String(row[0].value));
        tb.rows.forEach((row, i) => tb.columns.slice(1).forEach((c, j) => put(k(rows[i], c), cell(i, 1 + j))));
        for (const c of tb.columns.slice(1))
          rel(
            k('I alt', c),
            rows.filter((r) => r !== 'I alt').map((r) => k(r, c)),
          );
        for (const r of rows) {
          rel(k(r, 'Bruttomålgruppe'), [k(r, 'Kontaktet'), k(r, '~ikke kontaktet')]);
          rel(k(r, 'Kontaktet'), [k(r, 'Indskrevet'), k(r, 'Takket nej'), k(r, '~i gang')]);
          rel(k(r, 'Kontaktet'), [k(r, 'Inviteret'), k(r, '~ikke inviteret')]);
          rel(k(r, 'Kontaktet'), [k(r, 'Informeret'), k(r, '~ikke informeret')]);
        }
      }
      if (tb.id === 'rekruttering-afslag') {
        const reasons = tb.rows.map((row) => String(row[0].value)).filter((r) => r !== 'I alt');
        tb.rows.forEach((row, i) =>
          put(row[0].value === 'I alt' ? `${ns}funnel.I alt.Takket nej` : `${ns}decline.${String(row[0].value)}`, cell(i, 1)),
        );
        rel(
          `${ns}funnel.I alt.Takket nej`,
          reasons.map((r) => `${ns}decline.${r}`),
        );
      }
      if (tb.id === 'rekruttering-maaned') {
        // Each woman counts in the month she first reached a stage: the months add up to at most the total.
        const months = tb.rows.map((row) => String(row[0].value));
        const cols = ['Bruttomålgruppe', ...tb.columns.slice(2)];
        tb.rows.forEach((row, i) => cols.forEach((c, j) => put(`${ns}funnelmonth.${months[i]}.${c}`, cell(i, 1 + j))));
        for (const c of cols)
          rel(`${ns}funnel.I alt.${c}`, [...months.map((m) => `${ns}funnelmonth.${m}.${c}`), `${ns}funnelmonth.~før.${c}`]);
      }
      // Family barriers: every barrier is among the women whose situation is recorded.
      if (tb.id === 'familie-barrierer') {
        tb.rows.forEach((row, i) =>
          ['ved', 'nu'].forEach((when, j) => {
            put(`${ns}family.${String(row[0].value)}.${when}`, cell(i, 1 + j));
            if (i > 0)
              rel(`${ns}family.${String(tb.rows[0][0].value)}.${when}`, [
                `${ns}family.${String(row[0].value)}.${when}`,
                `${ns}family.~uden ${String(row[0].value)}.${when}`,
              ]);
          }),
        );
      }
    }
    const text = r.sections.flatMap((s) => s.paragraphs ?? []).join(' ');
    if (r.kind === 'udvalg') {
      // The committee brief says the visitation groups in words: the engine's counts.
      const word = (re: RegExp): Shown | null => {
        const m = re.exec(text);
        return m ? (m[1].startsWith('færre end') ? `<${THRESHOLD}` : Number(m[1].replace(/\./g, ''))) : null;
      };
      const groups: [string, RegExp][] = [
        ['aktivitetsparat', /([\d.]+|færre end \d+) aktivitetsparate/],
        ['jobparat', /([\d.]+|færre end \d+) jobparate/],
        ['selvforsoergende', /([\d.]+|færre end \d+) selvforsørgende/],
        ['oevrige', /([\d.]+|færre end \d+) i andre situationer/],
      ];
      for (const [v, re] of groups) {
        const w = word(re);
        if (w !== null) put(`${ns}groups.visitation.${v}.n`, w);
      }
      const started = /startet på ([\d.]+) forløb/.exec(text);
      if (started) {
        put(`${ns}mix.sum.I alt`, Number(started[1].replace(/\./g, '')));
        rel(
          `${ns}mix.sum.I alt`,
          d.mix.map((m) => `${ns}mix.${m.period}.I alt`),
        );
      }
      const company = /([\d.]+) af forløbene foregik på en arbejdsplads/.exec(text);
      const col = allTables(r).find((x) => x.id === 'aktiviteter')?.columns[2] ?? 'Virksomhedsrettet';
      if (company) {
        put(`${ns}mix.sum.${col}`, Number(company[1].replace(/\./g, '')));
        rel(
          `${ns}mix.sum.${col}`,
          d.mix.map((m) => `${ns}mix.${m.period}.${col}`),
        );
      }
    }
    // The family section's paragraph: women enrolled and recorded at enrolment and now.
    const fam =
      /Kvinder indskrevet ved månedens udgang: (<\d+|[\d.]+)\. Familiesituationen var registreret ved indskrivningen for (<\d+|[\d.]+) af dem og er registreret nu for (<\d+|[\d.]+)/.exec(
        text,
      );
    if (fam) {
      const v = (s: string): Shown => (s.startsWith('<') ? s : Number(s.replace(/\./g, '')));
      const recorded = allTables(r).find((x) => x.id === 'familie-barrierer')?.rows[0][0].value;
      put(`${ns}family.kvinder`, v(fam[1]));
      if (recorded !== undefined) {
        put(`${ns}family.${String(recorded)}.ved`, v(fam[2]));
        put(`${ns}family.${String(recorded)}.nu`, v(fam[3]));
        for (const when of ['ved', 'nu'])
          rel(`${ns}family.kvinder`, [`${ns}family.${String(recorded)}.${when}`, `${ns}family.~ikke registreret.${when}`]);
      }
    }
  }
}

const show = (r: { key: string; shown: string; value?: number; lo?: number; hi?: number }[]) =>
  r.map((x) => `${x.key} shown ${x.shown} is ${x.value ?? `${x.lo}–${x.hi}`}`).join('\n');

/**
 * No hidden figure pinned to one value by the bounds (a `<5` is 1–4, an `x` 5 or more, counts ≥ 0):
 * issue 18 point 12, the historic project's reports pinned Mål 2's durable full-time employment to 1,
 * jobparat's Mål 3 to 1, activity mix cells to 4, 5 and 10 (and more).
 */
function expectNotPinned(p: Published, what: string) {
  const pinned = ranges(p.published, p.relations, THRESHOLD).filter((r) => r.lo >= r.hi);
  expect.soft(pinned, `${what}: pinned to one value by the bounds\n${show(pinned)}`).toEqual([]);
}

/** Nothing hidden is determined by the equations. */
function expectProtected(p: Published, what: string) {
  expect([...p.published.values()].filter((v) => typeof v === 'string').length, `${what}: some figures are suppressed`).toBeGreaterThan(3);
  const found = recoverable(p.published, p.relations);
  expect(found, `${what}: determined\n${show(found)}`).toEqual([]);
}

describe('the project reports as published: every format alike, no hidden figure recoverable (issue 18 point 12, issue 17)', () => {
  const env = useTestServer('pglite');
  const q = <T>(sql: string, params: unknown[] = []) => env.t.db.query<T>(sql, params).then((r) => r.rows);
  const actorOf = async (username: string) =>
    (await loadActor(env.t.db, (await q<{ id: number }>('SELECT id FROM app_user WHERE username = $1', [username]))[0].id, '127.0.0.1'))!;
  const pages = new Map<Kind, { html: string; xlsx: Buffer; pdf: Buffer; report: Report }>();
  let current: SteeringData;
  let leader: Session;

  beforeAll(async () => {
    leader = await loginAs(env.app, 'projektleder.aalborg');
    // The current project (enrolments from 2025): recruitment funnel, family barriers and instruments.
    const pid = (await q<{ id: number }>(`SELECT id FROM project WHERE key = 'aalborg-2025'`))[0].id;
    const months = await defaultMonths(env.t.db);
    const qs = `projekt=${pid}&maaned=${months.month}&varig=${months.durableMonth}&status=${months.snapshotMonth}`;
    const actor = await actorOf('projektleder.aalborg');
    const deps = testDeps(env.t.db);
    current = await loadSteeringData(deps, actor, pid, months, { suppress: true, effect: true });
    for (const kind of KINDS) {
      const get = async (url: string) => {
        const res = await leader.get(url);
        expect(res.statusCode, url).toBe(200);
        return res;
      };
      const d = WITH_EFFECT[kind] ? current : await loadSteeringData(deps, actor, pid, months, { suppress: true });
      pages.set(kind, {
        html: (await get(`/styring/rapporter/${kind}?${qs}`)).body,
        xlsx: (await get(`/styring/rapporter/${kind}.xlsx?${qs}`)).rawPayload,
        pdf: (await get(`/styring/rapporter/${kind}.pdf?${qs}`)).rawPayload,
        report: projectReport(kind, d),
      });
    }
  }, 600_000);

  it('the page shows every table of the report model, cell by cell', () => {
    for (const [kind, p] of pages) {
      const tables = htmlTables(p.html);
      for (const t of allTables(p.report)) {
        const h = tables.get(t.id);
        expect(h, `${kind}: table ${t.id} on the page`).toBeDefined();
        expect(h!.rows, `${kind}: ${t.id}`).toEqual(t.rows.map((row) => row.map((c) => cellText(c).replace(/\s+/g, ' ').trim())));
      }
    }
  });

  it('the XLSX and the PDF publish exactly what the page shows, cell by cell', async () => {
    for (const [kind, p] of pages) {
      const tables = htmlTables(p.html);
      const sheets = [...(await xlsxCells(p.xlsx)).values()].slice(1);
      const model = allTables(p.report);
      expect(sheets.length, `${kind}: one sheet per table`).toBe(model.length);
      model.forEach((t, ti) => {
        const h = tables.get(t.id)!;
        const sheet = sheets[ti].slice(2, 2 + h.rows.length);
        const flagged = sheets[ti][1]?.[h.columns.length] === 'Skjulte tal';
        h.rows.forEach((row, ri) =>
          row.forEach((shown, ci) => {
            if (t.rows[ri][ci].kind !== 'count') return;
            const got = sheet[ri]?.[ci] ?? '';
            if (shown === `<${THRESHOLD}` || shown === 'x') {
              expect(got, `${kind} ${t.id} row ${ri} col ${ci}: a hidden count is an empty cell`).toBe('');
              const flags = `, ${sheet[ri][h.columns.length] ?? ''},`;
              expect(
                flagged && flags.includes(`, ${h.columns[ci]}: ${shown},`),
                `${kind} ${t.id} «Skjulte tal» names ${h.columns[ci]}: ${shown}`,
              ).toBe(true);
            } else expect(got === '' ? '–' : Number(got).toLocaleString('da-DK'), `${kind} ${t.id} row ${ri} col ${ci}`).toBe(shown);
          }),
        );
      });
      if (!popplerAvailable()) continue;
      // The tagged PDF's table cells, in order: every table's headings and cells as the page shows them.
      const want = model.flatMap((t) => {
        const h = tables.get(t.id)!;
        return [...h.columns, ...(h.rows.length ? h.rows.flat() : [])];
      });
      const got = pdfCells(p.pdf);
      const hidden = (s: string) => s === `<${THRESHOLD}` || s === 'x';
      expect(got.filter(hidden).length, `${kind}: the PDF has as many hidden cells as the page`).toBe(want.filter(hidden).length);
      const norm = (s: string) => s.replace(/\s+/g, '');
      const gotSet = got.map(norm).join('|');
      for (const t of model) {
        const h = tables.get(t.id)!;
        for (const row of h.rows) expect(gotSet, `${kind} ${t.id}: row «${row.join(' | ')}» in the PDF`).toContain(row.map(norm).join('|'));
      }
    }
  });

  for (const kind of KINDS)
    it(`the ${kind} report alone: no hidden figure is determined`, () => {
      const p: Published = { published: new Map(), relations: [] };
      reportFigures('P:', current, [pages.get(kind)!.report], p);
      expectProtected(p, kind);
    });

  it('the three reports together: no hidden figure is determined', () => {
    const p: Published = { published: new Map(), relations: [] };
    reportFigures(
      'P:',
      current,
      KINDS.map((k) => pages.get(k)!.report),
      p,
    );
    expectProtected(p, 'together');
    expectNotPinned(p, 'the current project’s reports together');
  });

  it('every engine figure the reports print is one the report pass counts as printed (its reader knows it)', () => {
    for (const [kind, p] of pages)
      for (const t of allTables(p.report))
        for (const row of t.rows)
          for (const c of row) {
            const refs = typeof c.ref === 'string' ? [c.ref] : c.ref ? [c.ref.count, c.ref.denominator] : [];
            for (const ref of refs) expect(onReport(ref), `${kind} ${t.id}: ${ref}`).toBe(true);
          }
  });

  it('the historic project’s reports at the default months (not the national view’s Aalborg): no hidden figure is determined', async () => {
    const pid = (await q<{ id: number }>(`SELECT id FROM project WHERE key = 'aalborg'`))[0].id;
    const months = await defaultMonths(env.t.db);
    const d = await loadSteeringData(testDeps(env.t.db), await actorOf('projektleder.aalborg'), pid, months, {
      suppress: true,
      effect: true,
    });
    const p: Published = { published: new Map(), relations: [] };
    reportFigures(
      'P:',
      d,
      KINDS.map((k) => projectReport(k, d)),
      p,
    );
    expectProtected(p, `the historic project at ${months.month}`);
    expectNotPinned(p, `the historic project at ${months.month}`);
    // SIRI's headline, durable employment among the Mål 1 women, is shown (as on the national page): the
    // complement for the small Mål 2 durable counts is the durable total, not the headline.
    expect(typeof p.published.get('P:groups.all.durableByAccumulated.1.full'), 'Mål 1 durable over part time').toBe('number');
  }, 300_000);

  it('the historic project’s reports and the national page for Aalborg together', async () => {
    // The evaluation's months, where the historic project's women are the national view's Aalborg.
    const months = { month: '2022-12', durableMonth: '2023-02', snapshotMonth: '2023-02' };
    const deps = testDeps(env.t.db);
    const nd = await loadNationalData(deps, await actorOf('analytiker.siri'), months);
    const nr = nationalReport(nd);
    const national: Published = { published: new Map(), relations: [] };
    nationalPageFigures('N:', nr, nd.result, national);
    const pid = (await q<{ id: number }>(`SELECT id FROM project WHERE key = 'aalborg'`))[0].id;
    const d = await loadSteeringData(deps, await actorOf('projektleder.aalborg'), pid, months, { suppress: true, effect: true });
    const project: Published = { published: new Map(), relations: [] };
    const progressionGroups = new Map<string, string[]>();
    reportFigures(
      'P:',
      d,
      KINDS.map((k) => projectReport(k, d)),
      project,
      progressionGroups,
    );
    expectProtected(project, 'the historic project’s reports');
    expectNotPinned(project, 'the historic project’s reports at 2022-12');
    const both: Published = {
      published: new Map([...national.published, ...project.published]),
      relations: [...national.relations, ...project.relations],
    };
    both.relations.push(...municipalityIsProject('Aalborg', progressionGroups));
    // The national page at the evaluation's months gives nothing away on its own, neither by the
    // equations nor by the bounds (its one pass protects intervals too). Before, what it gave away alone
    // was left out of the check below; that would also have excused a hidden figure the page alone only
    // narrows and the two publications together pin down.
    const alone = [...recoverable(national.published, national.relations), ...narrowed(national.published, national.relations, THRESHOLD)];
    expect(alone, `the national page alone\n${show(alone)}`).toEqual([]);
    // Nothing follows from having both: the historic project's reports print what the national page
    // prints for Aalborg and hide what it hides (src/app/steering/report-pass.ts). Before, the
    // page's own complements for Aalborg (such as accumulated.1) were printed by the reports and
    // protected nothing for a reader of both.
    // The progression tables too: the reports take the page's states for Aalborg's row (national-data.ts,
    // nationalProgressionStates); before, suppressed apart, the page's complements there could be worked out.
    const found = recoverable(both.published, both.relations);
    expect(found, show(found)).toEqual([]);
    expectNotPinned(both, 'the historic project’s reports and the national page');
    // The figures the page prints for Aalborg, the reports print alike (shown or hidden).
    for (const f of GROUP_FIGURES) {
      const n = national.published.get(`N:groups.kommune.Aalborg.${f}`);
      const p = project.published.get(`P:groups.all.${f}`);
      if (n !== undefined && p !== undefined) expect(p, `groups.all.${f}: national ${n}, reports ${p}`).toBe(n);
    }
  }, 300_000);

  it('every table of the current project’s reports and of the national page together (the funnel linked where the municipality’s candidates are the project’s)', async () => {
    const months = await defaultMonths(env.t.db);
    const deps = testDeps(env.t.db);
    const analyst = await actorOf('analytiker.siri');
    const nd = await loadNationalData(deps, analyst, months);
    const nr = nationalReport(nd, nationalFunnelSection(await loadNationalFunnel(deps, analyst, months.month), nd.threshold));
    const national: Published = { published: new Map(), relations: [] };
    nationalPageFigures('N:', nr, nd.result, national);
    nationalFunnelFigures('N:', nr, national);
    const project: Published = { published: new Map(), relations: [] };
    reportFigures(
      'P:',
      current,
      KINDS.map((k) => pages.get(k)!.report),
      project,
    );
    const both: Published = {
      published: new Map([...national.published, ...project.published]),
      relations: [...national.relations, ...project.relations],
    };
    // Where every candidate of the project's municipality is the project's (and the project has no other
    // municipality), the national page's funnel row for it is the project's funnel: the same women.
    const pid = current.choice.project.id;
    const [m] = current.choice.project.municipalityNames;
    const [{ others, mine }] = await q<{ others: number; mine: number }>(
      `SELECT count(*) FILTER (WHERE c.project_id <> $1)::int AS others, count(*) FILTER (WHERE c.project_id = $1)::int AS mine
         FROM recruitment_candidate c JOIN municipality mu ON mu.code = c.municipality_code WHERE mu.name = $2`,
      [pid, m],
    );
    const funnel = allTables(nr).find((t) => t.id === 'rekruttering-kommune');
    const linked = current.choice.project.municipalityNames.length === 1 && others === 0 && mine > 0 && funnel !== undefined;
    if (linked) {
      const reasons = allTables(nr).find((t) => t.id === 'rekruttering-kommune-afslag')!;
      both.relations.push(...municipalityFunnelIsProject(m, funnel.columns.slice(1), reasons.columns.slice(1, -1)));
    }
    expect(
      [...both.published.keys()].filter((k) => k.startsWith('N:natfunnel.') || k.startsWith('P:funnel.')).length,
      'both funnels are read',
    ).toBeGreaterThan(10);
    const found = recoverable(both.published, both.relations);
    expect(found, `the current project’s reports and the national page (funnel linked: ${linked})\n${show(found)}`).toEqual([]);
    expectNotPinned(both, `the current project’s reports and the national page (funnel linked: ${linked})`);
  }, 300_000);
});
