import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFor } from '../../bin/bundle-for.js';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands.ts';
import { oneOfEach } from './test-support.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/fremdrift.js', import.meta.url));

/** Best of two wall-clock times of `fremdrift <args>` (ms), and the last output. */
function time(...args: string[]) {
  return timeWith({}, ...args);
}

function timeWith(env: Record<string, string>, ...args: string[]) {
  let best = Infinity;
  const opts = { cwd: root, encoding: 'utf8' as const, env: { ...process.env, ...env } };
  let out = spawnSync(process.execPath, [bin, ...args], opts);
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    out = spawnSync(process.execPath, [bin, ...args], opts);
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, out };
}

describe('fremdrift command list', () => {
  it('lists every command module in commands/ with a summary', () => {
    const files = readdirSync(new URL('./commands/', import.meta.url))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => f.slice(0, -3));
    expect(Object.keys(COMMANDS).sort()).toEqual(files.sort());
    for (const s of Object.values(COMMANDS)) expect(s.length).toBeGreaterThan(10);
  });

  it('help and monitor start as fast as the bare dispatcher: no command module, web server or Excel writer is loaded first', () => {
    // Peer in the same run: an unknown command loads only the dispatcher and exits.
    const bare = time('ukendt-kommando');
    expect(bare.out.status).toBe(2);
    const help = time('help');
    expect(help.out.status).toBe(0);
    expect(help.out.stdout).toMatch(/serve +Start webserveren/);
    const monitor = time('monitor', '--help');
    expect(monitor.out.status).toBe(0);
    // Loading the web server costs several times the bare start; these must stay close to it.
    expect(help.ms).toBeLessThan(bare.ms * 1.5 + 50);
    expect(monitor.ms).toBeLessThan(bare.ms * 2 + 100);
  }, 120_000);
});

describe('fast start of help and monitor (issue 9, item 8)', () => {
  const SOURCES = { FREMDRIFT_NO_BUNDLE: '1' };
  const monitorArgs = ['monitor', ...oneOfEach('deltagere.csv', 'ydelser-bred.csv')];

  it('runs help and monitor from their precompiled bundles while fresh, with the same output as the sources, and without tsx', () => {
    const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, encoding: 'utf8' });
    expect(build.status).toBe(0);
    expect(build.stdout).toMatch(/build-cli: help, monitor/);
    expect(bundleFor(root, 'help')?.key).toBe('help');
    expect(bundleFor(root, undefined)?.key).toBe('help');
    expect(bundleFor(root, 'monitor')?.key).toBe('monitor');
    expect(bundleFor(root, 'serve')).toBeNull();

    const fastHelp = timeWith({}, 'help');
    const srcHelp = timeWith(SOURCES, 'help');
    expect(fastHelp.out.status).toBe(0);
    expect(fastHelp.out.stdout).toBe(srcHelp.out.stdout);
    const fastMonitor = timeWith({}, ...monitorArgs);
    const srcMonitor = timeWith(SOURCES, ...monitorArgs);
    expect(fastMonitor.out.status).toBe(0);
    expect(fastMonitor.out.stdout).toBe(srcMonitor.out.stdout);
    expect(JSON.parse(fastMonitor.out.stdout).participants.length).toBeGreaterThan(0);
    // Loading tsx costs several times Node's own start; the bundles skip it.
    expect(fastHelp.ms).toBeLessThan(srcHelp.ms * 0.7);
    expect(fastMonitor.ms).toBeLessThan(srcMonitor.ms * 0.7);
  }, 180_000);

  it('falls back to the sources once a source file is newer than its bundle', () => {
    if (!bundleFor(root, 'help')) spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
    const source = join(root, 'src', 'cli', 'commands.ts');
    const before = statSync(source);
    try {
      const later = new Date(Date.now() + 60_000);
      utimesSync(source, later, later);
      expect(bundleFor(root, 'help')).toBeNull();
      expect(bundleFor(root, 'monitor')?.key).toBe('monitor'); // not built from commands.ts
    } finally {
      utimesSync(source, before.atime, before.mtime);
    }
    expect(bundleFor(root, 'help')?.key).toBe('help');
  });
});
