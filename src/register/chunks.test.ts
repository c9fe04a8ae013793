/**
 * chunks.ts on its own: where a chunk is cut (lastRowEnd against a plain character-by-character
 * reading), a file read as a byte range (the second reader thread's part), and the messages of a
 * file that cannot be read (issue 17, mutation testing).
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fs from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runs } from '../../test/fast-check-setup.ts';
import { DEFAULT_CHUNK, bytesSource, fileSource, lastRowEnd, pooledChunkBytes, rereadable, sourceOf, type ByteSource } from './chunks.ts';
import { leftOpen, thrown } from './test-files.ts';

// openSync and closeSync as themselves, watched: a source must close the file it opened.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, openSync: vi.fn(real.openSync), closeSync: vi.fn(real.closeSync) };
});

const dir = mkdtempSync(join(tmpdir(), 'fremdrift-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The offset after the last LF outside quotes in b[0..end), read one byte at a time. */
function plainRowEnd(b: Uint8Array, end: number): number {
  let inQuotes = false;
  let last = 0;
  for (let p = 0; p < end; p++) {
    if (b[p] === 34) inQuotes = !inQuotes;
    else if (b[p] === 10 && !inQuotes) last = p + 1;
  }
  return last;
}

const all = (src: ByteSource): number[][] => {
  const out: number[][] = [];
  for (let c = src.next(); c; c = src.next()) out.push([...c]);
  return out;
};

describe('lastRowEnd', () => {
  it('is where a character-by-character reading puts the last row end, for any end from 1', () => {
    const text = fc.array(fc.constantFrom('a', ';', '"', '\n', '\r'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.nat(), (t, k) => {
        const b = Buffer.from(t);
        // fileSource asks only with bytes in hand (end ≥ 1).
        if (b.length === 0) return;
        const end = 1 + (k % b.length);
        expect(lastRowEnd(b, end)).toBe(plainRowEnd(b, end));
      }),
      { numRuns: runs(3000) },
    );
    // A line feed at the very start, a quote at the very start, a quote just at the end asked for.
    expect(lastRowEnd(Buffer.from('\n"a'), 3)).toBe(1);
    expect(lastRowEnd(Buffer.from('"\n"\n'), 4)).toBe(4);
    expect(lastRowEnd(Buffer.from('a\n"b\n'), 2)).toBe(2);
  });
});

describe('fileSource', () => {
  const text = Array.from({ length: 200 }, (_, i) => `${String(i).padStart(10, '0')};"x\n${i}";${i % 7}`).join('\n') + '\n';
  const path = join(dir, 'rows.csv');
  writeFileSync(path, text);
  const bytes = [...Buffer.from(text)];

  it('hands out every byte once, in chunks that end at row ends, whatever the chunk size', () => {
    for (const size of [5, 16, 100, 4096, 1 << 20]) {
      const chunks = all(fileSource(path, size));
      expect(chunks.flat()).toEqual(bytes);
      for (const c of chunks.slice(0, -1)) expect(plainRowEnd(Uint8Array.from(c), c.length)).toBe(c.length);
    }
    // A file that ends exactly where a full chunk is cut: no empty chunk after it.
    const exact = join(dir, 'exact.csv');
    writeFileSync(exact, 'a;b\n1;2\n3;4\n5;6\n');
    expect(all(fileSource(exact, 16))).toEqual([[...Buffer.from('a;b\n1;2\n3;4\n5;6\n')]]);
  });

  it('reads exactly a byte range of the file (a reader thread reads its part)', () => {
    const cut = text.indexOf('\n0000000100;') + 1;
    expect(all(fileSource(path, 64, 'rows.csv', 1 << 20, { start: 0, end: cut })).flat()).toEqual(bytes.slice(0, cut));
    expect(all(fileSource(path, 64, 'rows.csv', 1 << 20, { start: cut, end: bytes.length })).flat()).toEqual(bytes.slice(cut));
    const mid = text.indexOf('\n0000000150;') + 1;
    expect(all(fileSource(path, 4096, 'rows.csv', 1 << 20, { start: cut, end: mid })).flat()).toEqual(bytes.slice(cut, mid));
  });

  it('a row longer than the chunk is read whole; one longer than the longest allowed is refused', () => {
    const long = join(dir, 'long.csv');
    writeFileSync(long, `a;b\n${'x'.repeat(300)};1\nc;d\n`);
    expect(all(fileSource(long, 8, 'long.csv', 1024)).flat()).toEqual([...Buffer.from(`a;b\n${'x'.repeat(300)};1\nc;d\n`)]);
    const refused = thrown(() => all(fileSource(long, 8, 'long.csv', 256)));
    expect(refused.code).toBe('too_large');
    expect(refused.message).toMatch(/^long\.csv: en linje er længere end/);
  });

  it('closes its file after the last chunk, and when it refuses a row', () => {
    const from = vi.mocked(fs.openSync).mock.results.length;
    const src = fileSource(path, 64);
    src.next();
    expect(leftOpen(from)).toHaveLength(1); // open while being read
    all(src);
    expect(src.next()).toBeNull();
    const long = join(dir, 'long2.csv');
    writeFileSync(long, `a;b\n${'x'.repeat(300)};1\n`);
    expect(thrown(() => all(fileSource(long, 8, 'long2.csv', 256))).code).toBe('too_large');
    expect(vi.mocked(fs.openSync).mock.results.length).toBe(from + 2);
    expect(leftOpen(from)).toEqual([]);
  });

  it('a missing file and a file that cannot be read are named in Danish', () => {
    expect(() => fileSource(join(dir, 'ingen.csv'), 64, 'ingen.csv')).toThrow(/^ingen\.csv: filen findes ikke\.$/);
    expect(thrown(() => fileSource(join(dir, 'ingen.csv'), 64, 'ingen.csv')).code).toBe('bad_value');
    // Opening fails for another reason than a missing file (a file taken for a folder).
    const under = thrown(() => fileSource(join(path, 'x.csv'), 64, 'x.csv'));
    expect([under.code, under.message]).toEqual(['bad_value', 'x.csv: filen kan ikke læses.']);
    const folder = join(dir, 'en-mappe');
    mkdirSync(folder);
    expect(() => all(fileSource(folder, 64, 'en-mappe'))).toThrow(/^en-mappe: filen kan ikke læses \(/);
    expect(thrown(() => all(fileSource(folder, 64, 'en-mappe'))).code).toBe('bad_value');
    expect(() => sourceOf({ path: join(dir, 'ingen.csv') })).toThrow(/ingen\.csv: filen findes ikke/);
  });
});

describe('sourceOf and rereadable', () => {
  it('bytes are one chunk; a path is read in chunks; a source is itself and is read once', () => {
    const bytes = Buffer.from('a;b\n1;2\n');
    const one = sourceOf(bytes);
    expect(one.next()).toBe(bytes);
    expect(one.next()).toBeNull();
    const src = bytesSource(bytes);
    expect(sourceOf(src)).toBe(src);
    expect([rereadable(bytes), rereadable({ path: 'a.csv' }), rereadable(src)]).toEqual([true, true, false]);
  });
});

/**
 * The buffer pool (`giveBuffers`/`takeBuffer`): what a finished file leaves for the next one, and
 * when it is let go. The pool is process-wide, so each test starts after a turn of the event loop
 * (which empties it).
 */
describe('the buffer pool', () => {
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  const rows = (tag: string) => Array.from({ length: 1000 }, (_, i) => `${String(i).padStart(10, '0')};${tag}`).join('\n') + '\n';
  const files = ['a', 'b', 'c'].map((tag) => {
    const path = join(dir, `pool-${tag}.csv`);
    writeFileSync(path, rows(tag));
    return path;
  });

  it('keeps two buffers of a finished file, none of a second one, and lets them go at every next turn', async () => {
    await turn();
    expect(pooledChunkBytes()).toBe(0);
    const a = fileSource(files[0], 4096);
    const b = fileSource(files[1], 4096);
    a.next();
    b.next();
    all(a);
    expect(pooledChunkBytes()).toBe(2 * 4096); // a's two buffers
    all(b);
    expect(pooledChunkBytes()).toBe(2 * 4096); // b's are not kept: the pool holds two
    // A larger chunk size does not take the smaller buffers (they stay for the next file).
    expect(all(fileSource(files[2], 8192)).flat()).toEqual([...Buffer.from(rows('c'))]);
    expect(pooledChunkBytes()).toBe(2 * 4096);
    await turn();
    expect(pooledChunkBytes()).toBe(0);
    // Again after the first drop: given back, and let go at the next turn.
    all(fileSource(files[0], 4096));
    expect(pooledChunkBytes()).toBe(2 * 4096);
    await turn();
    expect(pooledChunkBytes()).toBe(0);
  });

  it('keeps a buffer of four default chunks, not a longer one', async () => {
    await turn();
    // One chunk each (the file is small), so one buffer is made and given back.
    all(fileSource(files[0], DEFAULT_CHUNK * 4));
    expect(pooledChunkBytes()).toBe(DEFAULT_CHUNK * 4);
    await turn();
    all(fileSource(files[0], DEFAULT_CHUNK * 4 + 1));
    expect(pooledChunkBytes()).toBe(0);
  });

  it('reads a file 1 MiB at a time by default: two buffers that stay in the cache, not 16 MiB of fresh pages', async () => {
    await turn();
    const big = join(dir, 'big.csv');
    writeFileSync(big, 'cpr;uge;kode\n' + '0101801234;2020-W01;730\n'.repeat(130_000)); // some 3.1 MB
    const src = fileSource(big);
    const lengths: number[] = [];
    for (let c = src.next(); c; c = src.next()) lengths.push(c.length);
    expect(lengths.length).toBe(3);
    for (const n of lengths) expect(n).toBeLessThanOrEqual(1024 * 1024);
    expect(pooledChunkBytes()).toBe(2 * 1024 * 1024);
  });

  it('a finished file asked again gives nothing back a second time (its buffers may serve another file by then)', async () => {
    await turn();
    const a = fileSource(files[0], 4096);
    all(a); // a's buffers go to the pool
    const b = fileSource(files[1], 4096);
    const first = b.next()!; // in one of a's buffers
    const copy = Buffer.from(first);
    expect(a.next()).toBeNull();
    const c = fileSource(files[2], 4096);
    c.next();
    c.next();
    expect(Buffer.from(first).equals(copy)).toBe(true);
    expect(all(b).flat()).toEqual([...Buffer.from(rows('b')).subarray(first.length)]);
  });
});
