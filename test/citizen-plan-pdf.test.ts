/**
 * "Min plan" as an A4 print (issue 15): a tagged PDF in her language — read back with poppler
 * (pdfinfo: tagged, title, structure; pdftotext: the translated texts; pdfimages: the QR code) —
 * right to left for Arabic, from the caseworker's page (audited like the page) and through her
 * link (audited; a revoked or expired link gives no PDF, and that is audited too). An activity's
 * address and days and times (the activity form) show in her plan and on her print. She, her
 * caseworker and the other municipality are built by this file (test/helpers/world.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/db/citizen/link-door.ts';
import { catalogFile } from '../src/i18n/catalog.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { loginAs, type Session } from './helpers/http.ts';
import { actualTexts, altTexts, pdfImages, pdfWords, popplerAvailable, readPdf } from './helpers/pdf.ts';
import { fold, pdfText } from './helpers/downloads.ts';
import { addPlan, useMunicipalities } from './helpers/world.ts';

const JOB_GOAL = 'Kok i kantine';
const SUB_GOAL = 'Praktik i et storkøkken';
const NOTE = 'NOTAT-PDF-HEMMELIGT-3307';
const tokenOf = (body: string) => /\/borger\/([A-Za-z0-9_-]{43})</.exec(body)?.[1] ?? '';
const msg = (code: 'da' | 'ar' | 'so', key: string) => catalogFile(code).messages[key];
/** The A4 page's right text edge: 595.28 pt wide, 48 pt margins. */
const RIGHT = 595.28 - 48;

describe.runIf(popplerAvailable()).each(backends())('Min plan PDF on %s', (backend) => {
  const srv = useTestServer(backend);
  const w = useMunicipalities(srv, { m: { women: 1 }, elsewhere: { women: 1 } });
  let cw: Session;
  let womanId = '';

  beforeAll(async () => {
    const m = w.m;
    cw = await loginAs(srv.app, m.caseworker.username);
    womanId = m.women[0].id;
    await addPlan(srv.t.db, m, womanId, JOB_GOAL, [{ id: 'g1', text: SUB_GOAL, dueDate: '2099-01-01', status: 'i_gang' }]);
    await srv.t.db.query(
      `INSERT INTO casework_conversation (participant_id, municipality_code, held_on, kind, note) VALUES ($1, $2, current_date, 'individuel', $3)`,
      [womanId, m.code, NOTE],
    );
    await srv.t.db.query(
      `INSERT INTO casework_assessment (participant_id, municipality_code, instrument_key, assessed_on, answers, total, reported_by)
       VALUES ($1, $2, 'fremdriftstrappen', current_date + 1, '{"dansk": 3, "helbred": 2}', 5, 'sagsbehandler')`,
      [womanId, m.code],
    );
  });

  const audits = async (where: string, params: unknown[] = []) =>
    (
      await srv.t.db.query<{ action: string; role: string; detail: Record<string, unknown> | null; participant_id: string | null }>(
        `SELECT action, role, detail, participant_id FROM audit_log WHERE ${where} ORDER BY id`,
        params,
      )
    ).rows;

  it('the caseworker downloads her plan as a tagged PDF in Danish: title, headings, her own text, no QR without a link, audited', async () => {
    const page = await cw.get(`/deltagere/${womanId}/min-plan?sprog=da`);
    expect(page.body).toContain(`href="/deltagere/${womanId}/min-plan.pdf?sprog=da"`);
    const res = await cw.get(`/deltagere/${womanId}/min-plan.pdf?sprog=da`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    const pdf = readPdf(res.rawPayload);
    expect(pdf.tagged).toBe(true);
    expect(pdf.info.Title).toMatch(/^Min plan – \S+/);
    expect(pdf.info['Page size']).toContain('(A4)');
    expect(Buffer.from(res.rawPayload).toString('latin1')).toContain('/Lang (da)');
    const s = pdf.structure;
    expect(s).toMatch(/H1[^\n]*\n\s+"Min plan"/);
    for (const key of [
      'jobGoal.heading',
      'abc.heading',
      'goals.heading',
      'activities.now.heading',
      'activities.next.heading',
      'conversation.heading',
      'progress.heading',
    ]) {
      expect(s).toMatch(new RegExp(`H2[^\\n]*\\n\\s+"${msg('da', key)}"`));
    }
    expect(s).toMatch(/Span[^\n]*\n\s+"Kok i kantine"/);
    const text = fold(pdfText(res.rawPayload));
    expect(text).toContain(`${msg('da', 'jobGoal.text')} ${JOB_GOAL}`);
    expect(text).toContain(SUB_GOAL);
    expect(text).toContain('Senest 1. januar 2099');
    expect(text).not.toContain(NOTE);
    expect(pdfImages(res.rawPayload).filter((i) => i.type === 'image')).toEqual([]);
    // Fremdriftstrappen as pictures, each with its text alternative.
    expect(altTexts(res.rawPayload)).toEqual([`${msg('da', 'dim.dansk')}: Trin 3 af 5`, `${msg('da', 'dim.helbred')}: Trin 2 af 5`]);
    expect(s).toMatch(/Figure/);
    // Left to right: the title starts at the left margin.
    const title = pdfWords(res.rawPayload).find((w) => w.text === 'Min')!;
    expect(title.xMin).toBeCloseTo(48, 0);
    const rows = await audits(`entity = 'min_plan' AND participant_id = $1 AND detail->>'format' = 'pdf'`, [womanId]);
    expect(rows).toEqual([expect.objectContaining({ action: 'vis', detail: expect.objectContaining({ language: 'da', qr: false }) })]);
  });

  it('in Arabic it runs right to left, with the translated texts in reading order; in Somali the Somali texts', async () => {
    const ar = await cw.get(`/deltagere/${womanId}/min-plan.pdf?sprog=ar`);
    expect(ar.statusCode).toBe(200);
    expect(readPdf(ar.rawPayload).tagged).toBe(true);
    expect(Buffer.from(ar.rawPayload).toString('latin1')).toContain('/Lang (ar)');
    const text = fold(pdfText(ar.rawPayload));
    // (Words without the lam-alef ligature: poppler puts a ligature's two letters back in visual order.)
    for (const key of ['page.title', 'jobGoal.heading', 'goals.heading', 'conversation.heading'])
      expect(text, key).toContain(msg('ar', key));
    expect(text).toContain(JOB_GOAL); // her caseworker's text, as written
    // Right to left: the title ends at the right margin, and the structure carries each text in reading order.
    const words = pdfWords(ar.rawPayload);
    const first = words.filter((w) => w.yMin === words[0].yMin);
    expect(Math.max(...first.map((w) => w.xMax))).toBeCloseTo(RIGHT, 0);
    expect(Math.min(...first.map((w) => w.xMin))).toBeGreaterThan(300);
    const actual = actualTexts(ar.rawPayload);
    expect(actual).toEqual(expect.arrayContaining([msg('ar', 'page.title'), msg('ar', 'progress.heading'), JOB_GOAL]));

    const so = await cw.get(`/deltagere/${womanId}/min-plan.pdf?sprog=so`);
    const soText = fold(pdfText(so.rawPayload));
    for (const key of ['page.title', 'jobGoal.heading', 'goals.heading', 'conversation.heading', 'progress.heading'])
      expect(soText, key).toContain(msg('so', key));
    expect(Buffer.from(so.rawPayload).toString('latin1')).toContain('/Lang (so)');
    expect(pdfWords(so.rawPayload).find((w) => w.text === msg('so', 'page.title'))!.xMin).toBeCloseTo(48, 0);
  });

  it('with the token of a link just made, and through her link, the print carries the QR code and the address', async () => {
    const created = await cw.post(`/deltagere/${womanId}/min-plan/links`, { linkSprog: 'so' });
    const token = tokenOf(created.body);
    expect(created.body).toContain(`name="link" value="${token}"`);
    const withQr = await cw.post(`/deltagere/${womanId}/min-plan.pdf`, { link: token, sprog: 'so' });
    expect(withQr.statusCode).toBe(200);
    expect(pdfImages(withQr.rawPayload).filter((i) => i.type === 'image')).toHaveLength(1);
    expect(fold(pdfText(withQr.rawPayload))).toContain(`/borger/${token}`);
    // A token that is not a live link of hers gives no QR code.
    const other = await cw.post(`/deltagere/${womanId}/min-plan.pdf`, { link: 'B'.repeat(43), sprog: 'so' });
    expect(other.statusCode).toBe(200);
    expect(pdfImages(other.rawPayload).filter((i) => i.type === 'image')).toEqual([]);

    const page = await srv.app.inject({ method: 'GET', url: `/borger/${token}` });
    expect(page.body).toContain(`href="/borger/${token}/plan.pdf?sprog=so"`);
    const mine = await srv.app.inject({ method: 'GET', url: `/borger/${token}/plan.pdf?sprog=ar` });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(readPdf(mine.rawPayload).tagged).toBe(true);
    expect(pdfImages(mine.rawPayload).filter((i) => i.type === 'image')).toHaveLength(1);
    const text = fold(pdfText(mine.rawPayload));
    expect(text).toContain(`/borger/${token}`);
    expect(text).toContain(msg('ar', 'page.title'));
    expect(text).not.toContain(NOTE);
    const rows = await audits(`role = 'borger' AND participant_id = $1 AND detail->>'format' = 'pdf'`, [womanId]);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'vis',
        detail: expect.objectContaining({ language: 'ar', linkId: expect.any(String), purpose: 'udskriv_min_plan' }),
      }),
    ]);
  });

  it('a revoked or expired link gives no PDF, and each try is audited', async () => {
    const revoked = tokenOf((await cw.post(`/deltagere/${womanId}/min-plan/links`, { linkSprog: 'da' })).body);
    const expired = tokenOf((await cw.post(`/deltagere/${womanId}/min-plan/links`, { linkSprog: 'da' })).body);
    expect((await srv.app.inject({ method: 'GET', url: `/borger/${revoked}/plan.pdf` })).statusCode).toBe(200);
    const linkId = (await srv.t.db.query<{ id: string }>('SELECT id FROM citizen_link WHERE token_hash = $1', [hashToken(revoked)])).rows[0]
      .id;
    expect((await cw.post(`/deltagere/${womanId}/min-plan/links/${linkId}/tilbagekald`, {})).statusCode).toBe(303);
    await srv.t.db.query(`UPDATE citizen_link SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`, [hashToken(expired)]);
    for (const [token, reason] of [
      [revoked, 'tilbagekaldt'],
      [expired, 'udloebet'],
    ] as const) {
      const res = await srv.app.inject({ method: 'GET', url: `/borger/${token}/plan.pdf` });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('data-testid="link-refused"');
      expect(res.body).not.toContain(JOB_GOAL);
      const denied = await audits(`action = 'borgerlink_afvist' AND detail->>'reason' = $1 AND detail->>'purpose' = 'udskriv_min_plan'`, [
        reason,
      ]);
      expect(denied, reason).toHaveLength(1);
      expect(denied[0].participant_id).toBe(womanId);
    }
    // Nor does the caseworker's print carry the revoked link.
    const staff = await cw.post(`/deltagere/${womanId}/min-plan.pdf`, { link: revoked });
    expect(pdfImages(staff.rawPayload).filter((i) => i.type === 'image')).toEqual([]);
  });

  it("an activity's address and days and times, entered on the activity form, show in her plan and on her print as written", async () => {
    const da = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
    const start = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10); // running since yesterday: among her current activities
    const form = {
      typeKey: 'danskundervisning',
      provider: 'Sprogcenter Nord',
      address: 'Havnegade 12, 9000 Aalborg',
      schedule: 'Tirsdag og torsdag kl. 9-12',
      startDate: da(start),
      endDate: '',
      hoursPerWeek: '',
      status: 'i_gang',
    };
    const tooLong = await cw.post(`/deltagere/${womanId}/aktiviteter`, { ...form, schedule: 'x'.repeat(201) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('Tidspunktet må højst være 200 tegn.');
    expect(tooLong.body).toContain('value="Havnegade 12, 9000 Aalborg"');
    expect((await cw.post(`/deltagere/${womanId}/aktiviteter`, form)).statusCode).toBe(303);
    const row = (
      await srv.t.db.query<{ id: string; address: string; schedule: string }>(
        `SELECT id, address, schedule FROM casework_activity WHERE participant_id = $1 AND provider = 'Sprogcenter Nord'`,
        [womanId],
      )
    ).rows[0];
    expect(row).toMatchObject({ address: form.address, schedule: form.schedule });
    // The correction form shows them again.
    expect((await cw.get(`/deltagere/${womanId}/aktiviteter/${row.id}`)).body).toContain(`value="${form.schedule}"`);

    const page = await cw.get(`/deltagere/${womanId}/min-plan?sprog=so`);
    expect(page.body).toMatch(new RegExp(`<span class="cw-text" lang="da" dir="ltr" data-free-text>.*${form.address}`));
    expect(page.body).toMatch(new RegExp(`<span class="cw-text" lang="da" dir="ltr" data-free-text>.*${form.schedule}`));
    for (const code of ['so', 'ar'] as const) {
      const pdf = await cw.get(`/deltagere/${womanId}/min-plan.pdf?sprog=${code}`);
      const text = fold(pdfText(pdf.rawPayload));
      expect(text, code).toContain(form.address);
      expect(text, code).toContain(form.schedule);
    }
    expect(readPdf((await cw.get(`/deltagere/${womanId}/min-plan.pdf?sprog=da`)).rawPayload).structure).toMatch(
      /Span[^\n]*\n\s+"Tirsdag og torsdag kl\. 9-12"/,
    );
    // Corrected: the new time replaces the old.
    expect((await cw.post(`/deltagere/${womanId}/aktiviteter/${row.id}`, { ...form, schedule: 'Mandag kl. 10-14' })).statusCode).toBe(303);
    const after = await cw.get(`/deltagere/${womanId}/min-plan?sprog=da`);
    expect(after.body).toContain('Mandag kl. 10-14');
    expect(after.body).not.toContain(form.schedule);
  });

  it('another municipality gets no PDF of her, and the refusal is audited', async () => {
    const stranger = await loginAs(srv.app, w.elsewhere.caseworker.username);
    const res = await stranger.get(`/deltagere/${womanId}/min-plan.pdf`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).not.toContain('pdf');
    expect((await audits(`action = 'adgang_naegtet' AND detail->>'purpose' = 'udskriv_min_plan'`)).length).toBeGreaterThanOrEqual(1);
  });
});
