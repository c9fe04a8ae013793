/**
 * A project's money worked by hand: entries 1–10 below; the latest entry of a key counts, an
 * entry without an amount removes it.
 *   Current: grant 2,000,000; own financing 500,000; budget Løn 2021 850,000 (entry 8 corrects
 *   entry 3's 800,000), Løn 2022 900,000, Aktiviteter 2021 200,000 → budget 1,950,000.
 *   Spending Løn 2021: 380,000 (H1) + 410,500.50 (H2) = 790,500.50; Aktiviteter 2021 H2 50,000
 *   removed by entry 10 → spent 790,500.50 until the second half of 2021; left on Løn 2021 = 59,499.50.
 *   Cost for the investment case = spending to date = 790,500.50.
 */
import { describe, expect, it } from 'vitest';
import { currentMoney, moneyFormSchema, summariseMoney, type MoneyEntry } from './project-money.ts';

let id = 0;
const e = (
  kind: MoneyEntry['kind'],
  amount: number | null,
  line = '',
  year: number | null = null,
  half: 1 | 2 | null = null,
): MoneyEntry => ({ id: ++id, kind, line, year, half, amount, note: null, enteredByName: 'pl', enteredAt: new Date(0) });

const ENTRIES = [
  e('bevilling', 2_000_000),
  e('egenfinansiering', 500_000),
  e('budget', 800_000, 'Løn', 2021),
  e('budget', 900_000, 'Løn', 2022),
  e('budget', 200_000, 'Aktiviteter', 2021),
  e('forbrug', 380_000, 'Løn', 2021, 1),
  e('forbrug', 410_500.5, 'Løn', 2021, 2),
  e('budget', 850_000, 'løn', 2021),
  e('forbrug', 50_000, 'Aktiviteter', 2021, 2),
  e('forbrug', null, 'Aktiviteter', 2021, 2),
];

describe('project money', () => {
  it('keeps the latest entry of every key and leaves removed keys out', () => {
    const cur = currentMoney(ENTRIES);
    expect(cur).toHaveLength(7);
    expect(cur.find((x) => x.kind === 'budget' && x.year === 2021 && x.line.toLowerCase() === 'løn')!.amount).toBe(850_000);
  });
  it('sums budget against spending per line and year, and takes spending to date as the cost', () => {
    const s = summariseMoney(ENTRIES);
    expect(s.grant).toBe(2_000_000);
    expect(s.ownFinancing).toBe(500_000);
    expect(s.budgetTotal).toBe(1_950_000);
    expect(s.spentTotal).toBe(790_500.5);
    expect(s.spentUntil).toBe('2021-2');
    expect(s.lines.map((l) => [l.year, l.line, l.budget, l.spent, l.left])).toEqual([
      // Lines match case-insensitively; the row is named as the budget's latest entry typed it ('løn').
      [2021, 'Aktiviteter', 200_000, 0, 200_000],
      [2021, 'løn', 850_000, 790_500.5, 59_499.5],
      [2022, 'Løn', 900_000, 0, 900_000],
    ]);
    expect([s.cost, s.costBasis]).toEqual([790_500.5, 'forbrug']);
  });
  it('falls back to the budget, then to grant and own financing, as the cost', () => {
    expect(summariseMoney(ENTRIES.filter((x) => x.kind !== 'forbrug'))).toMatchObject({ cost: 1_950_000, costBasis: 'budget' });
    expect(summariseMoney(ENTRIES.filter((x) => x.kind === 'bevilling' || x.kind === 'egenfinansiering'))).toMatchObject({
      cost: 2_500_000,
      costBasis: 'bevilling',
    });
    expect(summariseMoney([])).toMatchObject({ cost: null, costBasis: null });
  });
  it('reads Danish amounts and refuses bad input with Danish messages', () => {
    const ok = moneyFormSchema.parse({ kind: 'forbrug', line: 'Løn', year: '2021', half: '2', amount: '1.250.000,50', note: '' });
    expect(ok).toEqual({ kind: 'forbrug', line: 'Løn', year: 2021, half: 2, amount: 1_250_000.5, note: null });
    expect(moneyFormSchema.parse({ kind: 'bevilling', line: 'x', year: '', half: '', amount: '2 000 000 kr.', note: '' })).toMatchObject({
      line: '',
      year: null,
      amount: 2_000_000,
    });
    const bad = moneyFormSchema.safeParse({ kind: 'forbrug', line: '', year: '21', half: '3', amount: '12,5,0', note: '' });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['amount']));
    const bad2 = moneyFormSchema.safeParse({ kind: 'forbrug', line: '', year: '21', half: '3', amount: '100', note: '' });
    expect(bad2.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['half', 'line', 'year']);
    expect(bad2.error!.issues.find((i) => i.path[0] === 'year')!.message).toBe('Skriv året med fire cifre, fx 2021.');
  });
});
