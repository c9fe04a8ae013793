/**
 * `fremdrift effect`: the effect against a matched comparison group (spec effekt-2026.1 §7):
 * register files and a pool in, JSON (default), CSV or XLSX out. On any input error: a Danish
 * message on stderr, nothing on stdout, exit code 1 (2 for usage).
 */
import { effect, EffectOptionError, type EffectResult } from '../../effect/index.ts';
import { BALANCE_FIELDS, EFFECT_COLUMNS, effectRows, OUTCOME_FIELDS, outcomeValues } from '../../effect/tidy.ts';
import { BALANCE_VARIABLES, OUTCOMES } from '../../effect/types.ts';
import { parseMonth } from '../../monitoring/calendar.ts';
import { RegisterInputError } from '../../register/errors.ts';
import { loadEffectInput } from '../../register/load.ts';
import { csvDocument } from '../../core/csv.ts';
import { computeAndWrite, parseCommandOptions, usageError } from '../output.ts';

const USAGE = `Brug: fremdrift effect --participants deltagere.csv --pool pulje.csv --benefits ydelser.csv
         [--benefits flere.csv] --hours loentimer.csv [--codes kodetabel.csv] --month ÅÅÅÅ-MM
         [--horizon 12] [--controls 3] [--bootstrap 1000] [--seed 1]
         [--format json|csv|xlsx] [--out FIL]

  --participants  deltagerliste (id, cpr, kommune, indskrevet, visitation, udskrevet)
  --pool          sammenligningspuljen (cpr, kommune, evt. oprindelsesland)
  --benefits      DREAM-ydelsesuger for deltagere og pulje; kan gives flere gange
  --hours         løntimer fra eIndkomst (cpr, maaned, timer)
  --codes         kodetabel (kode, kategori, tekst); uden den bruges den medfølgende
  --month         rapportmåned R: kun deltagere med indskrivningsmåned + horisont − 1 ≤ R indgår
  --horizon       horisont i måneder (standard 12)
  --controls      kontroller pr. deltager (standard 3)
  --bootstrap     bootstrap-gentagelser til 95 %-intervallet (standard 1000)
  --seed          frø til bootstrap (standard 1), så en kørsel kan gentages præcist
  --format        json (standard), csv (semikolon, UTF-8) eller xlsx (kræver --out)
  --out           skriv til fil i stedet for standardoutput`;

const INTEGER_OPTIONS = ['horizon', 'controls', 'bootstrap', 'seed'] as const;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandOptions(
    args,
    USAGE,
    {
      participants: { type: 'string' },
      pool: { type: 'string' },
      benefits: { type: 'string', multiple: true },
      hours: { type: 'string' },
      codes: { type: 'string' },
      month: { type: 'string' },
      horizon: { type: 'string' },
      controls: { type: 'string' },
      bootstrap: { type: 'string' },
      seed: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
    ['participants', 'pool', 'benefits', 'hours', 'month'],
  );
  if (typeof parsed === 'number') return parsed;
  const { values, format } = parsed;
  const usage = (problem: string) => usageError(USAGE, problem);
  if (parseMonth(values.month!) === null) return usage(`--month skal være en måned på formen ÅÅÅÅ-MM, fx 2022-12 (fik «${values.month}»).`);
  const numbers: Partial<Record<(typeof INTEGER_OPTIONS)[number], number>> = {};
  for (const k of INTEGER_OPTIONS) {
    const v = values[k];
    if (v === undefined) continue;
    if (!/^\d+$/.test(v)) return usage(`--${k} skal være et helt tal ≥ 0 (fik «${v}»).`);
    numbers[k] = Number(v);
  }

  return computeAndWrite({
    compute: async () => {
      const input = await loadEffectInput({
        participants: values.participants!,
        pool: values.pool!,
        benefits: values.benefits!,
        hours: values.hours,
        codes: values.codes,
      });
      return effect(input, { month: values.month!, ...numbers });
    },
    expected: (e) => e instanceof RegisterInputError || e instanceof EffectOptionError,
    format,
    out: values.out,
    toCsv,
    writeXlsx,
  });
}

/** Semicolon-separated with BOM and CRLF, as Danish Excel opens it. */
export function toCsv(r: EffectResult): string {
  return csvDocument([EFFECT_COLUMNS, ...effectRows(r).map((row) => EFFECT_COLUMNS.map((c) => row[c]))]);
}

async function writeXlsx(r: EffectResult, file: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, rows: unknown[][]) => wb.addWorksheet(name).addRows(rows);
  sheet('Udfald', [['udfald', ...OUTCOME_FIELDS], ...OUTCOMES.map((o) => [o, ...outcomeValues(r, o)])]);
  sheet('Balance', [
    ['variabel', ...BALANCE_FIELDS],
    ...BALANCE_VARIABLES.map((v) => {
      const b = r.balance.find((x) => x.variable === v)!;
      return [v, ...BALANCE_FIELDS.map((f) => b[f])];
    }),
  ]);
  sheet('Umatchede', [['id'], ...r.unmatched.map((id) => [id])]);
  sheet('Alt', [[...EFFECT_COLUMNS], ...effectRows(r).map((row) => EFFECT_COLUMNS.map((c) => row[c]))]);
  await wb.xlsx.writeFile(file);
}
