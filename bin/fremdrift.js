#!/usr/bin/env node
// Entry point for `npx fremdrift …`: runs the TypeScript CLI through tsx so that no
// build step is needed after `npm ci`.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

register();
const here = dirname(fileURLToPath(import.meta.url));
const { main } = await import(join(here, '..', 'src', 'cli', 'main.ts'));
const code = await main(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
