/**
 * Validated WHO-5 translations (issue 15, "her own WHO-5"): a project leader loads the five items
 * and the answer scale in a language, with who validated it and its source; only then does her
 * link offer WHO-5 in that language (the official Danish text always). Project leaders only, of
 * their own project; loading, replacing and removing are audited. The project, its users and her
 * are a fresh municipality's (test/helpers/world.ts), beside another municipality with its own project.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { loginAs, type Session } from './helpers/http.ts';
import { useMunicipalities } from './helpers/world.ts';

const tokenOf = (body: string) => /\/borger\/([A-Za-z0-9_-]{43})</.exec(body)?.[1] ?? '';

/** An Arabic WHO-5 as the form takes it (test texts, not the validated translation). */
const ARABIC = {
  validatedBy: 'Testoversættelse A/S',
  source: 'Testkilde 2026, side 3',
  intro: 'مقدمة الاختبار',
  'item.glad': 'سؤال الاختبار الأول',
  'item.rolig': 'سؤال الاختبار الثاني',
  'item.aktiv': 'سؤال الاختبار الثالث',
  'item.udhvilet': 'سؤال الاختبار الرابع',
  'item.interesse': 'سؤال الاختبار الخامس',
  'answer.0': 'جواب صفر',
  'answer.1': 'جواب واحد',
  'answer.2': 'جواب اثنان',
  'answer.3': 'جواب ثلاثة',
  'answer.4': 'جواب أربعة',
  'answer.5': 'جواب خمسة',
};

describe.each(backends())('validated WHO-5 translations on %s', (backend) => {
  const srv = useTestServer(backend);
  let pl: Session;
  let cw: Session;
  let womanId = '';
  let projectId = 0;
  let token = '';
  const w = useMunicipalities(srv, { m: { women: 1 }, other: { women: 1 } });

  beforeAll(async () => {
    const m = w.m;
    pl = await loginAs(srv.app, m.leader.username);
    cw = await loginAs(srv.app, m.caseworker.username);
    womanId = m.women[0].id;
    projectId = m.projectId;
    token = tokenOf((await cw.post(`/deltagere/${womanId}/min-plan/links`, { linkSprog: 'ar' })).body);
    expect(token).toHaveLength(43);
  });

  const audits = async () =>
    (
      await srv.t.db.query<{ action: string; detail: Record<string, unknown> }>(
        `SELECT action, detail FROM audit_log WHERE entity = 'who5_oversaettelse' ORDER BY id`,
      )
    ).rows;
  const who5 = (query = '') => srv.app.inject({ method: 'GET', url: `/borger/${token}/who5${query}` });

  it('only a project leader reaches the page; Danish is the official text, no other language is loaded yet', async () => {
    expect((await cw.get(`/projekt/who5-oversaettelser?projekt=${projectId}`)).statusCode).toBe(403);
    expect((await cw.post(`/projekt/who5-oversaettelser/ar?projekt=${projectId}`, ARABIC)).statusCode).toBe(403);
    const list = await pl.get(`/projekt/who5-oversaettelser?projekt=${projectId}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Officiel tekst');
    expect(list.body.match(/Ikke indlæst: kun dansk/g)).toHaveLength(11);
    expect((await pl.get(`/projekt/who5-oversaettelser/da?projekt=${projectId}`)).statusCode).toBe(404);
    expect((await audits()).map((a) => a.action)).toEqual(['vis']);
    // Her link offers only the Danish text, and says so.
    const page = await who5();
    expect(page.body).toMatch(/<form [^>]*lang="da" dir="ltr" data-testid="who5-form">/);
    expect(page.body).not.toContain('data-testid="who5-languages"');
  });

  it('a translation without who validated it or its source, or with an item missing, is refused in Danish and nothing is stored', async () => {
    const bad = await pl.post(`/projekt/who5-oversaettelser/ar?projekt=${projectId}`, {
      ...ARABIC,
      validatedBy: '',
      source: 'x',
      'item.aktiv': '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv hvem der har valideret oversættelsen.');
    expect(bad.body).toContain('Skriv mindst 3 tegn.');
    expect(bad.body).toContain('Skriv spørgsmål 3.');
    expect(bad.body).toContain(ARABIC['item.glad']); // what was typed is kept
    expect((await srv.t.db.query('SELECT 1 FROM who5_translation WHERE project_id = $1', [projectId])).rows).toEqual([]);
  });

  it('once loaded, her link offers WHO-5 in Arabic (right to left) beside the Danish text, and stores the language she answered in', async () => {
    const ok = await pl.post(`/projekt/who5-oversaettelser/ar?projekt=${projectId}`, ARABIC);
    expect(ok.statusCode).toBe(303);
    const stored = (
      await srv.t.db.query<{
        validated_by: string;
        source: string;
        texts: { items: Record<string, string>; answers: Record<string, string> };
      }>(`SELECT validated_by, source, texts FROM who5_translation WHERE project_id = $1 AND language = 'ar'`, [projectId])
    ).rows[0];
    expect(stored).toMatchObject({ validated_by: ARABIC.validatedBy, source: ARABIC.source });
    expect(stored.texts.items.aktiv).toBe(ARABIC['item.aktiv']);
    expect(stored.texts.answers['5']).toBe(ARABIC['answer.5']);
    const list = await pl.get(`/projekt/who5-oversaettelser?projekt=${projectId}`);
    expect(list.body).toContain(ARABIC.source);
    expect(list.body.match(/Ikke indlæst: kun dansk/g)).toHaveLength(10);
    expect((await audits()).find((a) => a.action === 'opret')?.detail).toMatchObject({
      projectId,
      language: 'ar',
      validatedBy: ARABIC.validatedBy,
      source: ARABIC.source,
    });

    const ar = await who5();
    expect(ar.body).toMatch(/<form [^>]*lang="ar" dir="rtl" data-testid="who5-form">/);
    expect(ar.body).toContain(ARABIC['item.glad']);
    expect(ar.body).toContain('data-testid="who5-languages"');
    expect(ar.body).toContain(`href="/borger/${token}/who5?sprog=ar&amp;tekst=da"`);
    expect(ar.body).not.toContain('my-plan-notice');
    // She may choose the official Danish text instead; her page stays in Arabic.
    const da = await who5('?sprog=ar&tekst=da');
    expect(da.body).toContain('<html lang="ar" dir="rtl">');
    expect(da.body).toMatch(
      /<form [^>]*action="\/borger\/[^"]+\/who5\?sprog=ar&amp;tekst=da"[^>]*lang="da" dir="ltr" data-testid="who5-form">/,
    );
    expect(da.body).toContain('I de sidste 2 uger har jeg været glad og i godt humør');

    const cookie = ar.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(ar.body)![1];
    const answer = (query: string) =>
      srv.app.inject({
        method: 'POST',
        url: `/borger/${token}/who5${query}`,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          _csrf: csrf,
          'svar.glad': '4',
          'svar.rolig': '4',
          'svar.aktiv': '3',
          'svar.udhvilet': '4',
          'svar.interesse': '5',
        }).toString(),
      });
    expect((await answer('?sprog=ar')).statusCode).toBe(200);
    expect((await answer('?sprog=ar&tekst=da')).statusCode).toBe(200);
    const rows = (
      await srv.t.db.query<{ answered_language: string }>(
        `SELECT answered_language FROM casework_assessment WHERE participant_id = $1 AND reported_by = 'borger' ORDER BY created_at, answered_language DESC`,
        [womanId],
      )
    ).rows;
    expect(rows.map((r) => r.answered_language).sort()).toEqual(['ar', 'da']);
  });

  it("another municipality's project leader cannot read or change the project's translations", async () => {
    const own = (
      await srv.t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM project_municipality WHERE project_id = $1 AND municipality_code = $2`,
        [projectId, w.other.code],
      )
    ).rows[0].n;
    expect(own).toBe(0); // (the project is not the other municipality's)
    const otherLeader = await loginAs(srv.app, w.other.leader.username);
    expect((await otherLeader.get(`/projekt/who5-oversaettelser?projekt=${w.other.projectId}`)).statusCode).toBe(200); // her own project
    expect((await otherLeader.get(`/projekt/who5-oversaettelser?projekt=${projectId}`)).statusCode).toBe(404);
    expect((await otherLeader.get(`/projekt/who5-oversaettelser/ar?projekt=${projectId}`)).statusCode).toBe(404);
    expect(
      (await otherLeader.post(`/projekt/who5-oversaettelser/ar?projekt=${projectId}`, { ...ARABIC, validatedBy: 'Nogen andre' }))
        .statusCode,
    ).toBe(404);
    expect((await otherLeader.post(`/projekt/who5-oversaettelser/ar/fjern?projekt=${projectId}`, {})).statusCode).toBe(404);
    expect(
      (await srv.t.db.query<{ validated_by: string }>(`SELECT validated_by FROM who5_translation WHERE project_id = $1`, [projectId])).rows,
    ).toEqual([{ validated_by: ARABIC.validatedBy }]);
  });

  it('removing it gives her the Danish text again; the removed texts stay in the audit log', async () => {
    const r = await pl.post(`/projekt/who5-oversaettelser/ar/fjern?projekt=${projectId}`, {});
    expect(r.statusCode).toBe(303);
    expect((await srv.t.db.query('SELECT 1 FROM who5_translation WHERE project_id = $1', [projectId])).rows).toEqual([]);
    const removed = (await audits()).find((a) => a.action === 'slet');
    expect(JSON.stringify(removed?.detail)).toContain(ARABIC['item.interesse']);
    const page = await who5();
    expect(page.body).toMatch(/<form [^>]*lang="da" dir="ltr" data-testid="who5-form">/);
    expect(page.body).not.toContain('data-testid="who5-languages"');
    // Removing what is not there is refused.
    expect((await pl.post(`/projekt/who5-oversaettelser/ar/fjern?projekt=${projectId}`, {})).statusCode).toBe(404);
  });
});
