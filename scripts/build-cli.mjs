// Precompiles the commands that must start fast (`help`, `monitor`; issue 9, item 8) into
// dist/cli/, so that bin/fremdrift.js can run them without loading tsx (which alone costs
// several times Node's own start). The bin uses a bundle only while it is fresh: newer than
// every source file it was built from (dist/cli/manifest.json); otherwise it runs the sources
// through tsx as before. Runs on `npm ci`/`npm install` (prepare) and with `npm run build:cli`;
// a failure here only costs speed, never correctness, so it never fails the install.
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'cli');
// read-worker: the second reader thread of `monitor` (src/register/parallel.ts), started from
// this bundle by the monitor bundle, and by the sources while it is fresh (then without tsx).
const ENTRIES = { help: 'src/cli/help.ts', monitor: 'src/cli/commands/monitor.ts', 'read-worker': 'src/register/read-worker.ts' };
/** Files the bundles read at run time next to themselves (import.meta.url). */
const ASSETS = ['src/register/kodetabel.default.csv'];

try {
  if (!Object.values(ENTRIES).every((f) => existsSync(join(root, f)))) {
    console.log('build-cli: no sources here (e.g. an image layer with dependencies only); skipped.');
    process.exit(0);
  }
  const { build } = await import('esbuild');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const r = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, v])),
    outdir: out,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
  });
  for (const a of ASSETS) copyFileSync(join(root, a), join(out, a.split('/').pop()));
  // Per bundle: the source files it was built from (its chunks' inputs too) and the assets.
  const inputsOf = (file, seen = new Set()) => {
    if (seen.has(file)) return [];
    seen.add(file);
    const o = r.metafile.outputs[file];
    return [
      ...Object.keys(o.inputs),
      ...o.imports.filter((i) => !i.external && i.kind === 'import-statement').flatMap((i) => inputsOf(i.path, seen)),
    ];
  };
  const bundles = {};
  for (const [file, o] of Object.entries(r.metafile.outputs)) {
    if (!o.entryPoint) continue;
    const name = Object.entries(ENTRIES).find(([, v]) => v === o.entryPoint)[0];
    bundles[name] = { file: relative(out, join(root, file)), inputs: [...new Set([...inputsOf(file), ...ASSETS])].sort() };
  }
  // The monitor bundle starts the reader thread's bundle: it is fresh only while both are.
  bundles.monitor.inputs = [...new Set([...bundles.monitor.inputs, ...bundles['read-worker'].inputs])].sort();
  writeFileSync(join(out, 'manifest.json'), JSON.stringify({ built: new Date().toISOString(), bundles }, null, 1));
  console.log(`build-cli: ${Object.keys(bundles).join(', ')} → ${relative(root, out)}`);
} catch (e) {
  console.warn(`build-cli: skipped (${e instanceof Error ? e.message : e}); fremdrift runs its sources through tsx.`);
  process.exit(0);
}
