/**
 * Routes are parse-call-render (issue 10 item 3): every route handler, and every other function a
 * route file declares, stays at most 25 lines and holds no loop, SQL, filtering, searching or sorting (only `.map` to render); that
 * logic lives in a use case in src/app/. The exceptions below are listed with why; the list may
 * only shrink (a listed function that is now short and plain fails too, so it is taken off).
 * `npx tsx test/helpers/route-handlers.ts` prints the measurement.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHeavy, measureRouteHandlers } from './helpers/route-handlers.ts';

/** `file name` → why it may stay as it is. */
const ALLOWED: Record<string, string> = {
  'src/http/routes/register.ts POST /registerdata':
    'the multipart upload of a register file: streams the parts to a temporary file and starts the import job (request handling, not domain logic)',
  'src/http/routes/admin/audit.ts GET /admin/audit': 'the CSV download writes the audit log row by row as a stream',
  'src/http/routes/admin/gdpr.ts erasedText': 'renders the list of what an erasure removed (text of the receipt)',
  'src/http/routes/participant-sections.ts participantSections':
    "renders the server's section providers one after another (in order, as audited)",
  // Without logic, over 25 lines only since Prettier put their arguments one per line (30 Nov 2026).
  'src/http/routes/effect.ts POST /effekt/pulje': 'parses the pool form and renders its errors; no logic, 30 lines as formatted',
  'src/http/routes/recruitment.ts POST /kandidater/import': 'the multipart upload of a candidate list; no logic, 32 lines as formatted',
  'src/http/routes/register.ts POST /registerdata/job/:id/koder':
    'reads the mapping form of each unknown code (one .map over the codes); 34 lines as formatted',
};

describe('route handlers', () => {
  const all = measureRouteHandlers();
  it('finds the handlers of every route file', () => {
    expect(all.filter((f) => f.kind === 'handler').length).toBeGreaterThan(150);
    expect(all.some((f) => f.file === 'src/http/routes/casework/case-records.ts' && f.name === 'GET /deltagere/:id/${form.path}/ny')).toBe(
      true,
    );
  });

  it('are parse-call-render: short and without loops, SQL or filtering, except the listed ones', () => {
    const heavy = all.filter((f) => isHeavy(f)).map((f) => `${f.file} ${f.name}`);
    expect(heavy.filter((h) => !(h in ALLOWED))).toEqual([]);
    // An exception that no longer applies is taken off the list.
    expect(Object.keys(ALLOWED).filter((k) => !heavy.includes(k))).toEqual([]);
  });

  it('flags a planted long handler with a loop and a filter', () => {
    const dir = mkdtempSync(join(tmpdir(), 'route-handlers-'));
    try {
      mkdirSync(join(dir, 'area'));
      const lines = Array.from({ length: 30 }, (_, i) => `    const x${i} = ${i};`).join('\n');
      writeFileSync(
        join(dir, 'area', 'planted.ts'),
        `export function plantedRoutes(app: any) {
  app.get('/long', async (req: any, reply: any) => {
${lines}
    return reply.send('ok');
  });
  app.post('/logic', async (req: any) => {
    for (const r of req.body) void r;
    return req.body.filter((r: any) => r.ok);
  });
  app.get('/short', async (_req: any, reply: any) => reply.send('ok'));
}
`,
      );
      const found = measureRouteHandlers(dir);
      expect(found.map((f) => [f.name, isHeavy(f)])).toEqual([
        ['GET /long', true],
        ['POST /logic', true],
        ['GET /short', false],
      ]);
      expect(found.find((f) => f.name === 'POST /logic')!.logic).toEqual(['.filter', 'loop']);
      expect(found[0].lines).toBe(33);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
