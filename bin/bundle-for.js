// Which precompiled bundle (dist/cli/, scripts/build-cli.mjs) may run a command line: `help`
// (also no command, `--help`) and `monitor`, while the bundle is fresh, i.e. no source file it
// was built from is newer than it. Anything else, or a stale or missing bundle: null (tsx).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} root @param {string | undefined} name @returns {{ key: 'help' | 'monitor', file: string } | null} */
export function bundleFor(root, name) {
  if (process.env.FREMDRIFT_NO_BUNDLE === '1') return null;
  const key = !name || name === 'help' || name === '--help' ? 'help' : name === 'monitor' ? 'monitor' : null;
  if (!key) return null;
  try {
    const dir = join(root, 'dist', 'cli');
    const b = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).bundles[key];
    const file = join(dir, b.file);
    const built = statSync(file).mtimeMs;
    for (const input of b.inputs) if (statSync(join(root, input)).mtimeMs > built) return null;
    return { key, file };
  } catch {
    return null;
  }
}
