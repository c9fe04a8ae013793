/**
 * Register files as a sequence of byte chunks that each end at a row boundary, so that a file
 * of any size (DREAM extracts pass 2 GiB) is read in bounded memory: only one chunk is held at
 * a time. A chunk ends after a line feed that is outside quotes; a row longer than the chunk
 * size makes that chunk larger, never splits the row.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { RegisterInputError, sizeText } from './errors.ts';

/** Gives the next chunk, or null at the end. */
export interface ByteSource {
  next(): Uint8Array | null;
  /** Let go of the file before its end (a reader that stopped at an error); a source read to its end has closed it. */
  close?(): void;
}

/**
 * A register file: its bytes in memory (an upload), a path read in chunks (the CLI), or any
 * source of chunks that end at row boundaries (read once: a conflict message then cannot name
 * the earlier place).
 */
export type RegisterInput = Uint8Array | { path: string } | ByteSource;

/**
 * Bytes read at a time. Small enough that the two buffers stay in the cache and are soon all
 * touched: a page's first touch is dear (3 Dec 2026, this 2-core machine: 13.5 µs for the first
 * write, and some 5.5 µs again when the kernel's read and then the parser first touch it), and two
 * 16 MiB buffers were 8,000 such pages. Merely splitting the five yearly files with the
 * participants and the paid hours (108 MB) took 0.33 s at 1 MiB against 0.42 s at 16 MiB (5
 * alternating cold pairs; 77 first touches against 5,553), and every end-to-end shape gained 3–4 %.
 */
export const DEFAULT_CHUNK = 1024 * 1024;
/** The longest row read (a wide DREAM row is some 10 kB): a longer one is refused, not held in memory. */
export const MAX_ROW_BYTES = 64 * 1024 * 1024;

/** `name`: the file's name in messages (default its path). */
export function sourceOf(input: RegisterInput, chunkSize = DEFAULT_CHUNK, name?: string): ByteSource {
  if (input instanceof Uint8Array) return bytesSource(input);
  if ('path' in input) return fileSource(input.path, chunkSize, name);
  return input;
}

/**
 * `read` given `input` (the bytes, or a source of chunks), and the file of a source closed however
 * `read` ends: a reader that stops at an error in a row leaves the rest of the file unread, and
 * without this its descriptor stayed open. `name`: the file's name in messages (default its path).
 */
export function readingSource<T>(input: RegisterInput, read: (src: Uint8Array | ByteSource) => T, name?: string): T {
  if (input instanceof Uint8Array) return read(input);
  const src = sourceOf(input, DEFAULT_CHUNK, name);
  try {
    return read(src);
  } finally {
    src.close?.();
  }
}

/** Whether the input can be read a second time (to locate an earlier cell). */
export function rereadable(input: RegisterInput): boolean {
  return input instanceof Uint8Array || 'path' in input;
}

/** All bytes as one chunk. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  let done = false;
  return {
    next() {
      if (done) return null;
      done = true;
      return bytes;
    },
  };
}

/**
 * A file read with `readSync` in chunks of about `chunkSize` bytes, cut at row ends. Two buffers
 * take turns: a chunk stays intact while the next one is read (the remainder of its last row is
 * carried over from it) and is overwritten by the one after. Allocating a fresh buffer per chunk
 * made the GC run a full collection every few chunks of a 500 MB file.
 * It is long because that state (the descriptor, the two buffers, the carried-over row and
 * their hand-off to the next file) lives in one closure that `next()` and `close` share.
 */
export function fileSource(
  path: string,
  chunkSize = DEFAULT_CHUNK,
  name = path,
  maxRow = MAX_ROW_BYTES,
  range: { start: number; end: number } = { start: 0, end: Infinity },
): ByteSource {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'filen findes ikke' : 'filen kan ikke læses';
    throw new RegisterInputError('bad_value', `${name}: ${why}.`, { file: name });
  }
  let position = range.start;
  let carry: Uint8Array | null = null; // the unfinished row after the last cut (in the other buffer)
  let eof = false;
  let closed = false;
  const spare: (Buffer | null)[] = [takeBuffer(chunkSize), takeBuffer(chunkSize)];
  let turn = 0;
  const close = () => {
    if (!closed) closeSync(fd);
    closed = true;
  };
  return {
    close,
    next() {
      if (eof) {
        close();
        const rest = carry;
        carry = null;
        if (rest && rest.length) return rest;
        // Done: no chunk of this file is read any more, so its buffers serve the next file.
        giveBuffers(spare);
        return null;
      }
      let size = Math.max(chunkSize, (carry?.length ?? 0) * 2);
      // This call's buffer; the other one holds the chunk handed out last, which must stay intact.
      const t = turn;
      turn ^= 1;
      for (;;) {
        let buf = spare[t];
        // A larger one for a row longer than the chunk (the carry then comes from the one it replaces).
        if (!buf || buf.length < size) spare[t] = buf = Buffer.allocUnsafe(size);
        let have = 0;
        if (carry) {
          buf.set(carry, 0);
          have = carry.length;
        }
        while (have < size) {
          let n: number;
          try {
            n = position >= range.end ? 0 : readSync(fd, buf, have, Math.min(size - have, range.end - position), position);
          } catch (e) {
            close();
            throw new RegisterInputError('bad_value', `${name}: filen kan ikke læses (${(e as Error).message}).`, { file: name });
          }
          if (n === 0) {
            eof = true;
            break;
          }
          have += n;
          position += n;
        }
        if (eof) {
          close();
          carry = null;
          if (have) return buf.subarray(0, have);
          giveBuffers(spare);
          return null;
        }
        const cut = lastRowEnd(buf, have);
        if (cut > 0) {
          // The remainder stays where it is until the next call copies it into the other buffer.
          carry = have > cut ? buf.subarray(cut, have) : null;
          return buf.subarray(0, cut);
        }
        // One row longer than the buffer: read on with a bigger one, up to the longest row allowed.
        if (have >= maxRow) {
          close();
          throw new RegisterInputError(
            'too_large',
            `${name}: en linje er længere end ${sizeText(maxRow)}, som er det højeste tilladte. Er det den rigtige fil?`,
            { file: name },
          );
        }
        carry = buf.subarray(0, have);
        size *= 2;
      }
    },
  };
}

/**
 * Chunk buffers of finished files, for the next file: five yearly files and a wage file each
 * took two fresh buffers (16 MiB each then), and that much new memory outside the heap made V8 run full
 * collections over the people already read. A source takes two (or makes them) and gives them
 * back when it has handed out its last chunk (`next` returned null); one abandoned half-way
 * (an error) keeps its own, which the GC frees as before.
 */
// Process-wide on purpose: a pool of scratch memory, never content anyone reads back (a source owns
// its buffers until it returns them), so two servers in one process share nothing observable through it.
const freeBuffers: Buffer[] = [];
let dropScheduled = false;

/**
 * Bytes held for the next file. The readers are synchronous, so the files of one read follow
 * each other without a turn of the event loop; at the next turn the buffers are let go, and a
 * long-running server does not keep them after an import.
 */
export function pooledChunkBytes(): number {
  return freeBuffers.reduce((n, b) => n + b.length, 0);
}

function takeBuffer(size: number): Buffer | null {
  for (let i = 0; i < freeBuffers.length; i++) {
    if (freeBuffers[i].length >= size) return freeBuffers.splice(i, 1)[0];
  }
  return null;
}

function giveBuffers(bufs: (Buffer | null)[]): void {
  for (let i = 0; i < bufs.length; i++) {
    const b = bufs[i];
    bufs[i] = null;
    if (b && freeBuffers.length < 2 && b.length <= DEFAULT_CHUNK * 4) freeBuffers.push(b);
  }
  if (!dropScheduled && freeBuffers.length > 0) {
    dropScheduled = true;
    setImmediate(() => {
      freeBuffers.length = 0;
      dropScheduled = false;
    }).unref();
  }
}

/**
 * Offset just after the last line feed in b[0..end) that lies outside quotes (b starts at a
 * row start), or 0 when there is none. Quotes are found with the native `indexOf`.
 */
export function lastRowEnd(b: Buffer, end: number): number {
  const quotes: number[] = [];
  for (let p = b.indexOf(34, 0); p >= 0 && p < end; p = b.indexOf(34, p + 1)) quotes.push(p);
  let lf = b.lastIndexOf(10, end - 1);
  while (lf >= 0) {
    // Number of quotes before lf (binary search): even means outside a quoted field.
    let lo = 0;
    let hi = quotes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (quotes[mid] < lf) lo = mid + 1;
      else hi = mid;
    }
    if ((lo & 1) === 0) return lf + 1;
    lf = lo > 0 ? b.lastIndexOf(10, quotes[lo - 1]) : -1;
  }
  return 0;
}
