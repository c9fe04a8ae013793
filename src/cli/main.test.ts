import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/fremdrift.js', import.meta.url));

/** Best of two wall-clock times of `fremdrift <args>` (ms), and the last output. */
function time(...args: string[]) {
  let best = Infinity;
  let out = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    out = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, out };
}

describe('fremdrift command list', () => {
  it('lists every command module in commands/ with a summary', () => {
    const files = readdirSync(new URL('./commands/', import.meta.url)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => f.slice(0, -3));
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
