/**
 * Input files of `npm run bench:effect`: `participants` women in a project and a comparison pool
 * of `pool` women in 20 municipalities, with `years` of weekly DREAM codes (wide layout) up to
 * 2022-W52 and monthly paid hours. Each woman has a latent support rate; spells of support
 * (mostly 131, some praktik 137 and løntilskud 135) alternate with weeks without a code, with
 * an `ingen` code (100, employment) or on
 * SU (651). Participants are drawn with more support than the pool (selection on history).
 * Generated once per parameter set and cached in bench/out/ (git-ignored).
 */
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { mulberry32 } from '../src/demo/prng.ts';
import { isoWeekIndex, isoWeekOf, monthIndex, monthString } from '../src/monitoring/calendar.ts';
import { BENCH_DIR, OUT_DIR } from './data.ts';

export interface EffectBenchData {
  dir: string;
  participants: string;
  pool: string;
  benefits: string;
  hours: string;
  codes: string;
  nParticipants: number;
  nPool: number;
  years: number;
  seed: number;
  weeks: number;
  personWeeks: number;
  bytes: number;
  month: string;
  generatedSeconds: number | null;
}

export const EFFECT_MONTH = '2022-12';
const KOMMUNER = Array.from({ length: 20 }, (_, i) => `K${String(i + 1).padStart(2, '0')}`);

function generatorHash(): string {
  return createHash('sha256')
    .update(readFileSync(join(BENCH_DIR, 'effect-data.ts')))
    .digest('hex')
    .slice(0, 12);
}

class Out {
  private fd: number;
  private buf: string[] = [];
  private len = 0;
  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }
  line(s: string): void {
    this.buf.push(s);
    this.len += s.length;
    if (this.len > 1 << 22) this.flush();
  }
  flush(): void {
    writeSync(this.fd, `${this.buf.join('\n')}\n`);
    this.buf = [];
    this.len = 0;
  }
  close(): void {
    if (this.buf.length) this.flush();
    closeSync(this.fd);
  }
}

export function ensureEffectData(nParticipants: number, nPool: number, years: number, seed: number): EffectBenchData {
  const key = `effect-p${nParticipants}-q${nPool}-y${years}-s${seed}-${generatorHash()}`;
  const dir = join(OUT_DIR, key);
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) return { ...(JSON.parse(readFileSync(manifest, 'utf8')) as EffectBenchData), generatedSeconds: null };
  const t0 = performance.now();
  mkdirSync(dir, { recursive: true });
  const rng = mulberry32(seed);
  const lastWeek = isoWeekIndex(2022, 52)!;
  const firstWeek = isoWeekIndex(2022 - years + 1, 1)!;
  const nWeeks = lastWeek - firstWeek + 1;
  const firstMonth = monthIndex(2022 - years + 1, 1);
  const lastMonth = monthIndex(2022, 12);
  const cols = Array.from({ length: nWeeks }, (_, i) => {
    const { year, week } = isoWeekOf(firstWeek + i);
    return `y_${String(year % 100).padStart(2, '0')}${String(week).padStart(2, '0')}`;
  });
  const files = {
    participants: join(dir, 'deltagere.csv'),
    pool: join(dir, 'pulje.csv'),
    benefits: join(dir, 'ydelser.csv'),
    hours: join(dir, 'loentimer.csv'),
    codes: join(dir, 'kodetabel.csv'),
  };
  copyFileSync(join(BENCH_DIR, '..', 'src', 'register', 'kodetabel.default.csv'), files.codes);
  const deltagere = new Out(files.participants);
  const pulje = new Out(files.pool);
  const ydelser = new Out(files.benefits);
  const timer = new Out(files.hours);
  deltagere.line('id;cpr;kommune;indskrevet;visitation');
  pulje.line('cpr;kommune');
  ydelser.line(['PNR', ...cols].join(';'));
  timer.line('cpr;maaned;timer');
  const serials = new Map<string, number>();
  const cells: string[] = new Array(nWeeks);
  const enrolFrom = monthIndex(2019, 6);
  for (let i = 0; i < nParticipants + nPool; i++) {
    const participant = i < nParticipants;
    const by = 1960 + rng.int(0, 39);
    const bm = rng.int(1, 12);
    const bd = rng.int(1, 28);
    const date = `${String(bd).padStart(2, '0')}${String(bm).padStart(2, '0')}${String(by % 100).padStart(2, '0')}`;
    const serial = serials.get(date) ?? 0;
    serials.set(date, serial + 1);
    const cpr = `${date}${String(serial).padStart(4, '0')}`;
    const kommune = KOMMUNER[rng.int(0, KOMMUNER.length - 1)];
    // Participants have more support (selection on history).
    const r = participant ? rng.pick([0.3, 0.6, 0.9, 0.9]) : rng.pick([0.05, 0.3, 0.6, 0.9]);
    let on = rng.chance(r);
    for (let w = 0; w < nWeeks; w++) {
      // Spells: stay with probability 0.95, otherwise redraw.
      if (!rng.chance(0.95)) on = rng.chance(r);
      cells[w] = on
        ? rng.chance(0.08)
          ? rng.chance(0.5)
            ? '137'
            : '135'
          : '131'
        : rng.chance(0.02)
          ? '651'
          : rng.chance(0.1)
            ? '100'
            : '';
    }
    ydelser.line(`${cpr};${cells.join(';')}`);
    const q = 0.15 * (1 - r);
    for (let m = firstMonth; m <= lastMonth; m++) {
      if (rng.chance(q)) timer.line(`${cpr};${monthString(m)};${rng.chance(0.6) ? '160' : '42,5'}`);
    }
    if (participant) {
      const e = enrolFrom + rng.int(0, 30);
      deltagere.line(`D${i + 1};${cpr};${kommune};${monthString(e)}-${String(rng.int(1, 28)).padStart(2, '0')};aktivitetsparat`);
    } else pulje.line(`${cpr};${kommune}`);
  }
  for (const o of [deltagere, pulje, ydelser, timer]) o.close();
  const bytes = Object.values(files).reduce((s, f) => s + statSync(f).size, 0);
  const data: EffectBenchData = {
    dir,
    ...files,
    nParticipants,
    nPool,
    years,
    seed,
    weeks: nWeeks,
    personWeeks: (nParticipants + nPool) * nWeeks,
    bytes,
    month: EFFECT_MONTH,
    generatedSeconds: null,
  };
  writeFileSync(manifest, JSON.stringify(data, null, 2));
  return { ...data, generatedSeconds: (performance.now() - t0) / 1000 };
}
