#!/usr/bin/env node
// Entry point for `npx fremdrift …`: runs the TypeScript CLI through tsx so that no
// build step is needed after `npm ci`.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

// Files this process writes (the PGlite folder, backups, upload temp files) hold personal data:
// owner only, whatever umask the process was started with (src/core/private-files.ts).
process.umask(process.umask(0o077) | 0o077);
register();
const here = dirname(fileURLToPath(import.meta.url));
const { main } = await import(join(here, '..', 'src', 'cli', 'main.ts'));
const code = await main(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
