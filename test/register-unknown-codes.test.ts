/**
 * Unknown codes on the upload page (issue 9, build item 3): a delivery with codes the code table
 * does not know is not imported; the job page lists each code with its weeks and women, the
 * analyst maps each to a category with a reason, the mapping is saved as her organisation's
 * (who, when, why; audited), and the file is then imported. Mappings can be corrected, the
 * earlier one kept. The command line keeps refusing with the list.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { importRegisterFile } from '../src/app/register/import-register-file.ts';
import { loadCodeTable } from '../src/db/register-store.ts';
import { CATEGORIES } from '../src/monitoring/types.ts';
import { unpackPerson } from '../src/register/pack.ts';
import { createVault } from '../src/security/vault.ts';
import { backends } from './helpers/db.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { csrfOf, loginAs, uploadRegister, type Session } from './helpers/http.ts';
import { registerState } from './helpers/register.ts';
import { useTestServer } from './helpers/server.ts';
import { createAgency, createMunicipality } from './helpers/world.ts';

const vault = createVault(TEST_SECRET);
// Two synthetic women; 4711 in three weeks of both, 4712 in one week of one. 130 is a shipped code.
const FILE =
  [
    'cpr;uge;kode',
    '0101904711;2023-W05;130',
    '0101904711;2023-W06;4711',
    '0101904711;2023-W07;4711',
    '0202904712;2023-W05;4711',
    '0202904712;2023-W06;4712',
    '0202904712;2023-W07;130',
  ].join('\n') + '\n';

const upload = (app: FastifyInstance, s: Session, name: string, text: string) => uploadRegister(app, s, { name, bytes: Buffer.from(text) });

async function pollJob(s: Session, location: string) {
  const until = Date.now() + 60_000;
  for (;;) {
    const j = (await s.get(`${location}.json`)).json() as {
      status: string;
      text: string;
      codes: boolean;
      report: { batchId: number; persons: number } | null;
    };
    if (j.status !== 'koerer' || Date.now() > until) return j;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Post a form with the CSRF token of the page it is on. */
async function postOn(s: Session, pageUrl: string, url: string, form: Record<string, string>) {
  const csrf = csrfOf((await s.get(pageUrl)).body);
  return s.post(url, { ...form, _csrf: csrf });
}

describe.each(backends())('unknown codes mapped on the upload page on %s', (backend) => {
  const s = useTestServer(backend);
  let analyst: Session;
  let firstJob = '';

  const mappings = () =>
    s.t.db.query<{
      code: number;
      category: string;
      reason: string;
      mapped_by_name: string;
      replaced_at: Date | null;
      file_name: string;
      weeks: number;
      people: number;
    }>('SELECT code, category, reason, mapped_by_name, replaced_at, file_name, weeks, people FROM register_code_mapping ORDER BY id');

  it('refuses the file, stores nothing, and lists each unknown code with its weeks and women', async () => {
    analyst = await loginAs(s.app, 'analytiker.siri');
    const before = await registerState(s.t);
    const res = await upload(s.app, analyst, 'ydelser-nye-koder.csv', FILE);
    expect(res.statusCode).toBe(303);
    firstJob = res.headers.location as string;
    const j = await pollJob(analyst, firstJob);
    expect(j).toMatchObject({ status: 'fejl', codes: true });
    expect(j.text).toMatch(/koder, som kodetabellen ikke kender/);
    expect(await registerState(s.t)).toEqual(before);

    const page = (await analyst.get(firstJob)).body;
    const rows = [...page.matchAll(/<tr><td>(\d+)<\/td><td class="text-right">(\d+)<\/td><td class="text-right">(\d+)<\/td><\/tr>/g)].map(
      (m) => m.slice(1).map(Number),
    );
    expect(rows).toEqual([
      [4711, 3, 2],
      [4712, 1, 1],
    ]);
    for (const code of [4711, 4712]) {
      expect(page).toContain(`<select class="form-select" id="f-kategori-${code}" name="kategori-${code}"`);
      expect(page).toContain(`name="begrundelse-${code}"`);
    }
    for (const c of CATEGORIES) expect(page).toContain(`<option value="${c}">`);
  });

  it('refuses an incomplete mapping with Danish errors beside each field, and saves nothing', async () => {
    const before = await registerState(s.t);
    const res = await postOn(analyst, firstJob, `${firstJob}/koder`, {
      'kategori-4711': 'praktik',
      'begrundelse-4711': 'Virksomhedspraktik efter DREAM 2024',
      'kategori-4712': 'ingen-slags',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Formularen indeholder fejl');
    expect(res.body).toContain('Vælg en kategori for kode 4712.');
    expect(res.body).toContain('Skriv en begrundelse for kode 4712.');
    expect(res.body).not.toContain('Vælg en kategori for kode 4711.');
    // What she typed stays.
    expect(res.body).toContain('value="Virksomhedspraktik efter DREAM 2024"');
    expect((await mappings()).rows).toEqual([]);
    expect(await registerState(s.t)).toEqual(before);
  });

  it('the command line keeps refusing with the list', async () => {
    const cli = { userId: 0, username: 'cli:test', role: 'analytiker' as const, ip: 'localhost' };
    await expect(
      importRegisterFile({ db: s.t.db, vault }, cli, { kind: 'ydelser', fileName: 'ydelser-nye-koder.csv', bytes: Buffer.from(FILE) }),
    ).rejects.toMatchObject({
      code: 'unknown_codes',
      codes: [4711, 4712],
      unknown: [
        { code: 4711, weeks: 3, people: 2 },
        { code: 4712, weeks: 1, people: 1 },
      ],
    });
    expect((await s.t.db.query('SELECT 1 FROM register_pending_upload WHERE user_id = 0')).rowCount).toBe(0);
  });

  it("saves the mapping as her organisation's (who, when, why; audited) and then imports the file", async () => {
    const res = await postOn(analyst, firstJob, `${firstJob}/koder`, {
      'kategori-4711': 'praktik',
      'begrundelse-4711': 'Virksomhedspraktik efter DREAM 2024',
      'kategori-4712': 'ydelse',
      'begrundelse-4712': 'Hjemrejseydelse, ny kode 2019',
    });
    expect(res.statusCode).toBe(303);
    const next = res.headers.location as string;
    expect(next).toMatch(/^\/registerdata\/job\/[0-9a-f-]{36}$/);
    expect(next).not.toBe(firstJob);
    const j = await pollJob(analyst, next);
    expect(j).toMatchObject({ status: 'faerdig', codes: false });
    expect(j.report!.persons).toBe(2);

    const m = (await mappings()).rows;
    expect(m.map((r) => [r.code, r.category, r.reason, r.mapped_by_name, r.replaced_at, r.file_name, r.weeks, r.people])).toEqual([
      [4711, 'praktik', 'Virksomhedspraktik efter DREAM 2024', 'analytiker.siri', null, 'ydelser-nye-koder.csv', 3, 2],
      [4712, 'ydelse', 'Hjemrejseydelse, ny kode 2019', 'analytiker.siri', null, 'ydelser-nye-koder.csv', 1, 1],
    ]);
    const org = (
      await s.t.db.query<{ organisation_id: number; kind: string }>(
        'SELECT m.organisation_id, o.kind FROM register_code_mapping m JOIN organisation o ON o.id = m.organisation_id LIMIT 1',
      )
    ).rows[0];
    expect(org.kind).toBe('styrelse');
    const audit = (
      await s.t.db.query<{ action: string; username: string; detail: { code: number; category: string; reason: string } }>(
        `SELECT action, username, detail FROM audit_log WHERE action = 'kode_tilknyttet' ORDER BY id`,
      )
    ).rows;
    expect(audit.map((a) => [a.username, a.detail.code, a.detail.category, a.detail.reason])).toEqual([
      ['analytiker.siri', 4711, 'praktik', 'Virksomhedspraktik efter DREAM 2024'],
      ['analytiker.siri', 4712, 'ydelse', 'Hjemrejseydelse, ny kode 2019'],
    ]);
    const table = await loadCodeTable(s.t.db);
    expect(table.entries.get(4711)?.category).toBe('praktik');
    expect(table.entries.get(4712)?.category).toBe('ydelse');
    expect(table.entries.get(130)).toBeDefined(); // the shipped table stays under them
    const row = (
      await s.t.db.query<{ data: Uint8Array }>('SELECT data FROM register_person WHERE cpr_hash = $1', [vault.hashCpr('0101904711')])
    ).rows[0];
    expect([...unpackPerson(row.data).weeks.codes]).toEqual([130, 4711, 4711]);
    // The upload no longer waits: a second post changes nothing.
    const none = { 'kategori-4711': 'ingen', 'begrundelse-4711': 'x', 'kategori-4712': 'ingen', 'begrundelse-4712': 'x' };
    expect((await postOn(analyst, firstJob, `${firstJob}/koder`, none)).statusCode).toBe(303);
    expect((await mappings()).rows).toHaveLength(2);
  });

  it('a mapping is corrected as a new mapping; the earlier one stays as replaced', async () => {
    const list = (await analyst.get('/registerdata/koder')).body;
    expect(list).toContain('Virksomhedspraktik efter DREAM 2024');
    expect(list).toContain('href="/registerdata/koder/4711"');
    const bad = await postOn(analyst, '/registerdata/koder/4711', '/registerdata/koder/4711', {
      'kategori-4711': 'loentilskud',
      'begrundelse-4711': ' ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv en begrundelse for kode 4711.');
    const ok = await postOn(analyst, '/registerdata/koder/4711', '/registerdata/koder/4711', {
      'kategori-4711': 'loentilskud',
      'begrundelse-4711': 'Rettet: løntilskud ifølge STAR',
    });
    expect(ok.statusCode).toBe(303);
    const m = (await mappings()).rows.filter((r) => r.code === 4711);
    expect(m.map((r) => [r.category, r.reason, r.replaced_at === null])).toEqual([
      ['praktik', 'Virksomhedspraktik efter DREAM 2024', false],
      ['loentilskud', 'Rettet: løntilskud ifølge STAR', true],
    ]);
    expect((await loadCodeTable(s.t.db)).entries.get(4711)?.category).toBe('loentilskud');
    const audit = (
      await s.t.db.query<{ detail: { code: number; category: string; replaces: { category: string } } }>(
        `SELECT detail FROM audit_log WHERE action = 'kode_rettet'`,
      )
    ).rows;
    expect(audit.map((a) => [a.detail.code, a.detail.category, a.detail.replaces.category])).toEqual([[4711, 'loentilskud', 'praktik']]);
    const page = (await analyst.get('/registerdata/koder')).body;
    expect(page).toContain('Tidligere tilknytninger');
    expect(await analyst.get('/registerdata/koder/9999').then((r) => r.statusCode)).toBe(404);
  });

  it("only the agency's analysts see the codes, and another user never sees her waiting upload", async () => {
    // A caseworker and an agency administrator of this test's own (test/helpers/world.ts); the analyst stays the demo's agency's.
    const caseworker = await loginAs(s.app, (await createMunicipality(s.t.db, { women: 1 })).caseworker.username);
    expect((await caseworker.get('/registerdata/koder')).statusCode).toBe(403);
    expect(
      (await postOn(caseworker, '/deltagere', '/registerdata/koder/4711', { 'kategori-4711': 'ingen', 'begrundelse-4711': 'x' }))
        .statusCode,
    ).toBe(403);
    const res = await upload(s.app, analyst, 'ydelser-endnu-en.csv', 'cpr;uge;kode\n0303904713;2023-W05;4713\n');
    const job = res.headers.location as string;
    expect(await pollJob(analyst, job)).toMatchObject({ status: 'fejl', codes: true });
    const admin = await loginAs(s.app, (await createAgency(s.t.db)).administrator.username);
    expect((await admin.get(job)).statusCode).toBe(404);
    expect((await postOn(admin, '/registerdata', `${job}/koder`, { 'kategori-4713': 'ingen', 'begrundelse-4713': 'x' })).statusCode).toBe(
      404,
    );
    expect((await mappings()).rows.some((r) => r.code === 4713)).toBe(false);
  });
});
