/**
 * Collects register data from any number of files (or in-memory rows) into compact per-person
 * typed arrays (see `RegisterData`). Conflicting codes for the same person and week are an
 * error naming both places (spec §1.2); codes missing from the code table are one error
 * listing them all (spec §1.4), raised by `build`.
 */
import { maskCpr } from '../core/cpr.ts';
import { weekString } from '../monitoring/calendar.ts';
import {
  MAX_CODE,
  type CodeTable,
  type HourColumns,
  type PersonHours,
  type PersonWeeks,
  type RegisterData,
  type WeekColumns,
} from '../monitoring/types.ts';
import { defaultCodeTable } from './codetable.ts';
import { listSome } from './csv.ts';
import { RegisterInputError, placeText, type Place, type UnknownCode } from './errors.ts';
import { cprText } from './fields.ts';
import { NumIndex } from './num-index.ts';

import { tenDigits, type PersonKey } from './person-key.ts';

/** Where data came from; `locate` re-finds an earlier cell when a conflict needs its place. */
export interface Source {
  file: string;
  locate?: (cpr: string, week: number, beforeLine: number) => Place | null;
}

const MEMORY: Source = { file: '(data i hukommelsen)' };

/**
 * Typed arrays carved out of shared slabs. A small typed array with a buffer of its own costs
 * an allocation the GC must track and sweep; 100,000 people whose weeks grow a few times each
 * (yearly files, the long layout) made that a good part of the reading time. `build` copies
 * the grown arrays into one exact slab, so the growth steps are not kept.
 */
class Arena<T extends Int16Array | Float64Array> {
  private slab: T | null = null;
  private used = 0;

  constructor(
    private readonly make: (n: number) => T,
    private readonly slabLength: number,
  ) {}

  alloc(n: number): T {
    if (n * 8 > this.slabLength) return this.make(n);
    if (this.slab === null || this.used + n > this.slab.length) {
      this.slab = this.make(this.slabLength);
      this.used = 0;
    }
    const a = this.slab.subarray(this.used, this.used + n) as T;
    this.used += n;
    return a;
  }
}

const SLAB = 1 << 19;

/** The most week cells `expectWeeks` sets aside at once for the people known (32 MiB as bytes, 64 MiB as codes). */
const FLAT_MAX = 32 * 1024 * 1024;

/**
 * The most distinct codes `flat` keeps as bytes (index 1 … 255, 0 being a week without a code):
 * the public DREAM list has 131 codes, a municipality's table a few more.
 */
const BYTE_CODES = 255;

/** What a code is stored as in `flat` once its weeks hold codes themselves (`FlatWeeks.store`). */
export const AS_CODES = /* @__PURE__ */ Int16Array.from({ length: MAX_CODE + 1 }, (_, c) => c);

/**
 * Yearly files with the people known (`knownPeople` + `expectWeeks`): every person's weeks for
 * the expected span at a fixed place in one array, found by her slot in `names` — one probe of
 * that index per row, no person object on the way (see `flatRows`).
 */
export interface FlatWeeks {
  /**
   * The people's weeks: person at offset `base[slot]` has week `lo` there, `lo + 1` next, … up to
   * `hi`; each week as `store` gives it (0: no code). Bytes while the people are placed only and
   * fewer than 256 codes are met (half the memory to fill: a first touch of a page costs more
   * than all the writes to it), else the codes themselves; the builder may replace the array
   * (`widen`), so a reader asks again after calling it.
   */
  codes: Uint8Array | Int16Array;
  /** What a code is written as in `codes` (its index among the codes met, or itself); 0 for a code not met yet: `noteCode` it first. */
  store: Int16Array;
  /** By slot of `names` (`NumIndex.slotOf`): her offset in `codes`, -1 not met yet, -2 kept elsewhere (her weeks grew past the span). */
  base: Int32Array;
  names: NumIndex<string>;
  lo: number;
  hi: number;
}

export class RegisterBuilder {
  readonly weeks = new Map<string, PersonWeeks>();
  /** Paid hours by key. People found by slot (`hoursAtSlot`) are added to it when it is first read (`pendingKeys`). */
  get hours(): Map<string, PersonHours> {
    if (this.pendingKeys.length > 0) this.flushHours();
    return this.hoursMap;
  }
  private readonly hoursMap = new Map<string, PersonHours>();
  /**
   * People whose hours were found by slot and are not yet in `hoursMap`, in the order their arrays
   * were made (that map's order): `build` hands them over as `HourColumns` when nobody asked for
   * the map, so that 48,000 women's hours need no map entry unless someone reads them by key.
   */
  private readonly pendingKeys: string[] = [];
  private readonly pendingHours: PersonHours[] = [];
  private readonly sources: Source[] = [];
  private readonly seen = new Uint8Array(MAX_CODE + 1);
  private readonly firstSeen = new Map<number, Place>();
  /** Week arrays grown with room to spare (long layout, yearly files), trimmed by `build`. */
  private readonly slack = new Set<PersonWeeks>();
  /** The same people by CPR number (a cache over `weeks` and `hours`, filled as numbers are used). */
  private weeksByNum = new NumIndex<PersonWeeks>();
  private hoursByNum = new NumIndex<PersonHours>();
  /**
   * With the people known (`knownPeople`) before any hours: a person of `names` is found by her
   * slot there, `hoursAtSlot[slot]` − 1 indexing `hoursListed`, instead of in `hoursByNum` (the
   * probe that says whether she is kept gives her place, and her key string is `names`' own).
   */
  private hoursAtSlot: Int32Array | null = null;
  private readonly hoursListed: PersonHours[] = [];
  /** The slot in `names` of the person `hoursOf` last looked for (-1: not there, or no slots), and of the person in `run`. */
  private lookedSlot = -1;
  private runSlot = -1;
  /** Key strings by CPR number, from the caller (`knownPeople`); else made with `cprText`. */
  private names: NumIndex<string> | null = null;
  private lastHoursCpr: PersonKey = '';
  private lastWeeksCpr: PersonKey = '';
  private lastWeeks: PersonWeeks | undefined;
  private lastHours: PersonHours | undefined;
  /** A new person's paid hours while her rows are read (see `addHours`). */
  private readonly run = new HoursRun();
  private readonly weekArena = new Arena((n) => new Int16Array(n), SLAB);
  private readonly hourArena = new Arena((n) => new Float64Array(n), SLAB / 4);
  /** People added under a key string (then a CPR number not yet cached may still be in `weeks`). */
  private weeksByText = 0;
  private hoursByText = 0;
  /** Weeks a new person's array is made to cover at once (`expectWeeks`). */
  private expectLo = 0;
  private expectHi = -1;
  /** See `FlatWeeks`; `flatSlot[d]` is the slot of the d-th person placed there, `flatPeople[d]` her weeks once met as a person. */
  private flat: FlatWeeks | null = null;
  /** While `flat.codes` holds bytes: the code of each byte value (index 0: none), and how many are given. */
  private codeAt: Int16Array | null = null;
  private byteCodes = 0;
  private flatPeople: PersonWeeks[] = [];
  private flatSlot: Int32Array | null = null;
  private flatCount = 0;
  /**
   * While nobody else is met, the people placed in `flat` get no `PersonWeeks`, map entry or
   * index entry (`placeFlat`): `build` hands them over as `WeekColumns`. Anything that reads or
   * adds people one by one first meets them all as persons (`meetPlaced`), in the order placed.
   */
  private placedOnly = true;

  /**
   * The people the readers will keep, by CPR number with each one's key string (the `numbers`
   * of `keepCprs`): the indexes are sized for them at once, and a person found by number is
   * keyed by that string rather than a new one (the engine then finds her by the very string
   * of her participant row). Only a size and a cache: anyone else is still taken.
   */
  knownPeople(names: NumIndex<string>): void {
    this.endHoursRun(); // a person being summed is keyed by the slots she was found by
    const before = this.names;
    this.names = names;
    this.planFlat();
    // Sized at once, unless their weeks are placed in `flat` (then it is filled only if they are met one by one).
    if (this.weeksByNum.size === 0 && this.flat === null) this.weeksByNum = new NumIndex<PersonWeeks>(names.size);
    // Told again (no caller does): the people found by slot so far are found by number from now on.
    const at = this.hoursAtSlot;
    if (at !== null) for (let s = 0; s < at.length; s++) if (at[s] > 0) this.hoursByNum.set(before!.keyAt(s), this.hoursListed[at[s] - 1]);
    this.hoursAtSlot = this.hours.size === 0 ? new Int32Array(names.capacity) : null;
    this.hoursListed.length = 0;
  }

  /** With the people and the weeks expected both known (and not too many cells), set aside `flat`. */
  private planFlat(): void {
    const names = this.names;
    if (names === null || this.expectHi < 0 || this.flat !== null || this.weeks.size > 0 || names.size === 0) return;
    const span = this.expectHi - this.expectLo + 1;
    if (names.size * span > FLAT_MAX) return;
    this.flat = {
      codes: new Uint8Array(names.size * span),
      store: new Int16Array(MAX_CODE + 1),
      base: new Int32Array(names.capacity).fill(-1),
      names,
      lo: this.expectLo,
      hi: this.expectHi,
    };
    this.codeAt = new Int16Array(BYTE_CODES + 1);
    this.flatSlot = new Int32Array(names.size);
    for (let c = 1; c <= MAX_CODE && this.codeAt !== null; c++) if (this.seen[c]) this.giveByte(c);
  }

  /** A code met gets the next byte value of `flat` (`store`), or `flat` its codes themselves when the bytes are used up. */
  private giveByte(code: number): void {
    const at = this.codeAt!;
    const n = this.byteCodes;
    if (n === BYTE_CODES) return this.widen();
    at[n + 1] = code;
    this.flat!.store[code] = n + 1;
    this.byteCodes = n + 1;
  }

  /** `flat` with the codes themselves instead of bytes (a 256th code, or someone met as a person, who sees her weeks as codes). */
  private widen(): void {
    const f = this.flat!;
    const at = this.codeAt!;
    const bytes = f.codes;
    const codes = new Int16Array(bytes.length);
    // Only the people placed so far have weeks; the rest of the array stays untouched (0, no page filled).
    const end = this.flatCount * (f.hi - f.lo + 1);
    for (let i = 0; i < end; i++) codes[i] = at[bytes[i]];
    f.codes = codes;
    f.store = AS_CODES;
    this.codeAt = null;
  }

  /** `flat.codes` once widened (`widen`): every person seen as one has her weeks as codes. */
  private flatCodes(): Int16Array {
    const c = this.flat!.codes;
    if (!(c instanceof Int16Array)) throw new Error('RegisterBuilder: flat weeks read as codes while still bytes');
    return c;
  }

  /**
   * The flat weeks (`FlatWeeks`) for a reader that writes yearly rows straight into them, or null.
   * A person's offset is -1 until `weeksForRow` has met her; the reader then asks `base` again.
   */
  flatRows(): FlatWeeks | null {
    const f = this.flat;
    return f !== null && f.base.length === f.names.capacity ? f : null;
  }

  /**
   * A person's offset in `flat.codes` (`flat.base[slot]`) for a row of weeks weekStart … + n − 1,
   * meeting her if she is new; -2 when her weeks are kept elsewhere (met by another path, or grown).
   */
  flatPlace(num: number, slot: number, weekStart: number, n: number): number {
    const f = this.flat!;
    const base = f.base;
    // Everyone met so far has her place in `flat` and she has none (-1), so she is new: met here
    // as `flatPerson` meets her, without asking the indexes for her again (meeting its 100,000
    // people is most of what the first yearly file costs beyond the others).
    if (base[slot] === -1 && this.weeks.size === this.flatPeople.length && weekStart >= f.lo && weekStart + n - 1 <= f.hi) {
      if (this.placedOnly ? this.placeFlat(slot, f) : this.meetFlat(num, slot, f) !== null) return base[slot];
    }
    this.weeksForRow(num, weekStart, n);
    if (base[slot] === -1) base[slot] = -2;
    return base[slot];
  }

  /** A new person at her place in `flat` (her number in `names`, lo … hi inside the span), or null. */
  private flatPerson(num: number, lo: number, hi: number): PersonWeeks | null {
    const f = this.flatRows();
    if (f === null || lo < f.lo || hi > f.hi) return null;
    const slot = f.names.slotOf(num);
    if (slot < 0 || f.base[slot] !== -1) return null;
    return this.meetFlat(num, slot, f);
  }

  /** The person at `slot` of `f.names` (number `num`, no place yet) met at the next place in `flat`, or null when it is full. */
  private meetFlat(num: number, slot: number, f: FlatWeeks): PersonWeeks | null {
    this.meetPlaced();
    const d = this.flatCount;
    if (d >= this.flatSlot!.length) return null;
    this.flatCount++;
    const span = f.hi - f.lo + 1;
    // Her weeks are the whole array, shifted so that week w is at d·span + (w − lo): no view of
    // her own until one is asked for (`ownView`) or `build` makes the trimmed one (`trimFlat`).
    const p = { weekStart: f.lo - d * span, codes: this.flatCodes() };
    // As `newWeeks`, her key string found by her slot (`keyText` would look her number up again).
    this.weeks.set(f.names.valueAt(slot) ?? cprText(num), p);
    this.weeksByNum.set(num, p);
    this.flatPeople.push(p);
    this.flatSlot![d] = slot;
    f.base[slot] = d * span;
    return p;
  }

  /** The person at `slot` (no place yet) placed next in `flat`, as a place only (see `placedOnly`); false when it is full. */
  private placeFlat(slot: number, f: FlatWeeks): boolean {
    const d = this.flatCount;
    if (d >= this.flatSlot!.length) return false;
    this.flatCount++;
    this.flatSlot![d] = slot;
    f.base[slot] = d * (f.hi - f.lo + 1);
    return true;
  }

  /**
   * Where in `flat.codes` a row of weeks weekStart … + n − 1 of a person goes while people are
   * placed only (`placedOnly`), placing her if she is new; -1 when she is not for `flat` then
   * (a string key, not a known person, weeks outside its span, already met elsewhere).
   */
  private placedAt(cpr: PersonKey, weekStart: number, n: number): number {
    const f = this.flat;
    if (!this.placedOnly || f === null || typeof cpr !== 'number' || weekStart < f.lo || weekStart + n - 1 > f.hi) return -1;
    if (f.base.length !== f.names.capacity) return -1;
    const slot = f.names.slotOf(cpr);
    if (slot < 0 || (f.base[slot] === -1 && !this.placeFlat(slot, f))) return -1;
    const o = f.base[slot];
    return o < 0 ? -1 : o + weekStart - f.lo;
  }

  /** The people placed only (`placeFlat`) met as persons, as `meetFlat` meets them, in the order placed. */
  private meetPlaced(): void {
    if (!this.placedOnly) return;
    this.placedOnly = false;
    const f = this.flat;
    if (f === null) return;
    if (this.codeAt !== null) this.widen();
    const span = f.hi - f.lo + 1;
    const codes = this.flatCodes();
    for (let d = this.flatPeople.length; d < this.flatCount; d++) {
      const slot = this.flatSlot![d];
      const num = f.names.keyAt(slot);
      const p = { weekStart: f.lo - d * span, codes };
      this.weeks.set(f.names.valueAt(slot) ?? cprText(num), p);
      this.weeksByNum.set(num, p);
      this.flatPeople.push(p);
    }
  }

  /**
   * A person of `flat` still seen through the whole array (`flatPerson`) gets a view of her own
   * span, for the code that reads or grows her weeks by their bounds.
   */
  private ownView(p: PersonWeeks): void {
    const f = this.flat!;
    const at = f.lo - p.weekStart;
    p.weekStart = f.lo;
    p.codes = this.flatCodes().subarray(at, at + f.hi - f.lo + 1);
  }

  /** Every person of `flat` with a view of her own (before `this.weeks` is read as a whole). */
  private ownViews(): void {
    this.meetPlaced();
    const f = this.flat;
    if (f === null) return;
    for (const p of this.flatPeople) if (p.codes === f.codes) this.ownView(p);
  }

  /** Whether p's weeks are (still) in `flat`. */
  private isFlat(p: PersonWeeks): boolean {
    return this.flat !== null && p.codes.buffer === this.flat.codes.buffer;
  }

  private keyText(key: PersonKey): string {
    if (typeof key !== 'number') return key;
    return this.names?.get(key) ?? cprText(key);
  }

  addSource(src: Source): void {
    this.sources.push(src);
  }

  /**
   * Merge one row of weekly codes (codes[i] belongs to week weekStart + i). The array is kept
   * as is when the person is new, so callers must not reuse it — unless they say `reused`: then
   * it is copied, and a person's weeks grow with room to spare (yearly files add a year per file,
   * so growing by exactly one year each time would copy her weeks once per file).
   */
  addWeekRow(
    cpr: PersonKey,
    weekStart: number,
    codes: Int16Array,
    src: Source = MEMORY,
    line = 0,
    column: (w: number) => string = weekString,
    reused = false,
  ): void {
    const seen = this.seen;
    let prev = 0;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c === prev) continue; // codes come in runs
      prev = c;
      if (c !== 0 && seen[c] === 0) this.markSeen(c, { file: src.file, line, column: column(weekStart + i) });
    }
    let dst: Int16Array | Uint8Array;
    // As `flat` stores them (bytes while it has them; `codeAt` gives a byte's code), else the codes themselves.
    let store: Int16Array = AS_CODES;
    let off = reused ? this.placedAt(cpr, weekStart, codes.length) : -1;
    if (off >= 0) {
      dst = this.flat!.codes;
      store = this.flat!.store;
    } else {
      let p: PersonWeeks | undefined;
      if (reused) p = this.weeksForRow(cpr, weekStart, codes.length);
      else {
        p = this.weeksOf(cpr);
        if (!p) {
          this.newWeeks(cpr, { weekStart, codes });
          return;
        }
        this.ensureWeeks(p, weekStart, weekStart + codes.length - 1);
      }
      off = weekStart - p.weekStart;
      dst = p.codes;
    }
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c === 0) continue;
      const v = store[c];
      const old = dst[off + i];
      if (old === 0) dst[off + i] = v;
      else if (old !== v) {
        const was = store === AS_CODES ? old : this.codeAt![old];
        this.conflict(cpr, weekStart + i, was, c, { file: src.file, line, column: column(weekStart + i) });
      }
    }
  }

  /**
   * A person's weeks, covering weekStart … weekStart + n − 1 (made or grown as needed), for a
   * reader that writes a row's codes straight into them (yearly files). A new person's array
   * is sized for the weeks expected (`expectWeeks`); one that must grow grows by at least her
   * current length, so yearly files copy her weeks a few times, not once per file. `build`
   * trims the rest.
   */
  weeksForRow(cpr: PersonKey, weekStart: number, n: number): PersonWeeks {
    const hi = weekStart + n - 1;
    const p = this.weeksOf(cpr);
    if (!p) {
      const f = typeof cpr === 'number' ? this.flatPerson(cpr, weekStart, hi) : null;
      if (f !== null) return f;
      const lo = this.expectHi >= 0 ? Math.min(weekStart, this.expectLo) : weekStart;
      const q = { weekStart: lo, codes: this.weekArena.alloc(Math.max(hi, this.expectHi) - lo + 1) };
      this.newWeeks(cpr, q);
      this.slack.add(q);
      return q;
    }
    if (weekStart < p.weekStart || hi >= p.weekStart + p.codes.length) {
      const room = p.codes.length;
      this.ensureWeeks(p, weekStart < p.weekStart ? weekStart - room : weekStart, hi >= p.weekStart + p.codes.length ? hi + room : hi);
    }
    return p;
  }

  /**
   * A person not met before, with her weeks weekStart … weekStart + codes.length − 1 copied from
   * `codes` (the long layout's reader gathers a person's rows and hands them over at once, with a
   * code in the first and last week: the copy is exact, so `build` has nothing to trim). Codes
   * must have been noted (`noteCode`).
   */
  addNewPerson(key: PersonKey, weekStart: number, codes: Int16Array): void {
    const p = { weekStart, codes: this.weekArena.alloc(codes.length) };
    p.codes.set(codes);
    this.newWeeks(key, p);
  }

  /** A person's weeks so far (by key string or CPR number), or undefined. */
  weeksOfPerson(key: PersonKey): PersonWeeks | undefined {
    return this.weeksOf(key);
  }

  /** Whether a code has been met (`noteCode` records where first). */
  hasSeen(code: number): boolean {
    return this.seen[code] !== 0;
  }

  /** The codes met (`seen[code]` non-zero; read only): for a reader's hot loop, where `hasSeen` is one call per person-week. */
  seenCodes(): Uint8Array {
    return this.seen;
  }

  /** Record where a code was first met (for the unknown-codes message). */
  noteCode(code: number, place: Place): void {
    if (this.seen[code] === 0) this.markSeen(code, place);
  }

  /**
   * The weeks the files still to come are expected to cover (five yearly files: 2019–2023), so
   * a person's array is made that size when she is first met instead of growing per file.
   * Only a size: `build` trims what stays empty.
   */
  expectWeeks(lo: number, hi: number): void {
    if (hi - lo > 60 * 53) return; // a span beyond sixty years is not a plan worth pre-sizing
    this.expectLo = lo;
    this.expectHi = hi;
    this.planFlat();
  }

  /** Set one week's code (long layout, in-memory rows). */
  setWeek(cpr: PersonKey, week: number, code: number, src: Source = MEMORY, line = 0, column = 'kode'): void {
    if (code === 0) return;
    if (this.seen[code] === 0) this.markSeen(code, { file: src.file, line, column });
    // Rows come grouped by person: keep the last one at hand.
    let p = cpr === this.lastWeeksCpr ? this.lastWeeks : this.weeksOf(cpr);
    if (!p) {
      p = { weekStart: week, codes: this.weekArena.alloc(64) };
      this.newWeeks(cpr, p);
      this.slack.add(p);
    }
    this.lastWeeksCpr = cpr;
    this.lastWeeks = p;
    if (week < p.weekStart || week >= p.weekStart + p.codes.length) {
      // Grow by at least her current length (doubling), so weeks read in order cost a few copies, not one per 32 weeks.
      const room = Math.max(32, p.codes.length);
      this.ensureWeeks(p, week < p.weekStart ? week - room : p.weekStart, week >= p.weekStart ? week + room : p.weekStart);
      this.slack.add(p);
    }
    const j = week - p.weekStart;
    const old = p.codes[j];
    if (old === 0) p.codes[j] = code;
    else if (old !== code) this.conflict(cpr, week, old, code, { file: src.file, line, column });
  }

  /**
   * Add paid hours for one month (several rows for a month are summed, spec §1.3). A person met
   * for the first time is summed in `run` until her rows end, then given her array at once
   * (`endHoursRun`), instead of growing it a few months at a time.
   */
  addHours(cpr: PersonKey, month: number, hours: number): void {
    const run = this.run;
    if (run.cpr !== '') {
      if (cpr === run.cpr && run.add(month, hours)) return;
      this.endHoursRun();
    }
    // Rows come grouped by person: keep the last one at hand.
    const p = cpr === this.lastHoursCpr ? this.lastHours : this.hoursOf(cpr);
    if (!p) {
      run.start(cpr, month, hours);
      this.runSlot = this.lookedSlot;
      return;
    }
    this.lastHoursCpr = cpr;
    this.lastHours = p;
    if (month < p.monthStart || month >= p.monthStart + p.hours.length) this.ensureMonths(p, month - 6, month + 6);
    p.hours[month - p.monthStart] += hours;
  }

  /**
   * The person in `run` gets her array: the months that growing it row by row would have
   * given (`HoursRun`), her sums copied in. Called when her rows end, before `build`, and by
   * `readHours` at the end of a file (so `hours` is complete).
   */
  endHoursRun(): void {
    const run = this.run;
    const cpr = run.cpr;
    if (cpr === '') return;
    run.cpr = '';
    const p = { monthStart: run.start0, hours: this.hourArena.alloc(run.end0 - run.start0 + 1) };
    run.moveInto(p);
    const slot = this.runSlot;
    if (slot >= 0) {
      this.pendingKeys.push(this.names!.valueAt(slot)!);
      this.pendingHours.push(p);
      this.hoursListed.push(p);
      this.hoursAtSlot![slot] = this.hoursListed.length;
    } else {
      this.hours.set(this.keyText(cpr), p);
      if (typeof cpr === 'number') this.hoursByNum.set(cpr, p);
      else this.hoursByText++;
    }
    this.lastHoursCpr = cpr;
    this.lastHours = p;
  }

  /** Finish: check every code against the table and return the compact data. */
  build(codeTable: CodeTable): RegisterData {
    this.endHoursRun();
    const unknown: number[] = [];
    for (let c = 1; c <= MAX_CODE; c++) if (this.seen[c] && !codeTable.categoryOf[c]) unknown.push(c);
    if (unknown.length > 0) {
      this.ownViews();
      throw unknownCodesError(countCodes(this.weeks, unknown), this.firstSeen);
    }
    // Sums of decimal hours are kept to four decimals so that 74 h stays exactly 74 (spec §3),
    // rounded where they are: a person's hours are given their array once (`HoursRun`), so the
    // arena holds little else, and copying them into an exact slab cost fresh memory as large.
    for (const people of [this.hoursMap.values(), this.pendingHours]) {
      for (const p of people) {
        const h = p.hours;
        for (let i = 0; i < h.length; i++) h[i] = Math.round(h[i] * 1e4) / 1e4;
      }
    }
    const columns = this.flatColumns();
    if (columns !== null) {
      this.sources.length = 0;
      // Everyone's hours still only listed: the map is made when it is read (registerWithColumns).
      const hours = this.hoursMap.size === 0 ? { keys: this.pendingKeys, hours: this.pendingHours } : this.hours;
      return registerWithColumns(columns, hours);
    }
    // Trim the grown arrays (weeks without a code at either end) and copy them into one slab
    // of exactly their size (see Arena).
    this.meetPlaced();
    this.trimFlat();
    const people = [...this.slack];
    const bounds = new Int32Array(people.length * 2);
    let total = 0;
    people.forEach((p, k) => {
      const c = p.codes;
      let lo = 0;
      let hi = c.length;
      while (lo < hi && c[lo] === 0) lo++;
      while (hi > lo && c[hi - 1] === 0) hi--;
      bounds[2 * k] = lo;
      bounds[2 * k + 1] = hi;
      total += hi - lo;
    });
    const slab = new Int16Array(total);
    let at = 0;
    people.forEach((p, k) => {
      const lo = bounds[2 * k];
      const n = bounds[2 * k + 1] - lo;
      slab.set(lo === 0 && n === p.codes.length ? p.codes : p.codes.subarray(lo, lo + n), at);
      p.weekStart += lo;
      p.codes = slab.subarray(at, at + n);
      at += n;
    });
    this.slack.clear();
    this.flatPeople = [];
    this.flat = null;
    this.sources.length = 0;
    return { weeks: this.weeks, hours: this.hours };
  }

  /**
   * The weeks read so far as a few typed arrays that another thread can take over (transfer),
   * in the order people were first met. Arrays that `build` would trim are trimmed here and
   * marked, so that `mergeWeeks` leaves a person met on both sides to `build` again. See parallel.ts.
   */
  packWeeks(): PackedWeeks {
    this.ownViews();
    const n = this.weeks.size;
    const nums = new Float64Array(n);
    const texts: string[] = [];
    const starts = new Int32Array(n);
    const lengths = new Int32Array(n);
    const slack = new Uint8Array(n);
    let total = 0;
    let k = 0;
    for (const [key, p] of this.weeks) {
      const c = p.codes;
      let lo = 0;
      let hi = c.length;
      if (this.slack.has(p) || this.isFlat(p)) {
        slack[k] = 1;
        while (lo < hi && c[lo] === 0) lo++;
        while (hi > lo && c[hi - 1] === 0) hi--;
      }
      // A ten-digit key goes as its number (cprText gives it back), any other as its text.
      nums[k] = key.length === 10 ? tenDigits(key) : -1;
      if (nums[k] < 0) texts.push(key);
      starts[k] = p.weekStart + lo;
      lengths[k] = hi - lo;
      total += hi - lo;
      k++;
    }
    const codes = new Int16Array(total);
    let at = 0;
    k = 0;
    for (const p of this.weeks.values()) {
      const lo = starts[k] - p.weekStart;
      codes.set(p.codes.subarray(lo, lo + lengths[k]), at);
      at += lengths[k++];
    }
    const seen: number[] = [];
    for (let c = 1; c <= MAX_CODE; c++) if (this.seen[c]) seen.push(c);
    return { nums, texts, starts, lengths, slack, codes, seen: Int32Array.from(seen) };
  }

  /**
   * The weeks read so far when they are all in `flat` (yearly files with the people known, every
   * row placed, nobody met as a person, no hours), for another thread to take over whole
   * (`adoptFlat`): the array is transferred, not copied or packed person by person; else null.
   */
  handFlat(): FlatHandOver | null {
    const f = this.flat;
    if (f === null || !this.placedOnly || this.weeks.size > 0 || this.slack.size > 0) return null;
    if (this.hoursMap.size > 0 || this.pendingKeys.length > 0 || this.run.cpr !== '') return null; // weeks only
    const nums = new Float64Array(this.flatCount);
    for (let d = 0; d < nums.length; d++) nums[d] = f.names.keyAt(this.flatSlot![d]);
    const seen: number[] = [];
    const places: Place[] = [];
    for (let c = 1; c <= MAX_CODE; c++) {
      if (this.seen[c] === 0) continue;
      seen.push(c);
      places.push(this.firstSeen.get(c)!);
    }
    const codeAt = this.codeAt === null ? null : this.codeAt.slice();
    return { lo: f.lo, hi: f.hi, codes: f.codes, codeAt, nums, seen: Int32Array.from(seen), places };
  }

  /**
   * Take over the weeks another thread's builder read into its `flat` (`handFlat`), placing its
   * people at their slots here, as if their rows had been read here in the same order. Only
   * into a builder that has read no weeks and expects the same span for the same people;
   * throws otherwise (the caller then reads on one thread, parallel.ts).
   */
  adoptFlat(h: FlatHandOver): void {
    const f = this.flat;
    // Not a problem of the files but of the caller's plan: a plain error, after which it reads on one thread.
    const refuse = (why: string) => new Error(`flat weeks not taken over: ${why}`);
    if (f === null || !this.placedOnly || this.flatCount > 0 || this.weeks.size > 0) throw refuse('weeks read here');
    if (f.lo !== h.lo || f.hi !== h.hi || h.codes.length !== f.codes.length) throw refuse('another span or people');
    if (this.seen.some((v) => v !== 0)) throw refuse('codes met here');
    const span = f.hi - f.lo + 1;
    // As many people as here (the arrays' lengths are people × span), so at most as many placed.
    const n = h.nums.length;
    for (let d = 0; d < n; d++) {
      const slot = f.names.slotOf(h.nums[d]);
      if (slot < 0 || f.base[slot] !== -1) throw refuse('a person not asked for, or placed twice');
      this.flatSlot![d] = slot;
      f.base[slot] = d * span;
    }
    this.flatCount = n;
    f.codes = h.codes;
    if (h.codeAt === null) {
      f.store = AS_CODES;
      this.codeAt = null;
    } else {
      // The other thread's byte of each code: its bytes are this array's bytes from now on.
      this.codeAt!.set(h.codeAt);
      f.store.fill(0);
      let b = 1;
      for (; b <= BYTE_CODES && h.codeAt[b] !== 0; b++) f.store[h.codeAt[b]] = b;
      this.byteCodes = b - 1;
    }
    h.seen.forEach((c, k) => {
      this.seen[c] = 1;
      this.firstSeen.set(c, h.places[k]);
    });
  }

  /**
   * Add weeks packed by `packWeeks` (read from later parts of the same files in another
   * thread), as if their rows had been read here: a new person is added as she was packed (her
   * weeks stay in the packed slab, already trimmed as `build` trims), one already here gets her
   * weeks merged (a differing code in the same week is a conflict). Called after the last row
   * of this thread is read, so nothing grows a new person's weeks afterwards.
   * Called with the parts in file order, the people come out in the order a single reader
   * meets them. A conflict throws without a place; the caller then reads on one thread for
   * the message (parallel.ts).
   */
  mergeWeeks(w: PackedWeeks): void {
    const src = { file: '(parallel)' };
    for (const c of w.seen) if (this.seen[c] === 0) this.markSeen(c, { ...src, line: 0, column: '' });
    let at = 0;
    let t = 0;
    for (let k = 0; k < w.nums.length; k++) {
      const key: PersonKey = w.nums[k] >= 0 ? w.nums[k] : w.texts[t++];
      const n = w.lengths[k];
      const ws = w.starts[k];
      const codes = w.codes.subarray(at, at + n);
      at += n;
      const p = this.weeksOf(key);
      if (!p) {
        // Packed already trimmed, in one exact slab: `build` would only copy her weeks again.
        this.newWeeks(key, { weekStart: ws, codes });
        continue;
      }
      if (w.slack[k]) this.slack.add(p);
      if (n === 0) continue;
      this.ensureWeeks(p, ws, ws + n - 1);
      const off = ws - p.weekStart;
      const dst = p.codes;
      for (let i = 0; i < n; i++) {
        const c = codes[i];
        if (c === 0) continue;
        const old = dst[off + i];
        if (old === 0) dst[off + i] = c;
        else if (old !== c) throw new RegisterInputError('conflict', 'conflict between parts read in parallel', src);
      }
    }
  }

  /** A person's weeks by key string or CPR number. */
  private weeksOf(key: PersonKey): PersonWeeks | undefined {
    this.meetPlaced();
    let p: PersonWeeks | undefined;
    if (typeof key === 'string') p = this.weeks.get(key);
    else {
      p = this.weeksByNum.get(key);
      if (p === undefined && this.weeksByText > 0) {
        // Added under her string (in-memory rows, another reader): remember her number too.
        p = this.weeks.get(cprText(key));
        if (p) this.weeksByNum.set(key, p);
      }
    }
    if (p !== undefined && this.flat !== null && p.codes === this.flat.codes) this.ownView(p);
    return p;
  }

  private newWeeks(key: PersonKey, p: PersonWeeks): void {
    this.meetPlaced();
    this.weeks.set(this.keyText(key), p);
    if (typeof key === 'number') this.weeksByNum.set(key, p);
    else this.weeksByText++;
  }

  /** Grow a person's week array to cover lo..hi. */
  private ensureWeeks(p: PersonWeeks, lo: number, hi: number): void {
    const start = Math.min(p.weekStart, lo);
    const end = Math.max(p.weekStart + p.codes.length - 1, hi);
    if (start === p.weekStart && end === p.weekStart + p.codes.length - 1) return;
    if (this.isFlat(p)) this.unflat(p);
    const next = this.weekArena.alloc(end - start + 1);
    next.set(p.codes, p.weekStart - start);
    p.weekStart = start;
    p.codes = next;
    this.slack.add(p); // arena memory: compacted by `build`
  }

  /**
   * Trim the weeks still in `flat` where they are (a view of their weeks with a code), when the
   * people met fill most of it: copying them out would take a second array of the same size.
   * Else they are copied with the grown arrays (`build`).
   */
  private trimFlat(): void {
    const f = this.flat;
    if (f === null) return;
    const span = f.hi - f.lo + 1;
    const inPlace = this.flatPeople.length * span * 2 >= f.codes.length;
    const c = this.flatCodes();
    for (const p of this.flatPeople) {
      if (p.codes !== c) {
        // Her own view (met by another path): still in `flat` unless grown (then in `slack`).
        if (!this.isFlat(p) || this.slack.has(p)) continue;
        p.weekStart -= p.codes.byteOffset / Int16Array.BYTES_PER_ELEMENT;
      }
      if (!inPlace) {
        this.ownView(p);
        this.slack.add(p);
        continue;
      }
      // Her weeks are c[at … at + span − 1] (see `flatPerson`): one view, of the weeks with a code.
      const at = f.lo - p.weekStart;
      let lo = at;
      let hi = at + span;
      while (lo < hi && c[lo] === 0) lo++;
      while (hi > lo && c[hi - 1] === 0) hi--;
      p.weekStart += lo;
      p.codes = c.subarray(lo, hi);
    }
  }

  /**
   * The people placed only (`placedOnly`, nobody else met) as columns, each trimmed as `trimFlat`
   * trims her in place; null when there are none or `trimFlat` would copy them out.
   */
  private flatColumns(): WeekColumns | null {
    const f = this.flat;
    const n = this.flatCount;
    if (f === null || !this.placedOnly || n === 0) return null;
    const span = f.hi - f.lo + 1;
    if (n * span * 2 < f.codes.length) return null;
    const c = f.codes;
    const codeAt = this.codeAt;
    const keys: string[] = new Array<string>(n);
    const offset = new Int32Array(n);
    const weekStart = new Int32Array(n);
    const length = new Int32Array(n);
    for (let d = 0; d < n; d++) {
      const slot = this.flatSlot![d];
      keys[d] = f.names.valueAt(slot) ?? cprText(f.names.keyAt(slot));
      const at = d * span;
      let lo = at;
      let hi = at + span;
      while (lo < hi && c[lo] === 0) lo++;
      while (hi > lo && c[hi - 1] === 0) hi--;
      offset[d] = lo;
      weekStart[d] = f.lo + lo - at;
      length[d] = hi - lo;
    }
    return codeAt === null
      ? { keys, codes: c as Int16Array, offset, weekStart, length }
      : { keys, codes: c, codeAt, offset, weekStart, length };
  }

  /** p's weeks leave `flat` (they grow past its span): readers then go through `weeksForRow` for her. */
  private unflat(p: PersonWeeks): void {
    const f = this.flat!;
    const d = (p.codes.byteOffset - f.codes.byteOffset) / Int16Array.BYTES_PER_ELEMENT / (f.hi - f.lo + 1);
    f.base[this.flatSlot![d]] = -2;
  }

  private ensureMonths(p: PersonHours, lo: number, hi: number): void {
    const start = Math.min(p.monthStart, lo);
    const end = Math.max(p.monthStart + p.hours.length - 1, hi);
    const next = this.hourArena.alloc(end - start + 1);
    next.set(p.hours, p.monthStart - start);
    p.monthStart = start;
    p.hours = next;
  }

  private hoursOf(key: PersonKey): PersonHours | undefined {
    this.lookedSlot = -1;
    if (typeof key === 'string') return this.hours.get(key);
    const slot = this.hoursAtSlot !== null ? this.names!.slotOf(key) : -1;
    if (slot >= 0) {
      this.lookedSlot = slot;
      const at = this.hoursAtSlot![slot];
      if (at > 0) return this.hoursListed[at - 1];
      // Not met by number yet; she may have come under her key string (then she is listed from now on).
      const p = this.hoursByText > 0 ? this.hours.get(cprText(key)) : undefined;
      if (p) {
        this.hoursListed.push(p);
        this.hoursAtSlot![slot] = this.hoursListed.length;
      }
      return p;
    }
    let p = this.hoursByNum.get(key);
    if (p === undefined && this.hoursByText > 0) {
      p = this.hours.get(cprText(key));
      if (p) this.hoursByNum.set(key, p);
    }
    return p;
  }

  /** The people found by slot into `hoursMap`, in order (see `hours`). */
  private flushHours(): void {
    const keys = this.pendingKeys;
    const hours = this.pendingHours;
    for (let i = 0; i < keys.length; i++) this.hoursMap.set(keys[i], hours[i]);
    keys.length = 0;
    hours.length = 0;
  }

  private markSeen(code: number, place: Place): void {
    this.seen[code] = 1;
    this.firstSeen.set(code, place);
    if (this.codeAt !== null) this.giveByte(code);
  }

  private conflict(key: PersonKey, week: number, oldCode: number, newCode: number, here: Place): never {
    const cpr = this.keyText(key);
    let earlier: Place | null = null;
    for (const s of this.sources) {
      earlier = s.locate?.(cpr, week, s.file === here.file ? here.line : Infinity) ?? null;
      if (earlier) break;
    }
    const there = earlier ? placeText(earlier) : 'tidligere indlæste data';
    throw new RegisterInputError(
      'conflict',
      `${placeText(here)}: ${personText(cpr)} har kode ${newCode} i uge ${weekString(week)}, ` +
        `men samme person og uge har kode ${oldCode} i ${there}. En uge kan kun have én kode.`,
      { ...here, other: earlier },
    );
  }
}

/** Months a new person's hours are summed over before she has an array (`HoursRun`): 170 years. */
const RUN_MONTHS = 2048;

/**
 * A new person's paid hours summed by month in one reused array while her rows come, with the
 * span her own array would have had if it had grown row by row as `addHours` grows it (12
 * months from her first; past either end, 6 months beyond the month met), so that `build`
 * and everything after see the same arrays as before. The sums are made in the same order.
 */
class HoursRun {
  cpr: PersonKey = '';
  /** The span her array would have (first and last month). */
  start0 = 0;
  end0 = 0;
  private sums = new Float64Array(RUN_MONTHS);
  /** Month of `sums[0]`, and the months with a row. */
  private base = 0;
  private lo = 0;
  private hi = 0;

  start(cpr: PersonKey, month: number, hours: number): void {
    this.cpr = cpr;
    this.base = month - RUN_MONTHS / 2;
    this.lo = this.hi = month;
    this.start0 = month;
    this.end0 = month + 11;
    this.sums[month - this.base] += hours;
  }

  /** Add a row of hers; false when the month is beyond `sums` (then she gets her array first). */
  add(month: number, hours: number): boolean {
    const i = month - this.base;
    if (i < 0 || i >= RUN_MONTHS) return false;
    if (month < this.start0 || month > this.end0) {
      this.start0 = Math.min(this.start0, month - 6);
      this.end0 = Math.max(this.end0, month + 6);
    }
    if (month < this.lo) this.lo = month;
    else if (month > this.hi) this.hi = month;
    this.sums[i] += hours;
    return true;
  }

  /** Copy her sums into p (of span start0 … end0) and clear them. */
  moveInto(p: PersonHours): void {
    const from = this.lo - this.base;
    const to = this.hi - this.base + 1;
    p.hours.set(this.sums.subarray(from, to), this.lo - p.monthStart);
    this.sums.fill(0, from, to);
  }
}

/**
 * Register data whose weeks are `columns` (see `RegisterData.weekColumns`): the map of `weeks` is
 * made when it is first read, each person a view of her weeks in the order of the columns (of a
 * copy as codes when the columns hold bytes), and the columns are dropped then (the map may be
 * changed afterwards).
 */
function registerWithColumns(columns: WeekColumns, hours: Map<string, PersonHours> | HourColumns): RegisterData {
  const data = {} as RegisterData;
  lazyMap(data, 'weeks', 'weekColumns', columns, () => {
    const { keys, codes, codeAt, offset, weekStart, length } = columns;
    const weeks = new Map<string, PersonWeeks>();
    if (codeAt === undefined) {
      for (let k = 0; k < keys.length; k++)
        weeks.set(keys[k], { weekStart: weekStart[k], codes: (codes as Int16Array).subarray(offset[k], offset[k] + length[k]) });
      return weeks;
    }
    // Bytes: each person's weeks as codes, one after the other in one slab of exactly their weeks.
    let total = 0;
    for (let k = 0; k < keys.length; k++) total += length[k];
    const slab = new Int16Array(total);
    let at = 0;
    for (let k = 0; k < keys.length; k++) {
      const o = offset[k];
      const n = length[k];
      for (let i = 0; i < n; i++) slab[at + i] = codeAt[codes[o + i]];
      weeks.set(keys[k], { weekStart: weekStart[k], codes: slab.subarray(at, at + n) });
      at += n;
    }
    return weeks;
  });
  if (hours instanceof Map) data.hours = hours;
  else
    lazyMap(data, 'hours', 'hourColumns', hours, () => {
      const map = new Map<string, PersonHours>();
      for (let k = 0; k < hours.keys.length; k++) map.set(hours.keys[k], hours.hours[k]);
      return map;
    });
  return data;
}

/**
 * `data[key]` made by `make` when first read, `data[listed]` (the columns it is made from) until
 * then; once read or written, the map is a plain property and the columns are dropped, so a map
 * changed afterwards is the one every reader sees.
 */
function lazyMap<K extends 'weeks' | 'hours'>(
  data: RegisterData,
  key: K,
  listed: 'weekColumns' | 'hourColumns',
  columns: WeekColumns | HourColumns,
  make: () => RegisterData[K],
): void {
  const settle = (map: RegisterData[K]) => {
    Object.defineProperty(data, key, { value: map, writable: true, enumerable: true, configurable: true });
    Object.defineProperty(data, listed, { value: undefined, enumerable: false, configurable: true });
    return map;
  };
  Object.defineProperty(data, key, {
    enumerable: true,
    configurable: true,
    get: () => settle(make()),
    set: (map: RegisterData[K]) => {
      settle(map);
    },
  });
  Object.defineProperty(data, listed, { value: columns, enumerable: false, configurable: true });
}

/** Weeks as `RegisterBuilder.packWeeks` hands them to another thread (texts: the keys that are not CPR numbers, in order). */
export interface PackedWeeks {
  nums: Float64Array;
  texts: string[];
  starts: Int32Array;
  lengths: Int32Array;
  slack: Uint8Array;
  codes: Int16Array;
  seen: Int32Array;
}

/** A builder's `flat` weeks as `RegisterBuilder.handFlat` hands them to another thread (`nums[d]`: the CPR number of the d-th person placed). */
export interface FlatHandOver {
  lo: number;
  hi: number;
  codes: Uint8Array | Int16Array;
  /** The code of each byte value while `codes` holds bytes; null when it holds the codes. */
  codeAt: Int16Array | null;
  nums: Float64Array;
  /** The codes met, each with the place it was first met (`places[k]`). */
  seen: Int32Array;
  places: Place[];
}

/** CPR masked, or the running number, for messages. */
export function personText(key: string): string {
  return key.startsWith('#') ? `løbenummer ${key.slice(1)}` : `CPR ${maskCpr(key)}`;
}

/** How many weeks and people carry each of `codes`. */
export function countCodes(weeks: Map<string, PersonWeeks>, codes: number[]): UnknownCode[] {
  const index = new Map(codes.map((c, i) => [c, i]));
  const nWeeks = new Array<number>(codes.length).fill(0);
  const nPeople = new Array<number>(codes.length).fill(0);
  const mark = new Int32Array(codes.length).fill(-1);
  let person = 0;
  for (const p of weeks.values()) {
    for (const c of p.codes) {
      if (c === 0) continue;
      const i = index.get(c);
      if (i === undefined) continue;
      nWeeks[i]++;
      if (mark[i] !== person) {
        mark[i] = person;
        nPeople[i]++;
      }
    }
    person++;
  }
  return codes.map((code, i) => ({ code, weeks: nWeeks[i], people: nPeople[i] }));
}

function unknownCodesError(unknown: UnknownCode[], firstSeen: Map<number, Place>): RegisterInputError {
  const parts = unknown.map(({ code: c, weeks, people }) => {
    const p = firstSeen.get(c);
    const n = `${weeks.toLocaleString('da-DK')} ${weeks === 1 ? 'uge' : 'uger'} hos ${people.toLocaleString('da-DK')} ${people === 1 ? 'person' : 'personer'}`;
    return p && p.line > 0 ? `${c} (${n}; første gang i ${placeText(p)})` : `${c} (${n})`;
  });
  const codes = unknown.map((u) => u.code);
  const files = [...new Set(codes.map((c) => firstSeen.get(c)?.file).filter((f): f is string => !!f))];
  const first = firstSeen.get(codes[0]);
  return new RegisterInputError(
    'unknown_codes',
    // Each part is a code, two counts and a place whose names are already cut (placeText), so
    // the parts are bounded; cutting them at a name's length would cut the place in half.
    `Ukendte ydelseskoder, som ikke står i kodetabellen: ${listSome(parts, 10, 400)}. ` +
      'Tilføj dem til kodetabellen (--codes) med en kategori.',
    {
      file: listSome(files),
      line: files.length === 1 ? first?.line : null,
      column: files.length === 1 ? first?.column : null,
      codes,
      unknown,
    },
  );
}

/** In-memory rows for `buildRegisterData` (demo generator, application). */
export interface RegisterRows {
  /** Week as index (calendar.ts) or `YYYY-Www`. */
  benefits?: Iterable<{ cpr: string; week: number; code: number }>;
  /** Whole weekly arrays per person (fastest for generated data). */
  weekArrays?: Iterable<{ cpr: string; weekStart: number; codes: Int16Array }>;
  /** Month as index (calendar.ts). */
  hours?: Iterable<{ cpr: string; month: number; hours: number }>;
}

/** Build `RegisterData` from in-memory rows with the same checks as the file readers. */
export function buildRegisterData(rows: RegisterRows, codeTable: CodeTable = defaultCodeTable()): RegisterData {
  const b = new RegisterBuilder();
  for (const r of rows.weekArrays ?? []) b.addWeekRow(r.cpr, r.weekStart, r.codes);
  for (const r of rows.benefits ?? []) b.setWeek(r.cpr, r.week, r.code);
  for (const r of rows.hours ?? []) b.addHours(r.cpr, r.month, r.hours);
  return b.build(codeTable);
}
