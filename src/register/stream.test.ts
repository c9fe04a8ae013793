/** Register files read in chunks (chunks.ts): same results as in memory, keep filter, --from, bounded memory. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMonth, parseWeek } from '../monitoring/calendar.ts';
import type { RegisterData } from '../monitoring/types.ts';
import { readBenefits } from './benefits.ts';
import { RegisterBuilder } from './builder.ts';
import { fileSource, lastRowEnd } from './chunks.ts';
import { defaultCodeTable } from './codetable.ts';
import { readHours } from './hours.ts';
import { readRegister } from './load.ts';
import { keepCprHashes, keepCprs } from './person-key.ts';

const dir = mkdtempSync(join(tmpdir(), 'fremdrift-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const cpr = (i: number) => `0101${String(80 + (i % 20)).padStart(2, '0')}${String(1000 + i).padStart(4, '0')}`;
const same = (a: RegisterData, b: RegisterData) => {
  expect([...a.weeks.keys()]).toEqual([...b.weeks.keys()]);
  for (const [k, p] of a.weeks) expect(b.weeks.get(k)).toEqual(p);
  expect([...a.hours.keys()]).toEqual([...b.hours.keys()]);
  for (const [k, p] of a.hours) expect(b.hours.get(k)).toEqual(p);
};

describe('lastRowEnd', () => {
  it('cuts after the last line feed outside quotes', () => {
    const b = Buffer.from('a;b\n1;"x\ny"\n2;"z\n');
    expect(lastRowEnd(b, b.length)).toBe('a;b\n1;"x\ny"\n'.length);
    expect(lastRowEnd(Buffer.from('a;"b\nc'), 6)).toBe(0);
  });
});

describe('reading in chunks', () => {
  // Quoted text with line breaks and Windows-1252 letters, CRLF, many rows: every chunk size
  // from tiny (rows longer than a chunk) to large gives what reading from memory gives.
  const rows = ['PNR;navn;y_2101;y_2102;y_2103'];
  for (let i = 0; i < 300; i++) rows.push(`${cpr(i)};"Søren ""${i}""\r\nÆble";${i % 3 ? 730 : ''};${i % 5 ? '' : 707};NA`);
  const text = rows.join('\r\n') + '\r\n';
  const latin = Buffer.from(text, 'latin1'); // ø, Æ in Windows-1252 (not UTF-8)
  const path = file('bred-1252.csv', latin);
  const hoursText = ['cpr;maaned;timer', ...Array.from({ length: 300 }, (_, i) => `${cpr(i)};2021-0${1 + (i % 9)};${i},5`)].join('\n');
  const hoursPath = file('timer.csv', hoursText);

  it('gives the same data for every chunk size as reading from memory', () => {
    const mem = readHours(Buffer.from(hoursText), 'timer.csv', readBenefits(latin, 'bred.csv')).build(defaultCodeTable());
    expect(mem.weeks.size).toBe(300);
    expect([...mem.weeks.values()].filter((p) => p.codes.some((c) => c !== 0)).length).toBe(220); // i % 3 ≠ 0 or i % 5 = 0
    for (const size of [7, 64, 1000, 1 << 20]) {
      const b = new RegisterBuilder();
      readBenefits({ path }, 'bred.csv', b);
      readHours({ path: hoursPath }, 'timer.csv', b);
      same(b.build(defaultCodeTable()), mem);
      // And the chunks themselves end at row ends.
      const src = fileSource(path, size);
      let total = 0;
      for (let c = src.next(); c; c = src.next()) total += c.length;
      expect(total).toBe(latin.length);
    }
  });

  it('keeps only the people asked for (by CPR or by keyed hash), skipping the others unread', () => {
    const want = [cpr(1), cpr(2), cpr(250)];
    const kept = readRegister({ benefits: [path], hours: [hoursPath] }, { keep: keepCprs(want) });
    expect([...kept.weeks.keys()].sort()).toEqual([cpr(1), cpr(2), cpr(250)].sort());
    expect([...kept.hours.keys()].sort()).toEqual(want.sort());
    const hash = (c: string) => `h${c.split('').reverse().join('')}`;
    const byHash = readRegister({ benefits: [path] }, { keep: keepCprHashes(want.map(hash), hash) });
    expect([...byHash.weeks.keys()].sort()).toEqual([...kept.weeks.keys()].sort());
    // A row of someone not kept is not read: its bad cell is no error.
    const bad = file('bad-other.csv', `PNR;y_2101\n${cpr(1)};730\n${cpr(2)};13x\n`);
    expect(() => readRegister({ benefits: [bad] }, { keep: keepCprs([cpr(1)]) })).not.toThrow();
    expect(() => readRegister({ benefits: [bad] }, { keep: keepCprs([cpr(2)]) })).toThrow(/linje 3, kolonne «y_2101»/);
  });

  it('--from drops older weeks and months without reading them', () => {
    const p = file('lang-historik.csv', `PNR;y_9101;y_2052;y_2053;y_2101\n${cpr(1)};13x;730;707;731\n`);
    const d = readRegister({ benefits: [p], hours: [hoursPath] }, { from: '2021-01' });
    const w = d.weeks.get(cpr(1))!;
    expect(w.weekStart).toBe(parseWeek('2021-W01')); // 2020-W53 has its Thursday on 31 December: dropped
    expect([...w.codes]).toEqual([731]);
    expect(() => readRegister({ benefits: [p] })).toThrow(/kolonne «y_9101»/);
    const h = readRegister({ hours: [hoursPath] }, { from: '2021-05' });
    expect(h.hours.size).toBe(165); // months 5–9: i % 9 ≥ 4
    for (const p of h.hours.values()) expect(p.monthStart).toBeGreaterThanOrEqual(parseMonth('2021-05')!);
  });
});

describe('bounded memory', () => {
  it('reads a national-width file many times the size of its memory, holding only the people kept', () => {
    // A child process writes a ~40 MB wide file (1,700 weekly columns since 1991) and reads it
    // in 2 MiB chunks keeping 50 people; it reports the peak of live buffers and heap after GC.
    const script = join(dir, 'memory-child.mts');
    writeFileSync(
      script,
      `
      import { openSync, writeSync, closeSync, statSync } from 'node:fs';
      import { readBenefits } from ${JSON.stringify(new URL('./benefits.ts', import.meta.url).pathname)};
      import { RegisterBuilder } from ${JSON.stringify(new URL('./builder.ts', import.meta.url).pathname)};
      import { keepCprs } from ${JSON.stringify(new URL('./person-key.ts', import.meta.url).pathname)};
      import * as chunks from ${JSON.stringify(new URL('./chunks.ts', import.meta.url).pathname)};
      import { defaultCodeTable } from ${JSON.stringify(new URL('./codetable.ts', import.meta.url).pathname)};
      const path = process.argv[2];
      const cols = [];
      for (let y = 1991; cols.length < 1700; y++) for (let w = 1; w <= 52 && cols.length < 1700; w++) cols.push('y_' + String(y % 100).padStart(2, '0') + String(w).padStart(2, '0'));
      const fd = openSync(path, 'w');
      writeSync(fd, 'PNR;koen;' + cols.join(';') + '\\n');
      const row = (i) => { const c = new Array(1700).fill(''); for (let k = i % 7; k < 1700; k += 3) c[k] = [730, 731, 733, 734, 735, 736, 737, 738][k % 8]; return c.join(';'); };
      const cpr = (i) => String(1010000000 + i * 7).padStart(10, '0');
      const body = [];
      for (let i = 0; i < 12000; i++) { body.push(cpr(i) + ';K;' + row(i)); if (body.length === 500) { writeSync(fd, body.join('\\n') + '\\n'); body.length = 0; } }
      closeSync(fd);
      const size = statSync(path).size;
      const keep = new Set(Array.from({ length: 50 }, (_, k) => cpr(k * 240)));
      globalThis.gc(); const base = process.memoryUsage();
      let peak = 0, n = 0;
      const src = chunks.fileSource(path, 2 << 20);
      const wrapped = { next() { const c = src.next(); if (++n % 3 === 0) { globalThis.gc(); const m = process.memoryUsage(); peak = Math.max(peak, m.arrayBuffers + m.heapUsed - base.heapUsed); } return c; } };
      const b = new RegisterBuilder();
      readBenefits(wrapped, 'national.csv', b, { keep: keepCprs(keep) });
      const data = b.build(defaultCodeTable());
      console.log(JSON.stringify({ size, peak, kept: data.weeks.size, chunks: n }));
    `,
    );
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, join(dir, 'national.csv')], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    expect(r.kept).toBe(50);
    expect(r.size).toBeGreaterThan(40e6);
    console.log(`bounded memory: file ${(r.size / 1e6).toFixed(0)} MB, peak live ${(r.peak / 1e6).toFixed(1)} MB`);
    expect(r.chunks).toBeGreaterThan(15);
    expect(r.peak).toBeLessThan(12e6); // a few chunks, never the file
  }, 120_000);
});
