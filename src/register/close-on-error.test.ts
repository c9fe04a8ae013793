/**
 * Register files read from a path are read in chunks (chunks.ts), and a reader that stops at an
 * error in a row leaves the rest unread: its file must be closed all the same (`readingSource`).
 * The participants are read from their path in chunks too, with the same result and messages as
 * from their bytes.
 */
import * as fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { readBenefits } from './benefits.ts';
import { readHours } from './hours.ts';
import { readParticipants } from './participants.ts';
import { readPool } from './pool.ts';
import { leftOpen, rowCpr as cpr, tempFiles, thrown } from './test-files.ts';

// openSync and closeSync as themselves, watched.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, openSync: vi.fn(real.openSync), closeSync: vi.fn(real.closeSync) };
});

const { file } = tempFiles('fremdrift-close-');
/** 60,000 participants (some 2.6 MB: three chunks of 1 MiB), row `bad` (1-based among the rows) replaced. */
function participantsText(bad?: { row: number; text: string }): string {
  const rows = Array.from({ length: 60_000 }, (_, i) => `D${String(i).padStart(6, '0')};${cpr(i)};851;2021-01-04;jobparat;`);
  if (bad) rows[bad.row - 1] = bad.text;
  return ['id;cpr;kommune;indskrevet;visitation;udskrevet', ...rows].join('\n') + '\n';
}

describe('the participants read from their path, a chunk at a time', () => {
  it('are the participants read from the bytes', () => {
    const text = participantsText();
    const path = file('deltagere.csv', text);
    const from = vi.mocked(fs.openSync).mock.results.length;
    const got = readParticipants({ path }, path);
    expect(got).toEqual(readParticipants(Buffer.from(text), path));
    expect(got).toHaveLength(60_000);
    expect(leftOpen(from)).toEqual([]);
  });

  it('name the line of an error in a later chunk as the bytes do, and close the file', () => {
    // Row 50,000 (line 50,001) lies in the third chunk; the id repeats row 10's.
    const text = participantsText({ row: 50_000, text: `D000009;${cpr(1)};851;2021-01-04;jobparat;` });
    const path = file('deltagere.csv', text);
    const from = vi.mocked(fs.openSync).mock.results.length;
    const e = thrown(() => readParticipants({ path }, path));
    expect(e.message).toBe(thrown(() => readParticipants(Buffer.from(text), path)).message);
    expect(e.message).toContain('linje 50001');
    expect(e.message).toContain('står også i linje 11');
    expect(leftOpen(from)).toEqual([]);
  });

  it('a missing file is the same Danish message as before', () => {
    expect(() => readParticipants({ path: '/findes/ikke/deltagere.csv' }, 'deltagere.csv')).toThrow('deltagere.csv: filen findes ikke.');
  });
});

describe('a reader that stops at an error in an early chunk closes its file', () => {
  const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n') + '\n';

  it('the participants, the benefits (long and wide), the paid hours and the pool', () => {
    const cases: [string, string, (path: string) => unknown][] = [
      [
        'deltagere.csv',
        participantsText({ row: 5, text: 'D000004;ikke-et-cpr;851;2021-01-04;jobparat;' }),
        (p) => readParticipants({ path: p }, p),
      ],
      [
        'lang.csv',
        'cpr;uge;kode\n' + rows(160_000, (i) => (i === 3 ? 'x;2020-W01;730' : `${cpr(i)};2020-W01;730`)),
        (p) => readBenefits({ path: p }, p),
      ],
      [
        'bred.csv',
        'cpr;y_2001;y_2002\n' + rows(160_000, (i) => (i === 3 ? `${cpr(i)};abc;730` : `${cpr(i)};730;730`)),
        (p) => readBenefits({ path: p }, p),
      ],
      [
        'timer.csv',
        'cpr;maaned;timer\n' + rows(160_000, (i) => `${cpr(i)};2021-0${i === 3 ? 'x' : '1'};10`),
        (p) => readHours({ path: p }, p),
      ],
      ['pulje.csv', 'cpr;kommune\n' + rows(160_000, (i) => `${i === 3 ? 'x' : cpr(i)};851`), (p) => readPool({ path: p }, p)],
    ];
    for (const [name, text, read] of cases) {
      expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024); // an error in the first of several chunks
      const path = file(name, text);
      const from = vi.mocked(fs.openSync).mock.results.length;
      expect(thrown(() => read(path)).message).toContain('linje');
      expect(vi.mocked(fs.openSync).mock.results.length - from).toBe(1);
      expect(leftOpen(from)).toEqual([]);
    }
  });
});
