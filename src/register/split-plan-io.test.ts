/**
 * parallel.ts's own reads of the benefit files (`readAt`: the header and the window around the
 * cut) and how it reads a header line (issue 17, mutation testing): every file it opens is
 * closed, a read that returns fewer bytes than asked is read on, and the layout's weights follow
 * the header's names whatever their case, blanks or line end. Fast: no reader thread.
 */
import * as fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jobPeople, pieceSource, readerBundle, splitPlan, type SplitPlan } from './parallel.ts';
import { plainCprNumbers } from './participants.ts';
import { leftOpen, rowCpr, tempFiles } from './test-files.ts';

// openSync, readSync and closeSync as themselves, watched (readSync can be made to return short reads).
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    openSync: vi.fn(real.openSync),
    closeSync: vi.fn(real.closeSync),
    readSync: vi.fn(real.readSync),
    readFileSync: vi.fn(real.readFileSync),
    statSync: vi.fn(real.statSync),
  };
});
const real = await vi.importActual<typeof import('node:fs')>('node:fs');
const realReadSync = real.readSync;
afterEach(() => {
  vi.mocked(fs.readSync).mockImplementation(realReadSync);
  vi.mocked(fs.readFileSync).mockImplementation(real.readFileSync);
  vi.mocked(fs.statSync).mockImplementation(real.statSync);
});

/** From now on, readSync returns at most `most` bytes a call (as a pipe or a network file may). */
function shortReads(most: number): void {
  vi.mocked(fs.readSync).mockImplementation(((fd: number, buf: NodeJS.ArrayBufferView, off: number, len: number, pos: number | null) =>
    realReadSync(fd, buf, off, Math.min(len, most), pos)) as typeof fs.readSync);
}

const { file } = tempFiles('fremdrift-split-io-');
const cpr = (i: number) => `${String(1 + (i % 28)).padStart(2, '0')}0${(i % 9) + 1}8${i % 10}${String(1000 + i).padStart(4, '0')}`;
const CODES = [730, 707, 651, 131];
function longText(people: number, weeks: number, header = 'cpr;uge;kode', eol = '\n'): string {
  const rows = [header];
  for (let i = 0; i < people; i++)
    for (let k = 0; k < weeks; k++) rows.push(`${cpr(i)};2020-W${String(1 + k).padStart(2, '0')};${CODES[(i + k) % 4]}`);
  return rows.join(eol) + eol;
}
const size = (s: string) => Buffer.byteLength(s);
/** The row start a plan cuts at for a target byte `at` in `text`: the start of the row after the one `at` is in. */
const rowAfter = (text: string, at: number) => text.indexOf('\n', Math.max(at, text.indexOf('\n') + 1)) + 1;
/** All the bytes a source gives. */
function drain(p: SplitPlan['worker'][number]): string {
  const src = pieceSource(p);
  const parts: Buffer[] = [];
  for (let c = src.next(); c; c = src.next()) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString('latin1');
}

describe('parallel.ts reading the benefit files itself', () => {
  const long = longText(30, 20);
  const longPath = file('lang.csv', long);

  it('closes every file it opens to plan the cut and to read a piece’s header', () => {
    const from = vi.mocked(fs.openSync).mock.results.length;
    const plan = splitPlan([longPath], [], { minBytes: 0 })!;
    expect(plan.worker[0].start).toBeGreaterThan(0);
    // sniff and cutAt each opened it
    expect(vi.mocked(fs.openSync).mock.results.length - from).toBeGreaterThanOrEqual(2);
    expect(leftOpen(from)).toEqual([]);
    // The piece's source reads its header at once (and its file as asked, closed at the end).
    expect(drain(plan.worker[0])).toBe('cpr;uge;kode\n' + long.slice(plan.worker[0].start));
    expect(leftOpen(from)).toEqual([]);
  });

  it('reads on after a short read: the same cut and the whole header when the disk gives a few bytes at a time', () => {
    const plan = splitPlan([longPath], [], { minBytes: 0 })!;
    expect(plan.worker[0].start).toBe(rowAfter(long, Math.floor(size(long) / 2)));
    for (const most of [1, 5, 64]) {
      shortReads(most);
      expect(splitPlan([longPath], [], { minBytes: 0 })).toEqual(plan);
      expect(drain(plan.worker[0])).toBe('cpr;uge;kode\n' + long.slice(plan.worker[0].start));
    }
  });

  it('weighs a file by the long layout whatever the case and blanks of its names, and with a CRLF header (its CR trimmed with the blanks)', () => {
    const hoursText = 'cpr;maaned;timer\n' + Array.from({ length: 40 }, (_, i) => `${cpr(i)};2021-01;${i},5`).join('\n') + '\n';
    const hours = file('timer.csv', hoursText);
    const h = size(hoursText);
    // The long layout weighs the hours 4 times their bytes (the wide one 1.5 times).
    for (const text of [longText(30, 20, 'CPR; Uge ;KODE'), longText(30, 20, 'cpr;uge;kode', '\r\n')]) {
      const p = file('lang.csv', text);
      const total = size(text);
      const at = Math.floor(((total - 4 * h) / (2 * total)) * total);
      const cut = text.indexOf('\n', Math.max(at, text.indexOf('\n') + 1)) + 1;
      expect(splitPlan([p], [hours], { minBytes: 0 })!.worker[0].start).toBe(cut);
    }
  });

  it('reads only a window of a large file to plan the cut, not the whole file', () => {
    const big = longText(2000, 60); // some 3 MB
    expect(size(big)).toBeGreaterThan(3 * 1024 * 1024 - 300_000);
    const p = file('stor.csv', big);
    const calls = vi.mocked(fs.readSync).mock.calls.length;
    const plan = splitPlan([p], [], { minBytes: 0 })!;
    expect(plan.worker[0].start).toBe(rowAfter(big, Math.floor(size(big) / 2)));
    const asked = vi
      .mocked(fs.readSync)
      .mock.calls.slice(calls)
      .reduce((n, c) => n + ((c as unknown[])[3] as number), 0);
    // The header's window and the window after the middle: 1 MiB each at most.
    expect(asked).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('reads 64 KiB for a header line, and up to 1 MiB when the line is longer (fresh memory is dear: chunks.ts)', () => {
    const big = longText(2000, 60);
    const p = file('stor.csv', big);
    const header = ['cpr', 'uge', 'kode', ...Array.from({ length: 9000 }, (_, i) => `demografi_${i}`)].join(';'); // some 130 kB
    const rows = big
      .split('\n')
      .slice(1, -1)
      .map((r) => r + ';'.repeat(9000));
    const wideHeader = file('bred.csv', [header, ...rows.slice(0, 400)].join('\n') + '\n');
    const asked = (path: string) => {
      const calls = vi.mocked(fs.readSync).mock.calls.length;
      const plan = splitPlan([path], [], { minBytes: 0 });
      const sizes = vi
        .mocked(fs.readSync)
        .mock.calls.slice(calls)
        .map((c) => (c as unknown[])[3] as number);
      return { plan, first: sizes[0] };
    };
    expect(asked(p).first).toBe(64 * 1024);
    const wide = asked(wideHeader);
    expect(wide.first).toBe(64 * 1024);
    // The long header is read whole the second time, and the file is cut as one with a short header would be.
    expect(wide.plan).not.toBeNull();
    expect(wide.plan!.worker[0].header).toBe(header.length + 1);
  });

  it('a file that gives fewer bytes than its size (cut short while read) is not planned, and does not hang the planning', () => {
    vi.mocked(fs.readSync).mockImplementation((() => 0) as typeof fs.readSync);
    expect(splitPlan([longPath], [], { minBytes: 0 })).toBeNull();
  });
});

describe("the reader thread's people from the participants file (jobPeople)", () => {
  const rows = Array.from({ length: 60_000 }, (_, i) => `D${i};${rowCpr(i)};851;2021-01-04;jobparat;`);
  const text = ['id;cpr;kommune;indskrevet;visitation;udskrevet', ...rows].join('\n') + '\n'; // some 2.6 MB: three chunks
  const job = (participants: string) => ({ pieces: [], participants, expect: null });

  it('reads the file a chunk at a time into the same numbers as reading it whole, and closes it', () => {
    const path = file('deltagere.csv', text);
    const from = vi.mocked(fs.openSync).mock.results.length;
    const readWhole = vi.mocked(fs.readFileSync).mock.calls.length;
    const got = jobPeople(job(path))!;
    expect(got.kept).toEqual(plainCprNumbers(Buffer.from(text)));
    expect(got.kept!.length).toBe(60_000);
    expect(got.keep(rowCpr(59_999))).toBe(true);
    expect(vi.mocked(fs.readFileSync).mock.calls.length).toBe(readWhole); // not read into one buffer
    expect(leftOpen(from)).toEqual([]);
  });

  it('gives up (the main thread posts the people) on a quote in the middle chunk, or on no header, and closes the file either way', () => {
    const quoted = file('deltagere.csv', text.replace(`D30000;${rowCpr(30_000)}`, `D30000;"${rowCpr(30_000)}"`));
    const headless = file('deltagere.csv', 'ingen overskrift');
    const from = vi.mocked(fs.openSync).mock.results.length;
    expect(jobPeople(job(quoted))).toBeNull();
    expect(jobPeople(job(headless))).toBeNull();
    expect(jobPeople(job(file('tom.csv', '')))).toBeNull();
    expect(leftOpen(from)).toEqual([]);
  });
});

describe("the reader thread's bundle (readerBundle)", () => {
  const root = new URL('../../', import.meta.url);
  const dist = new URL('dist/cli/', root);
  /** dist/cli/manifest.json naming `rw.mjs` built from two sources, with these modification times (or no manifest). */
  function bundleOnDisk(times: Record<string, number> | null): void {
    vi.mocked(fs.readFileSync).mockImplementation(((path: fs.PathOrFileDescriptor) => {
      if (times !== null && String(path) === new URL('manifest.json', dist).href)
        return JSON.stringify({ bundles: { 'read-worker': { file: 'rw.mjs', inputs: ['src/a.ts', 'src/b.ts'] } } });
      throw Object.assign(new Error(`ENOENT: ${String(path)}`), { code: 'ENOENT' });
    }) as typeof fs.readFileSync);
    vi.mocked(fs.statSync).mockImplementation(((path: fs.PathLike) => {
      const name = String(path).slice(root.href.length);
      if (times === null || !(name in times)) throw Object.assign(new Error(`ENOENT: ${name}`), { code: 'ENOENT' });
      return { mtimeMs: times[name] } as fs.Stats;
    }) as typeof fs.statSync);
  }

  it("is the manifest's file in dist/cli while no source it was built from is newer (the same time is not newer)", () => {
    bundleOnDisk({ 'dist/cli/rw.mjs': 100, 'src/a.ts': 50, 'src/b.ts': 100 });
    expect(readerBundle()?.href).toBe(new URL('rw.mjs', dist).href);
  });

  it('is none when a source is newer than the bundle, when a source or the bundle is missing, or without a manifest', () => {
    bundleOnDisk({ 'dist/cli/rw.mjs': 100, 'src/a.ts': 50, 'src/b.ts': 101 });
    expect(readerBundle()).toBeNull();
    bundleOnDisk({ 'dist/cli/rw.mjs': 100, 'src/a.ts': 50 });
    expect(readerBundle()).toBeNull();
    bundleOnDisk({ 'src/a.ts': 50, 'src/b.ts': 50 });
    expect(readerBundle()).toBeNull();
    bundleOnDisk(null);
    expect(readerBundle()).toBeNull();
  });
});
