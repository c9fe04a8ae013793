/**
 * Which memory holds the weeks the builder (builder.ts) hands over (issue 9, item 6: memory grows
 * with the people kept, not with the file). The people known before a yearly file is read
 * (`knownPeople` + `expectWeeks`) are placed in one shared array, each at a span of her own, a
 * byte per week, and handed over as that array (columns), not copied; people met otherwise, and weeks that grew, are copied
 * by `build` into one slab of exactly their weeks with a code; a row handed over whole is kept as
 * the caller's array. builder.test.ts checks what the weeks are; this file checks where they are.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseWeek, weekString } from '../monitoring/calendar.ts';
import { MAX_CODE, type CodeTable, type PersonWeeks } from '../monitoring/types.ts';
import { RegisterBuilder, type FlatWeeks } from './builder.ts';
import { cprText } from './fields.ts';
import { NumIndex } from './num-index.ts';
import { putFlat, weekCells as cells } from './test-files.ts';

const TABLE: CodeTable = (() => {
  const categoryOf = new Uint8Array(MAX_CODE + 1);
  for (const c of [130, 131, 651]) categoryOf[c] = 1;
  return { entries: new Map(), categoryOf };
})();
const W0 = parseWeek('2021-W01')!;
/** The weeks of two yearly files from W0: the span of the shared array. */
const SPAN = 105;
const MEMORY = { file: '(data i hukommelsen)' };
const column = (w: number) => weekString(w);
/** Ten people (CPR numbers), the first by the caller's own key text. */
const NUMS = Array.from({ length: 10 }, (_, i) => 101901234 + i * 101010101);
const key = (num: number) => (num === NUMS[0] ? '010190-1234' : cprText(num));

/** A builder told of the first `n` of NUMS and of the weeks of two yearly files from W0 (as load.ts tells it). */
function knowing(n: number): { b: RegisterBuilder; names: NumIndex<string>; f: FlatWeeks } {
  const names = new NumIndex<string>(n);
  for (const num of NUMS.slice(0, n)) names.set(num, key(num));
  const b = new RegisterBuilder();
  b.knownPeople(names);
  b.expectWeeks(W0, W0 + SPAN - 1);
  return { b, names, f: b.flatRows()! };
}

/** Her yearly row of the whole span as the yearly reader writes it: placed by `flatPlace`, codes written at her offset. */
function placeRow(b: RegisterBuilder, f: FlatWeeks, num: number, codes: Record<number, number>): number {
  const o = b.flatPlace(num, f.names.slotOf(num), W0, SPAN);
  for (const [w, c] of Object.entries(codes)) putFlat(b, o + Number(w), c);
  return o;
}

/** Where a person's weeks lie: in the shared array's buffer or not, her first cell in her buffer, how many cells, and her first week. */
const where = (p: PersonWeeks, f: FlatWeeks) => ({
  shared: p.codes.buffer === f.codes.buffer,
  at: p.codes.byteOffset / Int16Array.BYTES_PER_ELEMENT,
  length: p.codes.length,
  weekStart: p.weekStart,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the known people of a yearly file share one array (issue 9, item 6)', () => {
  it('sets aside one span per known person, no more, and places each at her own span in the order met', () => {
    const { b, f } = knowing(3);
    expect(f.codes.length).toBe(3 * SPAN);
    const order = [NUMS[2], NUMS[0], NUMS[1]];
    expect(order.map((num) => placeRow(b, f, num, {}))).toEqual([0, SPAN, 2 * SPAN]);
  });

  it('keeps their weeks as one byte each, the codes met numbered in the order met', () => {
    const { b, f } = knowing(3);
    expect(f.codes).toBeInstanceOf(Uint8Array);
    placeRow(b, f, NUMS[1], { 4: 651, 9: 130 });
    placeRow(b, f, NUMS[0], { 0: 130 });
    expect([f.codes[4], f.codes[9], f.codes[SPAN]]).toEqual([1, 2, 2]);
    expect([f.store[651], f.store[130], f.store[131]]).toEqual([1, 2, 0]);
  });

  it('hands the people placed only over as that array itself, not a copy, each trimmed to her weeks with a code; the map, when asked for, copies them as codes into one exact slab', () => {
    const { b, f } = knowing(3);
    placeRow(b, f, NUMS[1], { 4: 130, 9: 131 });
    placeRow(b, f, NUMS[0], { 0: 651 });
    placeRow(b, f, NUMS[2], { 104: 130 });
    const data = b.build(TABLE);
    const cols = data.weekColumns!;
    expect(cols.codes).toBe(f.codes);
    expect([...cols.offset]).toEqual([4, SPAN, 2 * SPAN + 104]);
    expect([...cols.length]).toEqual([6, 1, 1]);
    expect([cols.codes[4], cols.codes[9], cols.codes[SPAN]].map((v) => cols.codeAt![v])).toEqual([130, 131, 651]);
    expect([...data.weeks].map(([k, p]) => [k, where(p, f), [...p.codes]])).toEqual([
      [key(NUMS[1]), { shared: false, at: 0, length: 6, weekStart: W0 + 4 }, [130, 0, 0, 0, 0, 131]],
      [key(NUMS[0]), { shared: false, at: 6, length: 1, weekStart: W0 }, [651]],
      [key(NUMS[2]), { shared: false, at: 7, length: 1, weekStart: W0 + 104 }, [130]],
    ]);
    expect(data.weeks.get(key(NUMS[1]))!.codes.buffer.byteLength).toBe(8 * Int16Array.BYTES_PER_ELEMENT);
  });

  it('trims the known people where they are when someone not known was met, who gets weeks of her own', () => {
    const { b, f } = knowing(3);
    placeRow(b, f, NUMS[0], { 2: 130, 3: 130 });
    placeRow(b, f, NUMS[1], { 50: 131 });
    b.setWeek('#9', W0, 130); // not a known person: the people are no longer placed only
    placeRow(b, f, NUMS[2], { 0: 651, 104: 651 }); // met after her, still in the shared array
    const data = b.build(TABLE);
    expect(data.weekColumns).toBeUndefined();
    expect([...data.weeks].map(([k, p]) => [k, where(p, f)])).toEqual([
      [key(NUMS[0]), { shared: true, at: 2, length: 2, weekStart: W0 + 2 }],
      [key(NUMS[1]), { shared: true, at: SPAN + 50, length: 1, weekStart: W0 + 50 }],
      ['#9', expect.objectContaining({ length: 1, weekStart: W0 })],
      [key(NUMS[2]), { shared: true, at: 2 * SPAN, length: SPAN, weekStart: W0 }],
    ]);
    expect(data.weeks.get('#9')!.codes.buffer).not.toBe(f.codes.buffer);
  });

  it('gives a known person read through weeksForRow her span of the shared array, and one not known or beyond the span her own', () => {
    const { b, f } = knowing(3);
    for (const [num, week] of [
      [NUMS[1], 60],
      [NUMS[0], 70],
    ]) {
      const p = b.weeksForRow(num, W0 + 52, 53);
      expect(p.codes.buffer).toBe(f.codes.buffer);
      p.codes[W0 + week - p.weekStart] = 130;
    }
    const q = b.weeksForRow(NUMS[3], W0, 53); // not known
    q.codes[5] = 131;
    const r = b.weeksForRow(NUMS[2], W0 + 156, 53); // beyond the weeks expected
    r.codes[W0 + 156 - r.weekStart] = 651;
    const data = b.build(TABLE);
    expect([...data.weeks].map(([k, p]) => [k, where(p, f)])).toEqual([
      [key(NUMS[1]), { shared: true, at: 60, length: 1, weekStart: W0 + 60 }],
      [key(NUMS[0]), { shared: true, at: SPAN + 70, length: 1, weekStart: W0 + 70 }],
      [key(NUMS[3]), expect.objectContaining({ shared: false, length: 1, weekStart: W0 + 5 })],
      [key(NUMS[2]), expect.objectContaining({ shared: false, length: 1, weekStart: W0 + 156 })],
    ]);
  });

  it('shows a placed person her own span of the shared array when her weeks are asked for by key', () => {
    const { b, f } = knowing(3);
    placeRow(b, f, NUMS[0], { 1: 130 });
    placeRow(b, f, NUMS[1], { 7: 131 });
    const p = b.weeksOfPerson(NUMS[1])!;
    expect(where(p, f)).toEqual({ shared: true, at: SPAN, length: SPAN, weekStart: W0 });
    expect(p.codes[7]).toBe(131);
  });

  it('places a known person’s reused rows (addWeekRow) in the shared array and keeps handing the people over as columns', () => {
    const { b, f } = knowing(3);
    const row = new Int16Array(53);
    row[3] = 130;
    b.addWeekRow(NUMS[0], W0, row, MEMORY, 2, column, true);
    row.fill(0);
    row[1] = 131;
    b.addWeekRow(NUMS[0], W0 + 52, row, MEMORY, 3, column, true);
    row.fill(0);
    row[0] = 651;
    b.addWeekRow(NUMS[2], W0 + 52, row, MEMORY, 4, column, true);
    const data = b.build(TABLE);
    const cols = data.weekColumns!;
    expect(cols.codes).toBe(f.codes);
    expect([[...cols.offset], [...cols.length], [...cols.weekStart]]).toEqual([
      [3, SPAN + 52],
      [51, 1],
      [W0 + 3, W0 + 52],
    ]);
    expect([...data.weeks].map(([k, p]) => [k, cells(p)])).toEqual([
      [
        key(NUMS[0]),
        [
          [W0 + 3, 130],
          [W0 + 53, 131],
        ],
      ],
      [key(NUMS[2]), [[W0 + 52, 651]]],
    ]);
  });

  it('takes a known person’s first row in the span straight to her place, not through weeksForRow, also once the people placed were met one by one', () => {
    const { b, f } = knowing(3);
    const general = vi.spyOn(RegisterBuilder.prototype, 'weeksForRow');
    expect(placeRow(b, f, NUMS[0], { 0: 130 })).toBe(0);
    expect(b.weeksOfPerson(NUMS[0])!.codes[0]).toBe(130); // read by key: the people placed are met as persons
    expect(placeRow(b, f, NUMS[1], { 0: 131 })).toBe(SPAN);
    expect(general).not.toHaveBeenCalled();
    const data = b.build(TABLE);
    expect([...data.weeks].map(([k, p]) => [k, where(p, f)])).toEqual([
      [key(NUMS[0]), { shared: true, at: 0, length: 1, weekStart: W0 }],
      [key(NUMS[1]), { shared: true, at: SPAN, length: 1, weekStart: W0 }],
    ]);
  });
});

describe('the offsets the yearly reader asks for (FlatWeeks.base)', () => {
  it('marks a known person met elsewhere first −2, so her later rows skip the shared array, and still places the next known person there', () => {
    const { b, f } = knowing(3);
    b.setWeek(NUMS[1], W0 + 1, 130); // met by a cell of hers: her weeks are an array of her own
    const slot = f.names.slotOf(NUMS[1]);
    expect(b.flatPlace(NUMS[1], slot, W0, SPAN)).toBe(-2);
    expect(f.base[slot]).toBe(-2);
    expect(placeRow(b, f, NUMS[0], { 3: 131 })).toBe(0);
    const data = b.build(TABLE);
    expect([...data.weeks].map(([k, p]) => [k, where(p, f)])).toEqual([
      [key(NUMS[1]), expect.objectContaining({ shared: false, length: 1, weekStart: W0 + 1 })],
      [key(NUMS[0]), expect.objectContaining({ length: 1, weekStart: W0 + 3 })],
    ]);
  });
});

describe('rows of known people reaching outside the weeks expected', () => {
  it('give her weeks of her own, leaving the people placed beside her in the shared array untouched', () => {
    for (const how of ['weeksForRow', 'addWeekRow'] as const) {
      // A row starting ten weeks before the span for a person not yet placed, or ending ten weeks after it for one placed second.
      for (const [num, ws] of [
        [NUMS[1], W0 - 10],
        [NUMS[2], W0 + SPAN - 43],
      ]) {
        const { b, f } = knowing(3);
        placeRow(b, f, NUMS[0], { 0: 130, 104: 130 });
        placeRow(b, f, NUMS[2], { 0: 651, 104: 651 });
        const row = new Int16Array(53);
        row[0] = row[52] = 131;
        if (how === 'addWeekRow') b.addWeekRow(num, ws, row, MEMORY, 1, column, true);
        else {
          const p = b.weeksForRow(num, ws, 53);
          p.codes.set(row, ws - p.weekStart);
        }
        const data = b.build(TABLE);
        expect([...data.weeks].map(([k, p]) => [k, p.weekStart, p.codes.length, p.codes[0], p.codes.at(-1)])).toEqual(
          num === NUMS[1]
            ? [
                [key(NUMS[0]), W0, SPAN, 130, 130],
                [key(NUMS[2]), W0, SPAN, 651, 651],
                [key(NUMS[1]), W0 - 10, 53, 131, 131],
              ]
            : [
                [key(NUMS[0]), W0, SPAN, 130, 130],
                [key(NUMS[2]), W0, SPAN + 10, 651, 131],
              ],
        );
        expect(data.weeks.get(key(num))!.codes.buffer).not.toBe(f.codes.buffer);
      }
    }
  });
});

describe('build keeps only the weeks with a code, not the shared array, when few of the known people were met', () => {
  it('copies one person met of ten out of the shared array, placed only or not', () => {
    for (const other of [false, true]) {
      const { b, f } = knowing(10);
      placeRow(b, f, NUMS[4], { 10: 130, 12: 131 });
      if (other) b.setWeek('#9', W0 + 1, 130);
      const data = b.build(TABLE);
      expect(data.weekColumns).toBeUndefined();
      const p = data.weeks.get(key(NUMS[4]))!;
      expect([p.weekStart, [...p.codes]]).toEqual([W0 + 10, [130, 0, 131]]);
      expect(p.codes.buffer).not.toBe(f.codes.buffer);
      // One slab of exactly the weeks with a code (hers and #9's).
      expect(p.codes.buffer.byteLength).toBe((other ? 4 : 3) * Int16Array.BYTES_PER_ELEMENT);
    }
  });

  it('keeps the people placed where they are, or copies them out, alike whether they are handed over as columns or not', () => {
    // One of two known people met: she fills half the shared array, the edge between the two ways.
    const shared = [false, true].map((other) => {
      const { b, f } = knowing(2);
      placeRow(b, f, NUMS[1], { 20: 130 });
      if (other) b.setWeek('#9', W0, 131);
      const data = b.build(TABLE);
      // Placed only: in place means handed over as columns; else the weeks are views of the shared array.
      return other ? data.weeks.get(key(NUMS[1]))!.codes.buffer === f.codes.buffer : data.weekColumns !== undefined;
    });
    expect(shared[0]).toBe(shared[1]);
  });
});

describe('the weeks of people met one cell at a time', () => {
  it('are carved from shared slabs while read, and build copies them into one slab of exactly their weeks with a code', () => {
    const b = new RegisterBuilder();
    b.setWeek('0101901234', W0 + 3, 130);
    b.setWeek('0101901234', W0 + 40, 131);
    b.setWeek('0202851236', W0, 651);
    b.setWeek('0202851236', W0 - 70, 651);
    b.setWeek('#5', W0 + 1, 130);
    const read = ['0101901234', '0202851236', '#5'].map((k) => b.weeksOfPerson(k)!.codes.buffer);
    expect(new Set(read).size).toBe(1);
    const data = b.build(TABLE);
    const built = [...data.weeks.values()];
    expect(built.map((p) => [p.weekStart, p.codes.length])).toEqual([
      [W0 + 3, 38],
      [W0 - 70, 71],
      [W0 + 1, 1],
    ]);
    expect(new Set(built.map((p) => p.codes.buffer)).size).toBe(1);
    expect(built[0].codes.buffer.byteLength).toBe((38 + 71 + 1) * Int16Array.BYTES_PER_ELEMENT);
    expect(built[0].codes.buffer).not.toBe(read[0]); // the slabs they were read in are let go
  });

  it('grow by doubling as cells come in order or backwards, a few copies rather than one per 32 weeks', () => {
    for (const step of [1, -1]) {
      const b = new RegisterBuilder();
      const arrays = new Set<Int16Array>();
      for (let w = 0; w < 520; w++) {
        b.setWeek('#1', W0 + step * w, 130);
        arrays.add(b.weeksOfPerson('#1')!.codes);
      }
      expect(arrays.size).toBeLessThanOrEqual(5); // 64 cells doubled up to ten years; one per 32 weeks would be 17
      const p = b.build(TABLE).weeks.get('#1')!;
      expect([p.weekStart, p.codes.length, p.codes.every((c) => c === 130)]).toEqual([step > 0 ? W0 : W0 - 519, 520, true]);
    }
  });

  it('read a year at a time (weeksForRow), grow by at least their length, a few copies rather than one per file', () => {
    for (const step of [1, -1]) {
      const b = new RegisterBuilder();
      const arrays = new Set<Int16Array>();
      for (let y = 0; y < 10; y++) {
        const ws = W0 + step * 53 * y;
        const p = b.weeksForRow('#1', ws, 53);
        p.codes[ws - p.weekStart + 7] = 130;
        arrays.add(p.codes);
      }
      expect(arrays.size).toBeLessThanOrEqual(5); // one per file would be 10
      const p = b.build(TABLE).weeks.get('#1')!;
      expect([p.weekStart, p.codes.length]).toEqual(step > 0 ? [W0 + 7, 9 * 53 + 1] : [W0 - 9 * 53 + 7, 9 * 53 + 1]);
      expect(p.codes.filter((c) => c !== 0).length).toBe(10);
    }
  });

  it('are looked up once for a run of one person’s cells or months (rows come grouped by person)', () => {
    const proto = RegisterBuilder.prototype as unknown as Record<'weeksOf' | 'hoursOf', (key: number | string) => unknown>;
    const b = new RegisterBuilder();
    b.setWeek('#1', W0, 130);
    b.addHours('#1', 1500, 1);
    b.addHours('#2', 1500, 2); // her rows end #1's run: #1 has her array now
    const weeksOf = vi.spyOn(proto, 'weeksOf');
    const hoursOf = vi.spyOn(proto, 'hoursOf');
    for (let w = 1; w < 5; w++) b.setWeek('#1', W0 + w, 131);
    for (let m = 1; m < 5; m++) b.addHours('#1', 1500 + m, m);
    expect([weeksOf.mock.calls.length, hoursOf.mock.calls.length]).toEqual([0, 1]);
    const data = b.build(TABLE);
    expect([...data.hours.get('#1')!.hours.subarray(0, 5)]).toEqual([1, 1, 2, 3, 4]);
  });

  it('gives each person’s hours one array, made once: the arrays lie one after another, no growth steps between', () => {
    const b = new RegisterBuilder();
    // Each person's months span more than the 12 a first row gives: grown row by row, her array would be copied.
    for (let i = 0; i < 4; i++) for (const m of [0, 20, -15, 40]) b.addHours(cprText(NUMS[i]), 1500 + m, i + 1);
    const hours = [...b.build(TABLE).hours.values()];
    expect(hours.map((h) => [h.monthStart, h.hours.length, h.hours[1500 + 40 - h.monthStart]])).toEqual(
      [1, 2, 3, 4].map((v) => [1500 - 21, 40 + 6 + 21 + 1, v]),
    );
    expect(hours.map((h) => h.hours.byteOffset - hours[0].hours.byteOffset)).toEqual(
      [0, 1, 2, 3].map((k) => k * hours[0].hours.byteLength),
    );
  });

  it('keep each person’s hours in shared slabs, not an allocation each', () => {
    const b = new RegisterBuilder();
    for (let i = 0; i < 5; i++) b.addHours(cprText(NUMS[i]), 1500 + i, 10 + i);
    const data = b.build(TABLE);
    const hours = [...data.hours.values()];
    expect(hours.map((h) => h.hours[0])).toEqual([10, 11, 12, 13, 14]);
    expect(new Set(hours.map((h) => h.hours.buffer)).size).toBe(1);
  });
});

describe('a row handed over whole (addWeekRow, not reused)', () => {
  it('is kept as the caller’s own array, also when a later cell of hers falls in its first or last week', () => {
    const b = new RegisterBuilder();
    const given = Int16Array.from([0, 130, 0, 0]);
    b.addWeekRow('0101901234', W0, given, MEMORY, 1, column);
    b.setWeek('0101901234', W0, 131);
    b.setWeek('0101901234', W0 + 3, 651);
    const p = b.build(TABLE).weeks.get('0101901234')!;
    expect(p.codes).toBe(given);
    expect([p.weekStart, [...p.codes]]).toEqual([W0, [131, 130, 0, 651]]);
  });

  it('keeps her shape when read in another part and merged (packWeeks, mergeWeeks), as one thread keeps it, also beside a shared array', () => {
    for (const told of [false, true]) {
      // Told of the known people and the weeks (a shared array set aside), or not; she is not one of them.
      const make = () => (told ? knowing(3).b : new RegisterBuilder());
      const rows = (b: RegisterBuilder) => {
        b.addWeekRow(cprText(NUMS[5]), W0, Int16Array.from([0, 130, 0, 0]), MEMORY, 1, column);
        b.setWeek('#2', W0 + 5, 131);
      };
      const one = make();
      rows(one);
      const part = make();
      rows(part);
      const merged = new RegisterBuilder();
      merged.mergeWeeks(part.packWeeks());
      const shape = (b: RegisterBuilder) => [...b.build(TABLE).weeks].map(([k, p]) => [k, p.weekStart, [...p.codes]]);
      const want = shape(one);
      expect(want[0]).toEqual([cprText(NUMS[5]), W0, [0, 130, 0, 0]]);
      expect(shape(merged)).toEqual(want);
    }
  });

  it('packs exactly the weeks handed over, no spare cells (packWeeks)', () => {
    const b = new RegisterBuilder();
    b.setWeek('0101901234', W0 + 33, 131);
    b.setWeek('0101901234', W0 + 30, 130); // grown backwards: weeks without a code before her first
    b.setWeek('#2', W0 + 90, 651);
    b.addWeekRow('0202851236', W0, Int16Array.from([0, 130, 0]), MEMORY, 1, column);
    const w = b.packWeeks();
    expect([...w.lengths]).toEqual([4, 1, 3]);
    expect(w.codes.length).toBe(8);
  });
});
