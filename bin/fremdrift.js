#!/usr/bin/env node
// Entry point for `npx fremdrift …`. `help` and `monitor` run from their precompiled bundles in
// dist/cli/ (scripts/build-cli.mjs, run on npm ci) while those are fresh, so they start without
// loading tsx; everything else, and any stale or missing bundle, runs the TypeScript sources
// through tsx, so no build step is ever needed for correctness.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { bundleFor } from './bundle-for.js';

// Files this process writes (the PGlite folder, backups, upload temp files) hold personal data:
// owner only, whatever umask the process was started with (src/core/private-files.ts).
process.umask(process.umask(0o077) | 0o077);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const argv = process.argv.slice(2);

const fast = bundleFor(root, argv[0]);
let code;
if (fast) {
  const mod = await import(pathToFileURL(fast.file).href);
  code = fast.key === 'help' ? await mod.run(argv.slice(1), !!argv[0]) : await mod.run(argv.slice(1));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import(join(here, '..', 'src', 'cli', 'main.ts'));
  code = await main(argv);
}
if (typeof code === 'number') process.exitCode = code;
