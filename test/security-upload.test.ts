/**
 * Upload size limit: the register upload (@fastify/multipart) stops a file larger than
 * `config.maxUploadBytes` (MAX_UPLOAD_MB) with a Danish message and imports nothing.
 */
import { describe, expect, it } from 'vitest';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { loginAs, uploadRegister } from './helpers/http.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { loadConfig } from '../src/core/config.ts';
import { createAgency } from './helpers/world.ts';

describe.each(backends())('upload size limit on %s', (backend) => {
  const srv = useTestServer(backend, { maxUploadBytes: loadConfig({ MAX_UPLOAD_MB: '1' }, { secret: TEST_SECRET }).maxUploadBytes });

  it('takes the limit from MAX_UPLOAD_MB', () => {
    expect(loadConfig({ MAX_UPLOAD_MB: '1' }, { secret: TEST_SECRET }).maxUploadBytes).toBe(1024 * 1024);
    expect(loadConfig({}, { secret: TEST_SECRET }).maxUploadBytes).toBe(300 * 1024 * 1024);
  });

  it('refuses a register file over the limit with a Danish message, and imports nothing', async () => {
    // A fresh agency's analyst, who uploads register files (test/helpers/world.ts).
    const s = await loginAs(srv.app, (await createAgency(srv.t.db)).analyst.username);
    const batches = async () => (await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM register_batch')).rows[0].n;
    const before = await batches();
    const big = Buffer.alloc(1024 * 1024 + 4096, 'a');
    const res = await uploadRegister(srv.app, s, { name: 'stor.csv', bytes: big });
    expect([400, 413]).toContain(res.statusCode);
    expect(res.body).toContain('Filen er for stor');
    expect(res.body).not.toMatch(/FST_|at .+\.ts:\d+/);
    expect(await batches()).toBe(before);
  });
});
