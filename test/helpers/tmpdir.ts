import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A private TMPDIR for one describe block, so the server's upload folders land apart from other
 * tests'. Call it before the block's own hooks: its beforeAll then runs before the server is built,
 * and (hooks run as a stack) its afterAll after the server is closed. `uploads()` lists the upload
 * folders left in it.
 */
export function usePrivateTmpdir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const old = process.env.TMPDIR;
  beforeAll(() => {
    process.env.TMPDIR = dir;
  });
  afterAll(() => {
    if (old === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = old;
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, uploads: () => readdirSync(dir).filter((n) => n.startsWith('fremdrift-upload-')) };
}
