/**
 * `fremdrift monitor`: register files in, the result figures of spec §7 out (json, csv, xlsx).
 * On any input error: a Danish message on stderr, nothing on stdout, exit code 1 (2 for usage).
 */
import { monitor, MonitorOptionError, parseMonth, RegisterInputError, type MonitorResult } from '../../monitoring/index.ts';
import { loadMonitorInput } from '../../register/index.ts';
import { TIDY_COLUMNS, tidyRows } from '../../monitoring/tidy.ts';
import { csvDocument } from '../../core/csv.ts';
import { computeAndWrite, parseCommandOptions, usageError } from '../output.ts';

const USAGE = `Brug: fremdrift monitor --participants deltagere.csv --benefits ydelser.csv [--benefits flere.csv]
         --hours loentimer.csv [--codes kodetabel.csv] --month ÅÅÅÅ-MM
         [--durable-month ÅÅÅÅ-MM] [--snapshot-month ÅÅÅÅ-MM] [--suppress N]
         [--format json|csv|xlsx] [--out FIL] [--from ÅÅÅÅ-MM] [--year ÅÅÅÅ]

  --participants     deltagerliste (id, cpr, kommune, indskrevet, visitation, udskrevet)
  --benefits         DREAM-ydelsesuger, bredt (y_ÅÅUU eller årsfil y_01 … y_53) eller langt
                     format; kan gives flere gange; filer af enhver størrelse læses i bidder,
                     og kun deltagernes rækker gemmes
  --hours            løntimer fra eIndkomst (cpr, maaned, timer); kan gives flere gange
  --codes            kodetabel (kode, kategori, tekst); uden den bruges den medfølgende
  --month            rapportmåned R
  --durable-month    måned for varig beskæftigelse (standard: R)
  --snapshot-month   måned for status (standard: R)
  --suppress         diskretion: tal fra 1 til N-1 vises som <N (standard 5; 0 slår fra)
  --format           json (standard), csv (semikolon, UTF-8) eller xlsx (kræver --out)
  --out              skriv til fil i stedet for standardoutput
  --from             læs kun uger og måneder fra og med denne måned (hurtigere på lange udtræk)
  --year             året for årsfiler med ugekolonner y_01 … y_53 (ellers fra filnavnet
                     eller en kolonne «aar»)`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandOptions(
    args,
    USAGE,
    {
      participants: { type: 'string' },
      benefits: { type: 'string', multiple: true },
      hours: { type: 'string', multiple: true },
      from: { type: 'string' },
      year: { type: 'string' },
      codes: { type: 'string' },
      month: { type: 'string' },
      'durable-month': { type: 'string' },
      'snapshot-month': { type: 'string' },
      suppress: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
    ['participants', 'benefits', 'hours', 'month'],
  );
  if (typeof parsed === 'number') return parsed;
  const { values, format } = parsed;
  const usage = (problem: string) => usageError(USAGE, problem);
  for (const k of ['month', 'durable-month', 'snapshot-month'] as const) {
    const v = values[k];
    if (v !== undefined && parseMonth(v) === null) return usage(`--${k} skal være en måned på formen ÅÅÅÅ-MM, fx 2022-12 (fik «${v}»).`);
  }
  if (values.from !== undefined && parseMonth(values.from) === null)
    return usage(`--from skal være en måned på formen ÅÅÅÅ-MM, fx 2015-01 (fik «${values.from}»).`);
  if (values.year !== undefined && !/^(19|20)\d{2}$/.test(values.year))
    return usage(`--year skal være et årstal med fire cifre, fx 2019 (fik «${values.year}»).`);
  const suppress = values.suppress === undefined ? 5 : Number(values.suppress);
  if (!/^\d+$/.test(values.suppress ?? '5')) return usage(`--suppress skal være et helt tal ≥ 0 (fik «${values.suppress}»).`);

  return computeAndWrite({
    compute: async () => {
      const input = await loadMonitorInput({
        participants: values.participants!,
        benefits: values.benefits!,
        hours: values.hours,
        codes: values.codes,
        from: values.from,
        year: values.year === undefined ? undefined : Number(values.year),
      });
      return monitor(input, {
        month: values.month!,
        durableMonth: values['durable-month'],
        snapshotMonth: values['snapshot-month'],
        suppress,
      });
    },
    expected: (e) => e instanceof RegisterInputError || e instanceof MonitorOptionError,
    format,
    out: values.out,
    toCsv,
    writeXlsx,
  });
}

/** Semicolon-separated with BOM and CRLF, as Danish Excel opens it. */
function toCsv(r: MonitorResult): string {
  return csvDocument([TIDY_COLUMNS, ...tidyRows(r).map((row) => TIDY_COLUMNS.map((c) => row[c]))]);
}

/** Streamed, so 100,000 participants do not build the whole workbook in memory. */
async function writeXlsx(r: MonitorResult, file: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs'); // loaded only for xlsx: keeps start-up fast
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const sheet = (name: string, rows: Iterable<unknown[]>) => {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row).commit();
    ws.commit();
  };
  sheet('Deltagere', [
    ['id', 'current', 'accumulated', 'durable', 'snapshot'],
    ...r.participants.map((p) => [p.id, p.current, p.accumulated, p.durable, p.snapshot]),
  ]);
  const tidy = tidyRows(r).filter((row) => row.afsnit === 'grupper');
  sheet('Grupper', [TIDY_COLUMNS, ...tidy.map((row) => TIDY_COLUMNS.map((c) => row[c]))]);
  const levels = ['1', '2', '3', '0'] as const;
  sheet('Serie', [
    ['maaned', 'enrolled', 'active', ...levels.map((l) => `current_${l}`), ...levels.map((l) => `accumulated_${l}`), 'accumulated_1_or_2'],
    ...r.series.map((s) => [
      s.month,
      s.enrolled,
      s.active,
      ...levels.map((l) => s.current[l]),
      ...levels.map((l) => s.accumulated[l]),
      s.accumulated['1_or_2'],
    ]),
  ]);
  sheet('Om', [
    ['definition', r.definition],
    ['month', r.month],
    ['durableMonth', r.durableMonth],
    ['snapshotMonth', r.snapshotMonth],
    ['suppress', r.suppress],
  ]);
  await wb.commit();
}
