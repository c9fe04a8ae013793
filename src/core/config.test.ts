import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

// Issue 11, finding 10: production mode started on a stray demo-secret found in the data folder.
describe('the master secret', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const folderWithDemoSecret = () => {
    const d = mkdtempSync(join(tmpdir(), 'fremdrift-cfg-'));
    dirs.push(d);
    writeFileSync(join(d, 'demo-secret'), 'demo-secret-value-0123456789', { mode: 0o600 });
    return d;
  };

  it('refuses a demo-secret outside demo mode, also beside FREMDRIFT_SECRET', () => {
    const dir = folderWithDemoSecret();
    expect(() => loadConfig({ FREMDRIFT_DATA_DIR: dir })).toThrow(/demo-secret/);
    expect(() => loadConfig({ FREMDRIFT_DATA_DIR: dir, FREMDRIFT_SECRET: 'a-real-production-secret-0123' })).toThrow(/demo-secret/);
  });

  it('uses it in demo mode, and FREMDRIFT_SECRET in a clean folder', () => {
    const dir = folderWithDemoSecret();
    expect(loadConfig({ FREMDRIFT_DATA_DIR: dir, FREMDRIFT_DEMO: '1' }).secret).toBe('demo-secret-value-0123456789');
    const clean = mkdtempSync(join(tmpdir(), 'fremdrift-cfg-'));
    dirs.push(clean);
    expect(loadConfig({ FREMDRIFT_DATA_DIR: clean, FREMDRIFT_SECRET: 'a-real-production-secret-0123' }).secret).toBe(
      'a-real-production-secret-0123',
    );
    expect(() => loadConfig({ FREMDRIFT_DATA_DIR: clean })).toThrow(/FREMDRIFT_SECRET/);
  });
});
