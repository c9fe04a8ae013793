/**
 * Issue 11, finding 8: bounded sizes. An upload over the limit is refused with a Danish 413 page
 * while it streams (never buffered whole), its partial temporary file is deleted, and the
 * process's memory stays bounded; a register file with a million columns ends its import job with
 * a short message naming the limit, which is what every poll of the job's status resends.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { usePrivateTmpdir } from './helpers/tmpdir.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { csrfOf, loginAs, multipart, uploadRegister, type Session } from './helpers/http.ts';
import { createAgency } from './helpers/world.ts';

const LIMIT = 1024 * 1024;

/** Streams a multipart body of `size` bytes to the listening server in 64 kB pieces; stops writing once answered. */
function streamUpload(port: number, path: string, cookie: string, fields: Record<string, string>, size: number) {
  const boundary = '----fremdrift-graense';
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    let answered = false;
    let sent = 0;
    const req = request(
      { port, path, method: 'POST', headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } },
      (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
      },
    );
    req.on('error', (e) => (answered ? undefined : reject(e)));
    let head = '';
    for (const [k, v] of Object.entries(fields)) head += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
    head += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="stor.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    req.write(head);
    const piece = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (!answered && sent < size) {
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!answered) req.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
}

describe.each(backends())('bounded uploads and messages on %s', (backend) => {
  const { uploads: uploadFolders } = usePrivateTmpdir('fremdrift-uploads-');
  const srv = useTestServer(backend, (t) => ({ maxUploadBytes: LIMIT, databaseUrl: t.url }), { listen: true });
  let port: number;
  let s: Session;

  beforeAll(async () => {
    port = (srv.app.server.address() as AddressInfo).port;
    // A fresh agency's analyst, who uploads register files (test/helpers/world.ts).
    s = await loginAs(srv.app, (await createAgency(srv.t.db)).analyst.username);
  });

  const csrf = async (page: string) => csrfOf((await s.get(page)).body);

  it('refuses a register upload over the limit with a Danish 413 while it streams, deletes the partial file, keeps memory bounded', async () => {
    const token = await csrf('/registerdata');
    const batches = (await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM register_batch')).rows[0].n;
    // A first refused upload warms up what any upload starts once (the import's worker thread,
    // socket buffers), so the growth measured below is what the 64 MB body itself costs.
    expect(
      (await streamUpload(port, `/registerdata?_csrf=${encodeURIComponent(token)}`, s.cookie, { kind: 'ydelser' }, 4 * LIMIT)).status,
    ).toBe(413);
    global.gc?.();
    const before = process.memoryUsage().rss;
    const r = await streamUpload(port, `/registerdata?_csrf=${encodeURIComponent(token)}`, s.cookie, { kind: 'ydelser' }, 64 * LIMIT);
    const grown = process.memoryUsage().rss - before;
    expect(r.status).toBe(413);
    expect(r.body).toContain('Filen er for stor. Den største fil, der kan lægges op, er 1 MB. Intet er gemt.');
    expect(r.body).toContain('<html lang="da"');
    expect(uploadFolders()).toEqual([]);
    expect((await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM register_batch')).rows[0].n).toBe(batches);
    // Far less than the 64 MB sent: the body is never held whole.
    expect(grown).toBeLessThan(48 * 1024 * 1024);
    console.log(
      `[upload-bounds] ${backend}: ${(r.sent / 1024 / 1024).toFixed(0)} MB sent before the 413, RSS grew ${(grown / 1024 / 1024).toFixed(1)} MB`,
    );
  });

  it('refuses a pool upload over the limit with a Danish 413, and deletes the partial file', async () => {
    const token = await csrf('/effekt/pulje');
    const m = multipart({}, { name: 'pulje.csv', bytes: Buffer.alloc(LIMIT + 4096, 'a') });
    const r = await srv.app.inject({
      method: 'POST',
      url: `/effekt/pulje?_csrf=${encodeURIComponent(token)}`,
      headers: { cookie: s.cookie, 'content-type': m.type },
      payload: m.body,
    });
    expect(r.statusCode).toBe(413);
    expect(r.body).toContain('Filen er for stor. Den største fil, der kan lægges op, er 1 MB. Intet er gemt.');
    expect(uploadFolders()).toEqual([]);
  });

  it('ends the import of a file with a very wide header with a short message naming the limit', async () => {
    // 150,000 columns in 1 MB: too many columns, though the header fits under its byte limit.
    const header = Array.from({ length: 150_000 }, (_, i) => `k${i % 10}`).join(';');
    const r = await uploadRegister(srv.app, s, { name: 'bred.csv', bytes: Buffer.from(`${header}\n`) });
    expect(r.statusCode).toBe(303);
    const location = r.headers.location as string;
    let poll = '';
    await expect
      .poll(
        async () => {
          poll = (await srv.app.inject({ url: `${location}.json`, headers: { cookie: s.cookie, accept: 'application/json' } })).body;
          return (JSON.parse(poll) as { status: string }).status;
        },
        { timeout: 60_000 },
      )
      .toBe('fejl');
    const job = JSON.parse(poll) as { text: string };
    expect(job.text).toContain('bred.csv, linje 1: overskriftslinjen har flere end 10.000 kolonner, som er det højeste tilladte');
    expect(job.text.length).toBeLessThan(2000);
    expect(poll.length).toBeLessThan(2000);
    const stored = (await srv.t.db.query<{ error: string }>(`SELECT error FROM import_job WHERE id = $1`, [location.split('/').pop()]))
      .rows[0].error;
    expect(stored.length).toBeLessThan(2000);
    await expect.poll(uploadFolders).toEqual([]); // the job removes its upload when it ends
  });
});
