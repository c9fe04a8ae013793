import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run } from '../cli/commands/demo-register.ts';
import { monitor } from '../monitoring/index.ts';
import { loadMonitorInput } from '../register/index.ts';
import { generateCohort } from './cohort.ts';
import { CALIBRATION_MONTHS } from './monitor-demo.ts';

const dir = mkdtempSync(join(tmpdir(), 'fremdrift-demo-register-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fremdrift demo-register', () => {
  it("writes the four files, readable by the monitor, showing the cohort's plans", async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const out = join(dir, 'wide');
    expect(await run(['--size', '120', '--seed', '3', '--out', out, '--years', '4'])).toBe(0);
    log.mockRestore();
    expect(readdirSync(out).sort()).toEqual(['deltagere.csv', 'kodetabel.csv', 'loentimer.csv', 'ydelser.csv']);
    const header = readFileSync(join(out, 'ydelser.csv'), 'utf8').split('\n')[0].split(';');
    expect(header[0]).toBe('PNR');
    expect(header[1]).toBe('y_1914'); // 2019-04, four years before March 2023
    expect(header.at(-1)).toBe('y_2313');
    const input = await loadMonitorInput({
      participants: join(out, 'deltagere.csv'),
      benefits: [join(out, 'ydelser.csv')],
      hours: join(out, 'loentimer.csv'),
      codes: join(out, 'kodetabel.csv'),
    });
    const r = monitor(input, { ...CALIBRATION_MONTHS, suppress: 0 });
    const plans = generateCohort({ seed: 3, size: 120 }).plans;
    expect(r.participants.map((p) => [p.accumulated, p.durable, p.snapshot])).toEqual(plans.map((p) => [p.best, p.durable, p.snapshot]));
  });

  it('writes the long layout on request', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const out = join(dir, 'long');
    expect(await run(['--size', '10', '--out', out, '--layout', 'long'])).toBe(0);
    log.mockRestore();
    expect(readFileSync(join(out, 'ydelser.csv'), 'utf8').split('\n')[0]).toBe('cpr;uge;kode');
  });

  it('refuses missing or invalid options with a Danish message and exit code 2', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await run(['--size', '10'])).toBe(2);
    expect(await run(['--out', dir, '--size', '-3'])).toBe(2);
    expect(await run(['--out', dir, '--layout', 'tall'])).toBe(2);
    expect(await run(['--out', dir, '--years', '2'])).toBe(2);
    expect(err.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(
      /--out mangler[\s\S]*--size skal[\s\S]*--layout skal[\s\S]*--years skal/,
    );
    err.mockRestore();
  });
});
