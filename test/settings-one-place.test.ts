/**
 * Settings are read in one place: no source file under src/ but src/core/config.ts touches
 * process.env (tests beside the code excluded). A planted reader is listed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const CONFIG = 'src/core/config.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|mts|js|mjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Files that read the environment: `process.env`, `process['env']` or `{ env } = process`. */
export function envReaders(files: { path: string; text: string }[]): string[] {
  const reads = /process\s*(\.\s*env\b|\[\s*['"]env['"]\s*\])|\benv\b[^=;]*\}\s*=\s*process\b/;
  return files.filter((f) => f.path !== CONFIG && reads.test(f.text)).map((f) => f.path);
}

describe('settings are read in one place', () => {
  it('no file in src/ but core/config.ts reads process.env', () => {
    const files = sources(join(root, 'src')).map((p) => ({ path: relative(root, p).split('\\').join('/'), text: readFileSync(p, 'utf8') }));
    expect(files.some((f) => f.path === CONFIG)).toBe(true);
    expect(envReaders(files)).toEqual([]);
  });

  it('lists a planted reader in any of its spellings, and not the config module', () => {
    const planted = [
      { path: CONFIG, text: 'const x = process.env.PORT;' },
      { path: 'src/cli/a.ts', text: 'const port = process.env.PORT;' },
      { path: 'src/cli/b.ts', text: "const e = process['env'];" },
      { path: 'src/cli/c.ts', text: 'const { env } = process;' },
      { path: 'src/cli/d.ts', text: '// the environment is read in core/config.ts\nconst port = config.port;' },
    ];
    expect(envReaders(planted)).toEqual(['src/cli/a.ts', 'src/cli/b.ts', 'src/cli/c.ts']);
  });
});
