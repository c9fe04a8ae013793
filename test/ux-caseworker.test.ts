/**
 * A caseworker's first day, over HTTP (issue 18, points 1–7), on fresh municipalities of the test's
 * own (test/helpers/world.ts), not the demo data: Mine borgere as a worklist, a header search that
 * ignores accents, a "Gemt" notice with the alerts a save raised or cleared, her page with the
 * actions first, enrolment caught at the CPR step, one date format and distinct date errors, labels
 * that agree with the rules.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCpr } from '../src/domain/cpr.ts';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { addDays, addMonths } from '../src/core/dates.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { expectRejected, loginAs, type Session } from './helpers/http.ts';
import { addUser, createMunicipality, enrolByForm, freshCpr, type TestMunicipality } from './helpers/world.ts';

const who5 = (v: number) => Object.fromEntries(['glad', 'rolig', 'aktiv', 'udhvilet', 'interesse'].map((k) => [`answers.${k}`, String(v)]));
const dmy = (iso: string) => `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}`;

/** The rows of the Mine borgere table: name cell text, alert texts and the row's markup. */
function caseloadRows(body: string) {
  const tbody = /<table[^>]*data-testid="caseload-table"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? '';
  return [...tbody.matchAll(/<tr data-participant="([^"]+)"[\s\S]*?<\/tr>/g)].map((m) => {
    const tr = m[0];
    const name = /<a href="\/deltagere\/[^"]+">([^<]+)<\/a>/.exec(tr)?.[1] ?? '';
    const alerts = [...tr.matchAll(/alert-item--(kritisk|advarsel)" data-code="(\w+)"><strong>[^<]*<\/strong>\s*([^<]*)/g)].map((a) => ({
      severity: a[1],
      code: a[2],
      text: a[3],
    }));
    return { id: m[1], name, alerts, tr };
  });
}

/** A worklist row's rank: a possible depression first, then other critical alerts, then warnings, then the rest. */
const level = (r: ReturnType<typeof caseloadRows>[number]) =>
  r.alerts.some((a) => a.severity === 'kritisk' && a.text.includes('mulig depression'))
    ? 0
    : r.alerts.some((a) => a.severity === 'kritisk')
      ? 1
      : r.alerts.length
        ? 2
        : 3;

/** Her municipality's women, named for the accent-blind search (Doğan, Begić, Şahin) and a few others it must not find. */
const NAMES = [
  ['Emine', 'Doğan'],
  ['Emine', 'Doğan'],
  ['Songül', 'Begić'],
  ['Zeynep', 'Begić'],
  ['Songül', 'Şahin'],
  ['Emine', 'Yılmaz'],
  ['Zeynep', 'Kaya'],
  ['Songül', 'Öztürk'],
].map(([firstName, lastName]) => ({ firstName, lastName }));

const linkNames = (body: string) => [...body.matchAll(/<a href="\/deltagere\/[0-9a-f-]{36}(?:\?[^"]*)?">([^<]+)<\/a>/g)].map((m) => m[1]);

describe.each(backends())('a caseworker’s day on %s (issue 18)', (backend) => {
  const srv = useTestServer(backend);
  let s: Session;
  let mine = '';
  let m: TestMunicipality;

  beforeAll(async () => {
    // Her women were enrolled 25 days ago (plan, CV and ABC strategy due within the week: warnings)
    // or 40–90 days ago (overdue: critical alerts with their deadline "(frist d.m.åååå)"); the second
    // Emine Doğan has another caseworker of the same jobcentre.
    const today = todayInDenmark();
    m = await createMunicipality(srv.t.db, {
      women: NAMES.length,
      names: (i) => NAMES[i],
      enrolledOn: (i) => addDays(today, -[25, 40, 25, 90, 25, 55, 25, 70][i]),
      projectEnd: addMonths(today, 24),
    });
    const colleague = await addUser(srv.t.db, m, 'sagsbehandler', 'Kollega');
    await srv.t.db.query('UPDATE enrolment SET caseworker_id = $1 WHERE participant_id = $2', [colleague.id, m.women[1].id]);
    s = await loginAs(srv.app, m.caseworker.username);
    mine = (await s.get('/mine-borgere')).body;
  });

  describe('1. Mine borgere is a worklist', () => {
    // Her own caseload in a test municipality, so every level is there whatever day it is (the
    // demo's alerts depend on the day it is seeded): enrolled today (no alert yet), 25 days ago
    // (plan, CV and ABC strategy due within the week: warnings), or 40–200 days ago (deadlines
    // passed: critical, overdue by different numbers of days); one overdue woman gets a WHO-5 of 20
    // (mulig depression).
    const AGO = [0, 0, 0, 0, 0, 0, 0, 0, 25, 25, 25, 25, 25, 25, 25, 25, 40, 55, 70, 90, 120, 150, 180, 200];
    let own: TestMunicipality;
    let s: Session;
    let mine = '';
    beforeAll(async () => {
      const today = todayInDenmark();
      own = await createMunicipality(srv.t.db, {
        women: AGO.length,
        enrolledOn: (i) => addDays(today, -AGO[i]),
        projectEnd: addMonths(today, 24),
      });
      s = await loginAs(srv.app, own.caseworker.username);
      const saved = await s.post(`/deltagere/${own.women[AGO.length - 3].id}/maalinger`, {
        instrumentKey: 'who5',
        date: dmy(today),
        ...who5(1),
      });
      expect(saved.statusCode).toBe(303);
      mine = (await s.get('/mine-borgere')).body;
    });

    it('puts the most serious alert first by default: a possible depression, then critical alerts by days overdue, then warnings, then the rest', () => {
      const rows = caseloadRows(mine);
      expect(rows.length).toBeGreaterThan(20);
      expect(rows[0].alerts.some((a) => a.text.includes('mulig depression'))).toBe(true);
      const levels = rows.map(level);
      expect(levels).toEqual([...levels].sort((a, b) => a - b));
      expect(new Set(levels)).toEqual(new Set([0, 1, 2, 3]));
      // Among the critical ones, the most overdue first: the days shown are non-increasing.
      const overdue = rows.filter((r) => level(r) === 1).map((r) => Number(/data-overdue-days="(\d+)"/.exec(r.tr)?.[1] ?? 'NaN'));
      expect(overdue.every((d) => Number.isFinite(d))).toBe(true);
      expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    });

    it('tells two women of the same name apart by the birth date beside the name', async () => {
      // A second woman named as one on her list, born another day, enrolled with the same caseworker.
      const first = caseloadRows(mine).find((r, _, all) => all.filter((x) => x.name === r.name).length === 1)!;
      const [firstName, ...last] = first.name.split(' ');
      const cprNew = makeCpr('1979-03-14', 'K', 3131);
      const form = (await s.post('/indskrivning/soeg', { cpr: cprNew })).body;
      const projectId = /id="f-projectId"[\s\S]*?<option value="(\d+)"/.exec(form)![1];
      const caseworkerId = /id="f-caseworkerId"[\s\S]*?<option value="(\d+)" selected/.exec(form)?.[1] ?? own.caseworker.id;
      const res = await s.post('/indskrivning', {
        cpr: cprNew,
        firstName,
        lastName: last.join(' '),
        countryOfOrigin: 'TR',
        projectId,
        enrolmentDate: dmy(todayInDenmark()),
        visitation: 'jobparat',
        recruitmentChannel: 'jobcenter',
        caseworkerId: String(caseworkerId),
      });
      expect(res.statusCode).toBe(303);
      const rows = caseloadRows((await s.get('/mine-borgere')).body).filter((r) => r.name === first.name);
      expect(rows).toHaveLength(2);
      const born = rows.map((r) => /data-testid="born"[^>]*>født (\d{1,2}\.\d{1,2}\.\d{4})</.exec(r.tr)?.[1]);
      expect(born.every(Boolean)).toBe(true);
      expect(born[0]).not.toBe(born[1]);
      expect(born).toContain('14.3.1979');
    });

    it('marks an overdue date in text, not only colour, and names the project once instead of on every row', () => {
      // The most overdue woman (first among the critical ones) has her deadline in text, d.m.åååå.
      const overdue = caseloadRows(mine).find((r) => /class="overdue"/.test(r.tr))!;
      expect(overdue.tr).toMatch(/class="overdue"[^>]*>\d{1,2}\.\d{1,2}\.20\d\d <span[^>]*>\(overskredet\)/);
      const project = own.projectName;
      expect(mine).toContain(project);
      expect(mine.split(project).length - 1).toBeLessThanOrEqual(2);
    });

    it('names a company consultant shared by all her women once above the list, not on every row', async () => {
      // The demo gives every woman with a placement the jobcentre's one consultant (issue 14), so
      // her Mine borgere repeated «virksomhedskonsulent: …» on every row: two rows to a screen again.
      const few = await createMunicipality(srv.t.db, { women: 3, enrolledOn: addDays(todayInDenmark(), -25) });
      const consultants = [
        await addUser(srv.t.db, few, 'sagsbehandler', 'Virksomhedskonsulent'),
        await addUser(srv.t.db, few, 'sagsbehandler', 'Konsulent'),
      ];
      const assign = (i: number, consultant: number) =>
        srv.t.db.query(
          `INSERT INTO company_consultant_change (participant_id, municipality_code, from_date, consultant_id, created_by) VALUES ($1, $2, $3, $4, $5)`,
          [few.women[i].id, few.code, addDays(todayInDenmark(), -20 + i), consultant, few.caseworker.id],
        );
      for (let i = 0; i < 3; i++) await assign(i, consultants[0].id);
      const cw = await loginAs(srv.app, few.caseworker.username);
      const shared = `Virksomhedskonsulent ${few.name}`;
      let body = (await cw.get('/mine-borgere')).body;
      let rows = caseloadRows(body);
      expect(rows).toHaveLength(3);
      for (const r of rows) expect(r.tr, r.name).not.toContain(shared);
      expect(body).toMatch(new RegExp(`<p class="meta" role="status">[^\\n]*virksomhedskonsulent for dem alle: ${shared}`));
      // With two consultants among her women, each row names its own.
      await assign(2, consultants[1].id);
      body = (await cw.get('/mine-borgere')).body;
      rows = caseloadRows(body);
      expect(rows.filter((r) => r.tr.includes(`virksomhedskonsulent: ${shared}`))).toHaveLength(2);
      expect(rows.filter((r) => r.tr.includes(`virksomhedskonsulent: Konsulent ${few.name}`))).toHaveLength(1);
      expect(body).not.toContain('for dem alle');
    });
  });

  describe('2. search in the header ignores accents and case, and finds CPR and birth date', () => {
    it('is in the header of every page a caseworker opens', async () => {
      for (const url of ['/mine-borgere', '/progression', '/styring', '/indskrivning']) {
        const body = (await s.get(url)).body;
        const header = /<header[\s\S]*<\/header>/.exec(body)?.[0] ?? '';
        expect(header, url).toMatch(/<form[^>]*role="search"[^>]*action="\/deltagere"/);
        expect(header, url).toContain('Søg borger');
      }
    });

    it('finds Doğan as "dogan", Begić as "BEGIC", Şahin as "sahin"', async () => {
      const names = async (q: string) => linkNames((await s.get(`/deltagere?q=${encodeURIComponent(q)}`)).body);
      // The list covers every woman of the municipality, not only her own.
      const dogan = await names('dogan');
      expect(dogan.filter((n) => n === 'Emine Doğan').length).toBeGreaterThanOrEqual(2);
      expect(dogan.every((n) => n.endsWith(' Doğan'))).toBe(true);
      const begic = await names('BEGIC');
      expect(begic).toEqual(expect.arrayContaining(['Songül Begić', 'Zeynep Begić']));
      expect(begic.every((n) => n.endsWith(' Begić'))).toBe(true);
      const sahin = await names('sahin');
      expect(sahin).toContain('Songül Şahin');
      expect(sahin.every((n) => n.endsWith(' Şahin'))).toBe(true);
      expect(await names('songul sahin')).toEqual(['Songül Şahin']);
    });

    it('finds a woman by her CPR number and by her birth date written d.m.åååå or dd-mm-åååå', async () => {
      const { id, name } = caseloadRows(mine)[2];
      const herPage = (await s.get(`/deltagere/${id}`)).body;
      const cpr = /CPR-nummer<\/dt><dd>(\d{6}-\d{4})</.exec(herPage)![1];
      const born = /Fødselsdato<\/dt><dd>(\d{1,2}\.\d{1,2}\.\d{4})</.exec(herPage)![1];
      const [d, m, y] = born.split('.');
      for (const q of [cpr, cpr.replace('-', ''), born, `${d.padStart(2, '0')}-${m.padStart(2, '0')}-${y}`]) {
        const names = linkNames((await s.get(`/deltagere?q=${encodeURIComponent(q)}`)).body);
        expect(names, q).toContain(name);
      }
    });
  });

  describe('3. after every save a "Gemt" notice at the top names the alerts raised or cleared', () => {
    // Each test builds the woman it needs in a municipality of its own, so the demo data's drift
    // (conversations and WHO-5 dated relative to today) cannot decide the outcome.
    const alertsOnHerPage = (body: string) =>
      [...body.matchAll(/alert-item--(kritisk|advarsel)" data-code="(\w+)"><strong>[^<]*<\/strong>\s*([^<]*)/g)].map((a) => ({
        severity: a[1],
        code: a[2],
        text: a[3],
      }));

    it('a conversation clears "Mere end 2 måneder uden samtale" and says so above everything else', async () => {
      // Enrolled on 6.1.2025 with no conversation since: more than two months without one.
      const m = await createMunicipality(srv.t.db, { women: 1, enrolledOn: '2025-01-06' });
      const cw = await loginAs(srv.app, m.caseworker.username);
      const woman = m.women[0];
      const before = alertsOnHerPage((await cw.get(`/deltagere/${woman.id}`)).body);
      expect(before).toContainEqual(
        expect.objectContaining({
          code: 'samtale_frist',
          severity: 'kritisk',
          text: expect.stringContaining('Mere end 2 måneder uden samtale'),
        }),
      );
      const res = await cw.post(`/deltagere/${woman.id}/samtaler`, { date: dmy(todayInDenmark()), kind: 'individuel' });
      expect(res.statusCode).toBe(303);
      const body = (await cw.get(String(res.headers.location))).body;
      const notice = /<div[^>]*data-testid="saved-notice"[\s\S]*?<\/div>\s*<\/div>/.exec(body)?.[0] ?? '';
      expect(notice).toContain('Gemt');
      expect(notice).toContain('Samtalen er gemt.');
      expect(notice).toMatch(/Varsel løst:(<\/strong>)?[^<]*seneste samtale/);
      expect(notice).not.toContain('Det ændrede ingen varsler');
      // She lands on Samtaler (where the new conversation is listed); the overview no longer has the alert.
      expect(String(res.headers.location)).toMatch(new RegExp(`^/deltagere/${woman.id}/samtaler\\?`));
      expect(alertsOnHerPage((await cw.get(`/deltagere/${woman.id}`)).body).map((a) => a.code)).not.toContain('samtale_frist');
      expect(body.indexOf('data-testid="saved-notice"')).toBeGreaterThan(-1);
      expect(body.indexOf('data-testid="saved-notice"')).toBeLessThan(body.indexOf('data-testid="case-actions"'));
      expect(body.indexOf('data-testid="saved-notice"')).toBeLessThan(body.indexOf('data-testid="section-nav"'));
    });

    it('a low WHO-5 raises a new alert and the notice says so', async () => {
      const m = await createMunicipality(srv.t.db, { women: 1, enrolledOn: todayInDenmark() });
      const cw = await loginAs(srv.app, m.caseworker.username);
      const woman = m.women[0];
      expect(alertsOnHerPage((await cw.get(`/deltagere/${woman.id}`)).body).map((a) => a.code)).not.toContain('who5_lav');
      const res = await cw.post(`/deltagere/${woman.id}/maalinger`, { instrumentKey: 'who5', date: dmy(todayInDenmark()), ...who5(1) });
      expect(res.statusCode).toBe(303);
      const body = (await cw.get(String(res.headers.location))).body;
      expect(body).toMatch(/data-testid="saved-notice"[\s\S]*Målingen er gemt\.[\s\S]*Nyt varsel:(<\/strong>)?[^<]*WHO-5/);
      // The notice on Målinger links to the overview, where the alert now is.
      expect(body).toContain(`se Varsler under <a href="/deltagere/${woman.id}">Overblik</a>`);
      expect(alertsOnHerPage((await cw.get(`/deltagere/${woman.id}`)).body)).toContainEqual(
        expect.objectContaining({ code: 'who5_lav', severity: 'kritisk' }),
      );
    });

    it('a plan with a job goal clears "Plan mangler" and says so at the top', async () => {
      // Enrolled 40 days ago with no plan: the plan is overdue (a critical alert).
      const m = await createMunicipality(srv.t.db, { women: 1, enrolledOn: addDays(todayInDenmark(), -40) });
      const cw = await loginAs(srv.app, m.caseworker.username);
      const woman = m.women[0];
      expect(alertsOnHerPage((await cw.get(`/deltagere/${woman.id}`)).body).map((a) => a.code)).toContain('plan_mangler');
      const res = await cw.post(`/deltagere/${woman.id}/plan`, { jobGoal: 'Køkkenassistent' });
      expect(res.statusCode).toBe(303);
      const body = (await cw.get(String(res.headers.location))).body;
      const notice = /<div[^>]*data-testid="saved-notice"[\s\S]*?<\/div>\s*<\/div>/.exec(body)?.[0] ?? '';
      expect(notice).toContain('Planen er gemt.');
      expect(notice).toMatch(/Varsel løst:(<\/strong>)?\s*Plan mangler/);
      expect(body.indexOf('data-testid="saved-notice"')).toBeLessThan(body.indexOf('data-testid="section-nav"'));
      expect(alertsOnHerPage((await cw.get(`/deltagere/${woman.id}`)).body).map((a) => a.code)).not.toContain('plan_mangler');
    });

    it('a save that changes no alert says so', async () => {
      const m = await createMunicipality(srv.t.db, { women: 1, enrolledOn: todayInDenmark() });
      const cw = await loginAs(srv.app, m.caseworker.username);
      const woman = m.women[0];
      const res = await cw.post(`/deltagere/${woman.id}/maalinger`, { instrumentKey: 'who5', date: dmy(todayInDenmark()), ...who5(5) });
      expect(res.statusCode).toBe(303);
      const body = (await cw.get(String(res.headers.location))).body;
      expect(body).toMatch(/data-testid="saved-notice"[\s\S]*Målingen er gemt\. Det ændrede ingen varsler\./);
    });
  });

  describe('4. her page: actions at the top, "Afslut forløb", navigation follows where she came from', () => {
    it('shows the actions before her facts, with "Afslut forløb" instead of "Udskriv"', async () => {
      const id = caseloadRows(mine)[0].id;
      const body = (await s.get(`/deltagere/${id}`)).body;
      const main = body.slice(body.indexOf('<main'));
      expect(main.indexOf('data-testid="case-actions"')).toBeGreaterThan(0);
      expect(main.indexOf('data-testid="case-actions"')).toBeLessThan(main.indexOf('<dl class="facts"'));
      expect(main).toMatch(/<a [^>]*href="\/deltagere\/[^"]+\/udskriv"[^>]*>Afslut forløb<\/a>/);
      expect(main).not.toMatch(/>Udskriv</);
    });

    it('keeps Mine borgere highlighted and the back link pointing there when she was opened from Mine borgere', async () => {
      const link = /<a href="(\/deltagere\/[0-9a-f-]{36}[^"]*)">/.exec(caseloadRows(mine)[0].tr)![1].replace(/&amp;/g, '&');
      expect(link).toContain('fra=mine-borgere');
      const body = (await s.get(link)).body;
      expect(body).toMatch(/<li class="active current"><a href="\/mine-borgere"/);
      expect(body).toContain('Tilbage til Mine borgere');
      expect(body).not.toContain('Tilbage til deltagere');
      // Opened from the participant list, the list is highlighted instead.
      const plain = (await s.get(link.replace(/\?.*/, ''))).body;
      expect(plain).toMatch(/<li class="active current"><a href="\/deltagere"/);
      expect(plain).toContain('Tilbage til deltagere');
    });
  });

  describe('5. enrolment', () => {
    it('catches a woman who is already enrolled at the CPR step, without opening the form', async () => {
      const id = caseloadRows(mine)[0].id;
      const cpr = /CPR-nummer<\/dt><dd>(\d{6}-\d{4})</.exec((await s.get(`/deltagere/${id}`)).body)![1];
      const res = await s.post('/indskrivning/soeg', { cpr });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`er allerede indskrevet i ${m.projectName}`);
      expect(res.body).toContain(`href="/deltagere/${id}"`);
      expect(res.body).not.toContain('name="visitation"');
    });

    it('preselects the only project, and orders the error summary as the form and gives it focus', async () => {
      const cpr = await freshCpr(srv.t.db, '1984-06-02');
      const res = await s.post('/indskrivning/soeg', { cpr });
      expect(res.body).toMatch(
        new RegExp(`<select class="form-select" id="f-projectId"[^>]*>[\\s\\S]*?<option value="${m.projectId}" selected>${m.projectName}<`),
      );
      expect(res.body).not.toMatch(/id="f-projectId"[^>]*>\s*<option value="">Vælg<\/option>/);
      const bad = await s.post('/indskrivning', {
        cpr,
        enrolmentDate: '',
        countryOfOrigin: '',
        firstName: '',
        lastName: '',
      });
      expect(bad.statusCode).toBe(400);
      const summary = /id="fejlopsummering"[^>]*>[\s\S]*?<\/ul>/.exec(bad.body)![0];
      expect(bad.body).toMatch(/id="fejlopsummering"[^>]*autofocus/);
      const order = [...summary.matchAll(/href="#(f-[\w-]+)"/g)].map((m) => m[1]);
      expect(order.length).toBeGreaterThanOrEqual(4);
      const form = bad.body.slice(bad.body.indexOf('<form method="post" action="/indskrivning"'));
      const positions = order.map((id) => form.indexOf(`id="${id}"`));
      expect(positions.every((p) => p > 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    });
  });

  describe('6. one date format, and distinct messages for an impossible and an empty date', () => {
    it('says "31. februar 2025 findes ikke" and "Angiv datoen" and writes dates d.m.åååå', async () => {
      const id = caseloadRows(mine)[1].id;
      const plan = await s.post(`/deltagere/${id}/plan`, {
        jobGoal: 'Kok',
        'goals.0.text': 'Praktik',
        'goals.0.dueDate': '31-02-2025',
        'goals.0.status': 'aaben',
      });
      expectRejected(plan, '31. februar 2025 findes ikke.');
      const act = await s.post(`/deltagere/${id}/aktiviteter`, { typeKey: 'danskundervisning', startDate: '', status: 'planlagt' });
      expectRejected(act, 'Angiv datoen.');
      const garbage = await s.post(`/deltagere/${id}/aktiviteter`, {
        typeKey: 'danskundervisning',
        startDate: 'i går',
        status: 'planlagt',
      });
      expect(garbage.body).toContain('Skriv datoen som d.m.åååå');
      // The alert texts and the plan history use the same d.m.åååå form.
      // Any deadline in the worklist (her women's plans are due within the week): d.m.åååå, never
      // ISO or with leading zeros.
      expect(mine).toMatch(/\(frist \d{1,2}\.\d{1,2}\.\d{4}\)/);
      expect(mine).not.toMatch(/\(frist \d{4}-\d{2}-\d{2}\)/);
      expect(mine).not.toMatch(/\b(0\d\.\d{1,2}|\d{1,2}\.0\d)\.\d{4}\b/);
      const form = (await s.get(`/deltagere/${id}/aktiviteter/ny`)).body;
      expect(form).toContain(`value="${dmy(todayInDenmark())}"`);
      expect(form).toContain('Skriv datoen som d.m.åååå, fx 3.2.2025.');
    });

    it('writes the plan history time as d.m.åååå kl. tt.mm', async () => {
      const id = caseloadRows(mine)[2].id;
      const ok = await s.post(`/deltagere/${id}/plan`, { jobGoal: 'Butiksassistent' });
      expect(ok.statusCode).toBe(303);
      const body = (await s.get(`/deltagere/${id}/historik`)).body;
      const history = /data-testid="plan-history"[\s\S]*?<\/table>/.exec(body)![0];
      expect(history).toMatch(/<td>\d{1,2}\.\d{1,2}\.\d{4} kl\. \d{2}\.\d{2}<\/td>/);
      expect(history).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    });
  });

  describe('7. labels agree with the rules; no phantom rows; good Danish', () => {
    it('does not call a field optional that a rule can require', async () => {
      const id = caseloadRows(mine)[3].id;
      const plan = (await s.get(`/deltagere/${id}/plan`)).body;
      expect(plan).toMatch(/Dato for CV på Jobnet<\/label>/);
      expect(plan).toContain('Skal udfyldes, når CV er lagt på Jobnet.');
      const act = (await s.get(`/deltagere/${id}/aktiviteter/ny`)).body;
      expect(act).toMatch(/Udbyder eller virksomhed<\/label>/);
      expect(act).toMatch(/CVR-nummer<\/label>/);
      expect(act).not.toMatch(/\(valgfri\)[^<]*<\/span><\/label>\s*<span class="form-hint"[^>]*>[^<]*Påkrævet/);
      // The hint says when the rule applies, and the rule does what the hint says.
      expect(act).toMatch(
        /for="f-provider">Udbyder eller virksomhed<\/label>\s*<[^>]*class="form-hint"[^>]*>Skal udfyldes ved virksomhedsrettede aktiviteter\./,
      );
      const practice = await s.post(`/deltagere/${id}/aktiviteter`, {
        typeKey: 'virksomhedspraktik',
        startDate: dmy(todayInDenmark()),
        status: 'planlagt',
      });
      expectRejected(practice, 'Angiv virksomhedens navn.');
      const tuition = await s.post(`/deltagere/${id}/aktiviteter`, {
        typeKey: 'danskundervisning',
        startDate: dmy(todayInDenmark()),
        status: 'planlagt',
      });
      expect(tuition.statusCode).toBe(303);
    });

    it('adds no empty "Delmål" row on a failed save and lists "Åben" once', async () => {
      const id = caseloadRows(mine)[4].id;
      const first = await s.post(`/deltagere/${id}/plan`, {
        cvOnJobnet: 'on',
        cvDate: '',
        'goals.0.text': '',
        'goals.0.dueDate': '',
        'goals.0.status': '',
      });
      expect(first.statusCode).toBe(400);
      const count = (b: string) => (b.match(/<label class="form-label" for="f-goals-\d+-text">/g) ?? []).length;
      // Only the one spare row: the empty row sent back is not repeated.
      expect(count(first.body)).toBe(1);
      const again = await s.post(`/deltagere/${id}/plan`, {
        cvOnJobnet: 'on',
        cvDate: '',
        'goals.0.text': '',
        'goals.0.dueDate': '',
        'goals.0.status': '',
        'goals.1.text': '',
        'goals.1.dueDate': '',
      });
      expect(count(again.body)).toBe(1);
      const status = /<select class="form-select" id="f-goals-0-status"[\s\S]*?<\/select>/.exec(first.body)![0];
      expect(status.match(/>Åben</g)).toHaveLength(1);
    });

    it('never writes "forholdsmæssigt 0"', async () => {
      const cpr = await freshCpr(srv.t.db, '1990-01-05');
      const made = await enrolByForm(s, { cpr, firstName: 'Ny', lastName: 'Deltager' });
      expect(made.statusCode).toBe(303);
      const body = (await s.get(String(made.headers.location))).body;
      expect(body).toContain('data-testid="conversation-pace"');
      expect(body).not.toContain('forholdsmæssigt 0');
      expect(body).toMatch(/data-testid="conversation-pace">[^<]*nyindskrevet/);
    });
  });

  describe('1–2 with the demo’s own women, as a demo user meets them', () => {
    // The demo's Aalborg caseworker, the list she opens first and the names she types (Done when of
    // issue 18: the worklist order and the accent-blind search tested with names from the demo). The
    // expected women come from the database, folded by the test (NFD, marks dropped), not by the code.
    const fold = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    let demo: Session;
    let aalborg: string[];
    beforeAll(async () => {
      demo = await loginAs(srv.app, 'sagsbehandler.aalborg');
      aalborg = (
        await srv.t.db.query<{ name: string }>(
          `SELECT p.first_name || ' ' || p.last_name AS name FROM participant p JOIN municipality m ON m.code = p.municipality_code WHERE m.name = 'Aalborg'`,
        )
      ).rows.map((r) => r.name);
    });

    it('puts her most serious alerts first on Mine borgere: critical by days overdue, then warnings, then the rest', async () => {
      const rows = caseloadRows((await demo.get('/mine-borgere')).body);
      expect(rows.length).toBeGreaterThan(10);
      const levels = rows.map(level);
      expect(new Set(levels).size).toBeGreaterThan(1);
      expect(levels).toEqual([...levels].sort((a, b) => a - b));
      const overdue = rows.filter((r) => level(r) === 1).map((r) => Number(/data-overdue-days="(\d+)"/.exec(r.tr)?.[1] ?? 'NaN'));
      expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
      // Women of the same name on her list are told apart by their birth dates.
      const born = (name: string) =>
        rows.filter((r) => r.name === name).map((r) => /data-testid="born"[^>]*>født ([\d.]+)</.exec(r.tr)?.[1]);
      for (const r of rows) expect(new Set(born(r.name)).size, r.name).toBe(born(r.name).length);
    });

    it('finds the demo’s Doğan, Begić and Şahin women typed "dogan", "begic", "sahin", as many as there are', async () => {
      for (const [typed, surname] of [
        ['dogan', 'Doğan'],
        ['begic', 'Begić'],
        ['sahin', 'Şahin'],
      ]) {
        const expected = aalborg.filter((n) => fold(n).includes(typed));
        // The historic cohort (drawn without the date) gives Aalborg 4 Doğan, 3 Begić and 1 Şahin; the
        // current project's women depend on the day the demo is seeded, so only one of each is certain.
        expect(expected.length, typed).toBeGreaterThanOrEqual(1);
        expect(
          expected.some((n) => n.endsWith(` ${surname}`)),
          typed,
        ).toBe(true);
        const body = (await demo.get(`/deltagere?q=${encodeURIComponent(typed)}&side=1`)).body;
        expect(body, typed).toContain(`${expected.length} ${expected.length === 1 ? 'deltager' : 'deltagere'}<`);
        if (expected.length <= 25) expect(linkNames(body).sort(), typed).toEqual(expected.sort());
      }
    });
  });
});
