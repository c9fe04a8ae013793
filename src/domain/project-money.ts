/**
 * A project's money (issue 12): the grant (bevilling), own financing (egenfinansiering), budget
 * lines per year (as in the applications' budgetskema) and spending per line and half-year,
 * entered by the project leader. Entries are kept as a history: the current figure of a key is
 * its latest entry, and an entry without an amount removes the key. Pure: the form schema with
 * Danish messages, the current figures and the totals.
 */
import { z } from 'zod';
import { hasControlChars } from './steering-goals.ts';
import { kronerField, yearField } from './form-fields.ts';

export const MONEY_KINDS = ['bevilling', 'egenfinansiering', 'budget', 'forbrug'] as const;
export type MoneyKind = (typeof MONEY_KINDS)[number];

export const MONEY_KIND_LABELS: Record<MoneyKind, string> = {
  bevilling: 'Bevilling fra SIRI',
  egenfinansiering: 'Egenfinansiering',
  budget: 'Budget',
  forbrug: 'Forbrug',
};

export interface MoneyEntry {
  id: number;
  kind: MoneyKind;
  /** Budget line (empty for the grant and own financing). */
  line: string;
  year: number | null;
  /** 1 = January–June, 2 = July–December (spending only). */
  half: 1 | 2 | null;
  /** Null: the key was removed by this entry. */
  amount: number | null;
  note: string | null;
  enteredByName: string;
  enteredAt: Date;
}

export type MoneyKeyOf = Pick<MoneyEntry, 'kind' | 'line' | 'year' | 'half'>;
export const moneyKey = (e: MoneyKeyOf) => `${e.kind}|${e.line.toLowerCase()}|${e.year ?? ''}|${e.half ?? ''}`;

/** The current figure of every key (its latest entry, by id), removed keys left out. */
export function currentMoney(entries: readonly MoneyEntry[]): MoneyEntry[] {
  const latest = new Map<string, MoneyEntry>();
  for (const e of [...entries].sort((a, b) => a.id - b.id)) latest.set(moneyKey(e), e);
  return [...latest.values()].filter((e) => e.amount !== null);
}

export interface MoneyLineRow {
  line: string;
  year: number;
  budget: number | null;
  spent: number;
  /** budget − spent (null without a budget). */
  left: number | null;
}

export interface MoneySummary {
  grant: number | null;
  ownFinancing: number | null;
  budgetTotal: number;
  spentTotal: number;
  /** The last half-year with spending entered, `YYYY-H` (e.g. `2022-2`), or null. */
  spentUntil: string | null;
  /** Budget against spending per line and year, by year then line. */
  lines: MoneyLineRow[];
  /** What the investment case counts as the project's cost, and from what. */
  cost: number | null;
  costBasis: 'forbrug' | 'budget' | 'bevilling' | null;
}

const sum = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) * 100) / 100;

/**
 * Totals of the current figures. The project's cost for the investment case is what has been
 * spent to date when spending is entered; otherwise the budget; otherwise grant + own financing.
 */
export function summariseMoney(entries: readonly MoneyEntry[]): MoneySummary {
  const cur = currentMoney(entries);
  const one = (k: MoneyKind) => cur.find((e) => e.kind === k)?.amount ?? null;
  const budget = cur.filter((e) => e.kind === 'budget');
  const spent = cur.filter((e) => e.kind === 'forbrug');
  const rows = new Map<string, MoneyLineRow>();
  const row = (line: string, year: number) => {
    const k = `${year}|${line.toLowerCase()}`;
    if (!rows.has(k)) rows.set(k, { line, year, budget: null, spent: 0, left: null });
    return rows.get(k)!;
  };
  for (const b of budget) row(b.line, b.year!).budget = b.amount!;
  for (const s of spent) {
    const r = row(s.line, s.year!);
    r.spent = sum([r.spent, s.amount!]);
  }
  for (const r of rows.values()) r.left = r.budget === null ? null : sum([r.budget, -r.spent]);
  const lines = [...rows.values()].sort((a, b) => a.year - b.year || a.line.localeCompare(b.line, 'da'));
  const grant = one('bevilling');
  const own = one('egenfinansiering');
  const budgetTotal = sum(budget.map((b) => b.amount!));
  const spentTotal = sum(spent.map((s) => s.amount!));
  const halves = spent.map((s) => `${s.year}-${s.half}`).sort();
  const [cost, costBasis]: [number | null, MoneySummary['costBasis']] = spent.length
    ? [spentTotal, 'forbrug']
    : budget.length
      ? [budgetTotal, 'budget']
      : grant !== null || own !== null
        ? [sum([grant ?? 0, own ?? 0]), 'bevilling']
        : [null, null];
  return { grant, ownFinancing: own, budgetTotal, spentTotal, spentUntil: halves.at(-1) ?? null, lines, cost, costBasis };
}

/** `2022-2` → 'andet halvår 2022'. */
export const halfYearText = (h: string) => `${h.endsWith('-1') ? 'første' : 'andet'} halvår ${h.slice(0, 4)}`;

const CONTROL = { message: 'Teksten indeholder et ugyldigt tegn.' };

/** An amount in kroner as typed: 1.250.000, 1250000, 1 250 000 or 1250000,50; empty = remove. */
const amountText = kronerField('Skriv beløbet i kroner som et tal, fx 1.250.000 eller 1250000,50.', 1e12, 'Beløbet er for stort.');

const yearText = yearField('Skriv året med fire cifre, fx 2021.');

export const MONEY_FIELDS = ['kind', 'line', 'year', 'half', 'amount', 'note'] as const;

export const moneyFormSchema = z
  .object({
    kind: z.enum(MONEY_KINDS, { error: 'Vælg, hvad beløbet er.' }),
    line: z
      .string()
      .trim()
      .max(100, { message: 'Budgetlinjen må højst være 100 tegn.' })
      .refine((s) => !hasControlChars(s), CONTROL),
    year: z.string().trim(),
    half: z.string().trim(),
    amount: amountText,
    note: z
      .string()
      .trim()
      .max(500, { message: 'Bemærkningen må højst være 500 tegn.' })
      .refine((s) => !hasControlChars(s), CONTROL)
      .transform((s) => (s === '' ? null : s)),
  })
  .transform((v, ctx) => {
    const perLine = v.kind === 'budget' || v.kind === 'forbrug';
    if (perLine && v.line.length < 2)
      ctx.addIssue({ code: 'custom', path: ['line'], message: 'Skriv budgetlinjens navn, fx «Løn til projektmedarbejdere».' });
    let year: number | null = null;
    if (perLine) {
      const y = yearText.safeParse(v.year);
      if (y.success) year = y.data;
      else ctx.addIssue({ code: 'custom', path: ['year'], message: y.error.issues[0].message });
    }
    let half: 1 | 2 | null = null;
    if (v.kind === 'forbrug') {
      if (v.half === '1' || v.half === '2') half = Number(v.half) as 1 | 2;
      else ctx.addIssue({ code: 'custom', path: ['half'], message: 'Vælg første eller andet halvår.' });
    }
    return { kind: v.kind, line: perLine ? v.line : '', year, half, amount: v.amount, note: v.note };
  });
export type MoneyInput = z.output<typeof moneyFormSchema>;
