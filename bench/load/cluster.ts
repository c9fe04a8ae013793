/**
 * Several Fremdrift instances (real `fremdrift serve` processes) behind HAProxy on 127.0.0.1,
 * for the scale-out benchmark and integration test. HAProxy is Debian's package
 * (`apt-get install -y haproxy`); the configuration is the one in deploy/haproxy.cfg with the
 * instances' local ports.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every process started here is stopped when this process ends, even after an error. */
const started = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
function track(c: ChildProcess) {
  started.add(c);
  c.on('exit', () => started.delete(c));
  return c;
}

export function haproxyAvailable(): boolean {
  return spawnSync('haproxy', ['-v'], { stdio: 'ignore' }).status === 0;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

/** deploy/haproxy.cfg, bound to 127.0.0.1:`port` with the given local instance ports. */
export function haproxyConfig(port: number, instancePorts: number[]): string {
  const shipped = readFileSync(join(ROOT, 'deploy', 'haproxy.cfg'), 'utf8');
  const servers = instancePorts.map((p, i) => `  server app${i + 1} 127.0.0.1:${p} check`).join('\n');
  return shipped
    .replace(/^# Docker's embedded DNS.*\nresolvers docker\n(?: .*\n)*/m, '')
    .replace(/ resolvers docker/, '')
    .replace(/^ {2}log stdout.*$/m, '  log stderr format raw local0 err')
    .replace(/^ {2}bind :8080$/m, `  bind 127.0.0.1:${port}`)
    .replace(/^(?: {2}server app\d .*\n?)+/m, `${servers}\n`);
}

export interface Instance {
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
}

/** Start `fremdrift serve`; resolves when it listens. */
export function startInstance(env: Record<string, string>, port: number): Promise<Instance> {
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(process.execPath, ['bin/fremdrift.js', 'serve'], {
        cwd: ROOT,
        env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), COOKIE_SECURE: 'false', LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    let out = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    const onData = (d: Buffer) => {
      out += String(d);
      if (out.includes('kører på')) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve({ port, child, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => {
      if (process.env.FREMDRIFT_CLUSTER_DEBUG) process.stderr.write(d);
    });
    void exited.then((c) => reject(new Error(`fremdrift serve stopped (${c}) before listening: ${out.slice(-2000)}`)));
  });
}

export interface Balancer {
  url: string;
  stop(): Promise<void>;
}

/** Start HAProxy in the foreground on 127.0.0.1:`port`; resolves when it accepts connections. */
export async function startHaproxy(port: number, instancePorts: number[]): Promise<Balancer> {
  const dir = mkdtempSync(join(tmpdir(), 'fremdrift-haproxy-'));
  const cfg = join(dir, 'haproxy.cfg');
  writeFileSync(cfg, haproxyConfig(port, instancePorts), { mode: 0o600 });
  const check = spawnSync('haproxy', ['-c', '-q', '-f', cfg], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`haproxy -c: ${check.stderr}`);
  const child = track(spawn('haproxy', ['-db', '-f', cfg], { stdio: ['ignore', 'ignore', 'pipe'] }));
  child.stderr!.on('data', (d) => {
    if (process.env.FREMDRIFT_CLUSTER_DEBUG) process.stderr.write(d);
  });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    if (i > 200) throw new Error('haproxy did not come up');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
