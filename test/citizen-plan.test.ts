/**
 * "Min plan" over HTTP: the caseworker opens it in any language (lang/dir per block, her own
 * free text kept as written in Danish); a personal link shows only the plan view and is audited
 * on every use; a revoked, expired or unknown link shows nothing and is audited; she answers
 * WHO-5 herself (Danish, or a validated translation) and the caseworker sees it as
 * self-reported; a project leader corrects a text without a code change. She, her caseworker and
 * project leader are a fresh municipality's (test/helpers/world.ts); "another municipality" is a second one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCpr } from '../src/domain/cpr.ts';
import { hashToken } from '../src/db/citizen/link-door.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { expectRejected, loginAs, type Session } from './helpers/http.ts';
import { addPlan, createMunicipality, type TestMunicipality } from './helpers/world.ts';

const JOB_GOAL = 'Kok i kantine';
const NOTE = 'NOTAT-HEMMELIGT-7781';
const OLD_GOAL = 'GAMMELT-MAAL-4410';
const LAST = 'Efternavnsen-Hemmelig';

/** The token from the "link created" page. */
const tokenOf = (body: string) => /\/borger\/([A-Za-z0-9_-]{43})</.exec(body)?.[1] ?? '';

describe.each(backends())('Min plan on %s', (backend) => {
  const srv = useTestServer(backend);
  let cw: Session;
  let womanId = '';
  let cpr = '';
  let m: TestMunicipality;
  let elsewhere: TestMunicipality;

  beforeAll(async () => {
    m = await createMunicipality(srv.t.db, { women: 1 });
    elsewhere = await createMunicipality(srv.t.db, { women: 1 });
    cw = await loginAs(srv.app, m.caseworker.username);
    // Her plan, and the things the link must never show.
    womanId = m.women[0].id;
    cpr = m.women[0].cpr;
    await srv.t.db.query(`UPDATE participant SET last_name = $2 WHERE id = $1`, [womanId, LAST]);
    await addPlan(srv.t.db, m, womanId, JOB_GOAL, [{ id: 'g1', text: 'Praktik i et storkøkken', dueDate: '2099-01-01', status: 'aaben' }]);
    await srv.t.db.query(
      `INSERT INTO casework_plan_change (participant_id, municipality_code, changed_by_name, changes) VALUES ($1, $3, 'x', $2)`,
      [womanId, JSON.stringify([{ field: 'jobGoal', label: 'Jobmål', from: OLD_GOAL, to: JOB_GOAL }]), m.code],
    );
    await srv.t.db.query(
      `INSERT INTO casework_conversation (participant_id, municipality_code, held_on, kind, note) VALUES ($1, $3, current_date, 'individuel', $2)`,
      [womanId, NOTE, m.code],
    );
  });

  const audits = async (where: string, params: unknown[] = []) =>
    (
      await srv.t.db.query<{
        action: string;
        role: string;
        entity: string;
        detail: Record<string, unknown> | null;
        participant_id: string | null;
      }>(`SELECT action, role, entity, detail, participant_id FROM audit_log WHERE ${where} ORDER BY id`, params)
    ).rows;

  const mustNotShow = () => [cpr, formatCpr(cpr), LAST, NOTE, OLD_GOAL];

  it('demo women have their plans in several languages, suggested from their country of origin', async () => {
    const r = (await srv.t.db.query<{ language: string }>('SELECT DISTINCT language FROM citizen_preference')).rows.map((x) => x.language);
    expect(r.length).toBeGreaterThanOrEqual(4);
    expect(r).toContain('ar');
  });

  it('the caseworker opens her plan in Danish, Arabic (right to left) and Somali, audited, with her own text kept in Danish', async () => {
    for (const [code, dir] of [
      ['da', 'ltr'],
      ['ar', 'rtl'],
      ['so', 'ltr'],
    ] as const) {
      const res = await cw.get(`/deltagere/${womanId}/min-plan?sprog=${code}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<article class="my-plan" lang="${code}" dir="${dir}"`);
      expect(res.body).toMatch(new RegExp(`<span class="cw-text" lang="da" dir="ltr" data-free-text>.*${JOB_GOAL}`));
      // The drafts are unchecked: a small notice; Danish is the source and has none.
      expect(res.body.includes('data-testid="translation-notice"')).toBe(code !== 'da');
    }
    const ar = await cw.get(`/deltagere/${womanId}/min-plan?sprog=ar`);
    expect(ar.body).toContain('خطتي');
    expect(ar.body).toContain('2099'); // the sub-goal's date, formatted in Arabic
    const rows = await audits(`entity = 'min_plan' AND participant_id = $1`, [womanId]);
    expect(rows.map((r) => r.detail?.language)).toEqual(['da', 'ar', 'so', 'ar']);
    // Her page links to it.
    expect((await cw.get(`/deltagere/${womanId}`)).body).toContain(`href="/deltagere/${womanId}/min-plan"`);
  });

  it('a personal link stores only its hash, shows only the plan view in her language, and audits every use', async () => {
    const res = await cw.post(`/deltagere/${womanId}/min-plan/links`, { linkSprog: 'so' });
    expect(res.statusCode).toBe(200);
    const token = tokenOf(res.body);
    expect(token).toHaveLength(43);
    expect(res.body).toContain('<svg'); // the QR code
    const stored = (
      await srv.t.db.query<{ token_hash: string; language: string }>(
        'SELECT token_hash, language FROM citizen_link WHERE participant_id = $1',
        [womanId],
      )
    ).rows;
    expect(stored).toEqual([{ token_hash: hashToken(token), language: 'so' }]);
    expect(JSON.stringify(stored)).not.toContain(token);

    const page = await srv.app.inject({ method: 'GET', url: `/borger/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="so" dir="ltr">');
    expect(page.body).toContain('Qorshahayga');
    expect(page.body).toContain(JOB_GOAL);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).not.toContain('<script');
    for (const s of mustNotShow()) expect(page.body).not.toContain(s);
    // The caseworker's page does show what the link hides (so the check above looks at real data).
    const staff = await cw.get(`/deltagere/${womanId}/samtaler`);
    expect(staff.body).toContain(NOTE);
    expect(staff.body).toContain(LAST);

    const ar = await srv.app.inject({ method: 'GET', url: `/borger/${token}?sprog=ar` });
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    const rows = await audits(`role = 'borger' AND participant_id = $1 AND entity = 'min_plan'`, [womanId]);
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.action === 'vis' && typeof r.detail?.linkId === 'string')).toBe(true);
    const link = (await cw.get(`/deltagere/${womanId}/min-plan`)).body;
    expect(link).toContain('2 gange');
  });

  it('she answers WHO-5 herself in Danish (no validated translation), errors keep her choices, and the caseworker sees it as self-reported', async () => {
    const token = tokenOf((await cw.post(`/deltagere/${womanId}/min-plan/links`, { linkSprog: 'so' })).body);
    const get = await srv.app.inject({ method: 'GET', url: `/borger/${token}/who5` });
    expect(get.statusCode).toBe(200);
    expect(get.body).toMatch(/<form [^>]*lang="da" dir="ltr" data-testid="who5-form">/);
    expect(get.body).toContain('I de sidste 2 uger har jeg været glad og i godt humør');
    const cookie = get.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(get.body)![1];
    const post = (form: Record<string, string>) =>
      srv.app.inject({
        method: 'POST',
        url: `/borger/${token}/who5`,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf, ...form }).toString(),
      });
    const before = (
      await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM casework_assessment WHERE participant_id = $1', [womanId])
    ).rows[0].n;
    const bad = await post({ 'svar.glad': '3', 'svar.rolig': '2' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Kama aadan jawaabin 3 su&#39;aalood.'); // escaped apostrophe
    expect(bad.body).toMatch(/id="who5-glad-3" name="svar.glad" value="3" checked/);
    const ok = await post({ 'svar.glad': '1', 'svar.rolig': '1', 'svar.aktiv': '2', 'svar.udhvilet': '1', 'svar.interesse': '1' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('data-testid="who5-thanks"');
    const rows = (
      await srv.t.db.query<{ total: string; reported_by: string; created_by: number | null; answered_language: string }>(
        `SELECT total, reported_by, created_by, answered_language FROM casework_assessment WHERE participant_id = $1 AND reported_by = 'borger'`,
        [womanId],
      )
    ).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reported_by: 'borger', created_by: null, answered_language: 'da' });
    expect(Number(rows[0].total)).toBe(24);
    expect(
      (await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM casework_assessment WHERE participant_id = $1', [womanId]))
        .rows[0].n,
    ).toBe(before + 1);
    const staff = await cw.get(`/deltagere/${womanId}`);
    expect((await cw.get(`/deltagere/${womanId}/maalinger`)).body).toContain('data-testid="self-reported"');
    expect(staff.body).toContain('who5_lav'); // her low score raises the caseworker's alert like any other
    expect((await audits(`role = 'borger' AND entity = 'assessment' AND participant_id = $1`, [womanId])).map((r) => r.action)).toEqual([
      'opret',
    ]);

    // Once the project has loaded a validated Somali translation, the form is in Somali.
    const pid = (
      await srv.t.db.query<{ project_id: number }>(
        'SELECT project_id FROM enrolment WHERE participant_id = $1 ORDER BY enrolled_on DESC LIMIT 1',
        [womanId],
      )
    ).rows[0].project_id;
    await srv.t.db.query(
      `INSERT INTO who5_translation (project_id, language, texts, validated_by) VALUES ($1, 'so', $2, 'Test: validated translation')`,
      [
        pid,
        JSON.stringify({
          intro: "Su'aal kasta…",
          items: { glad: 'Q1', rolig: 'Q2', aktiv: 'Q3', udhvilet: 'Q4', interesse: 'Q5' },
          answers: { 0: 'A0', 1: 'A1', 2: 'A2', 3: 'A3', 4: 'A4', 5: 'A5' },
        }),
      ],
    );
    const so = await srv.app.inject({ method: 'GET', url: `/borger/${token}/who5` });
    expect(so.body).toMatch(/<form [^>]*lang="so" dir="ltr" data-testid="who5-form">/);
    expect(so.body).toContain('Q1');
  });

  it('a revoked, an expired and an unknown link show nothing of hers, and each use is audited', async () => {
    const revoked = tokenOf((await cw.post(`/deltagere/${womanId}/min-plan/links`, { linkSprog: 'ar' })).body);
    const expired = tokenOf((await cw.post(`/deltagere/${womanId}/min-plan/links`, { linkSprog: 'da' })).body);
    expect((await srv.app.inject({ method: 'GET', url: `/borger/${revoked}` })).statusCode).toBe(200);
    const linkId = (await srv.t.db.query<{ id: string }>('SELECT id FROM citizen_link WHERE token_hash = $1', [hashToken(revoked)])).rows[0]
      .id;
    const r = await cw.post(`/deltagere/${womanId}/min-plan/links/${linkId}/tilbagekald`, {});
    expect(r.statusCode).toBe(303);
    await srv.t.db.query(`UPDATE citizen_link SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`, [hashToken(expired)]);
    const unknown = 'A'.repeat(43);
    for (const [token, reason] of [
      [revoked, 'tilbagekaldt'],
      [expired, 'udloebet'],
      [unknown, 'ukendt'],
    ] as const) {
      for (const url of [`/borger/${token}`, `/borger/${token}/who5`]) {
        const res = await srv.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(404);
        expect(res.body).toContain('data-testid="link-refused"');
        for (const s of [JOB_GOAL, 'Opvasker', ...mustNotShow()]) expect(res.body).not.toContain(s);
      }
      const denied = await audits(`action = 'borgerlink_afvist' AND detail->>'reason' = $1`, [reason]);
      expect(denied.length, reason).toBe(2);
      expect(denied[0].participant_id).toBe(reason === 'ukendt' ? null : womanId);
    }
    expect((await srv.app.inject({ method: 'GET', url: `/borger/${revoked}` })).body).toContain('<html lang="ar" dir="rtl">');
    expect((await audits(`action = 'tilbagekald' AND entity = 'citizen_link'`)).length).toBe(1);
    // Another municipality's caseworker cannot revoke her link.
    const other = await loginAs(srv.app, elsewhere.caseworker.username);
    const live = (
      await srv.t.db.query<{ id: string }>('SELECT id FROM citizen_link WHERE participant_id = $1 AND revoked_at IS NULL LIMIT 1', [
        womanId,
      ])
    ).rows[0].id;
    expect((await other.post(`/deltagere/${womanId}/min-plan/links/${live}/tilbagekald`, {})).statusCode).toBe(404);
    expect((await srv.t.db.query('SELECT 1 FROM citizen_link WHERE id = $1 AND revoked_at IS NULL', [live])).rows).toHaveLength(1);
  });

  it('a project leader corrects a text for her municipality without a code change; a broken text is refused in Danish', async () => {
    const pl = await loginAs(srv.app, m.leader.username);
    expect((await cw.get('/projekt/tekster?sprog=so')).statusCode).toBe(403);
    const list = await pl.get('/projekt/tekster?sprog=so');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('ikke tjekket');
    const bad = await pl.post('/projekt/tekster/so/goals.due', { tekst: 'Ugu dambeyn {dato, date, long}' });
    expectRejected(bad, 'Teksten skal bruge præcis disse felter i krøllede parenteser: date.', 'Ugu dambeyn {dato, date, long}');
    const ok = await pl.post('/projekt/tekster/so/page.title', { tekst: 'Qorshahaaga shaqada' });
    expect(ok.statusCode).toBe(303);
    const token = tokenOf((await cw.post(`/deltagere/${womanId}/min-plan/links`, { linkSprog: 'so' })).body);
    expect((await srv.app.inject({ method: 'GET', url: `/borger/${token}` })).body).toContain('Qorshahaaga shaqada');
    const audit = await audits(`entity = 'message_override'`);
    expect(audit.map((a) => a.detail?.to)).toContain('Qorshahaaga shaqada');
    // The other municipality keeps the file's text.
    const theirs = await (
      await loginAs(srv.app, elsewhere.caseworker.username)
    ).get(`/deltagere/${elsewhere.women[0].id}/min-plan?sprog=so`);
    expect(theirs.body).toContain('Qorshahayga');
    expect(theirs.body).not.toContain('Qorshahaaga shaqada');
    // An empty text goes back to the file's.
    await pl.post('/projekt/tekster/so/page.title', { tekst: '' });
    expect((await srv.app.inject({ method: 'GET', url: `/borger/${token}` })).body).not.toContain('Qorshahaaga shaqada');
  });
});
