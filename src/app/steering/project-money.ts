/**
 * A project's money (issue 12): the project leader enters the grant, own financing, budget lines
 * per year and spending per half-year; every entry is kept, a correction is a new entry, and an
 * empty amount removes a figure. Read by everyone who steers the project (Styring); not personal
 * data, so reading writes no audit record, while every change is audited.
 */
import type { Actor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';
import { door } from '../../db/door.ts';
import { insertMoneyEntry, listMoneyEntries } from '../../db/steering/money.ts';
import { MONEY_FIELDS, moneyFormSchema, summariseMoney, type MoneyEntry, type MoneySummary } from '../../domain/project-money.ts';
import { chooseProject } from './access.ts';
import { leaderForm, type SaveOutcome, type FormData } from '../form.ts';

export interface ProjectMoney {
  entries: MoneyEntry[];
  summary: MoneySummary;
}

export async function loadProjectMoney(db: AppDeps['db'], actor: Actor, projectId: number): Promise<ProjectMoney> {
  await chooseProject(db, actor, projectId);
  const entries = await door(db, actor, async (tx) => ({ value: await listMoneyEntries(tx, projectId), audit: [] }));
  return { entries, summary: summariseMoney(entries) };
}

export async function saveMoneyEntry(db: AppDeps['db'], actor: Actor, projectId: number, form: FormData): Promise<SaveOutcome> {
  const parsed = await leaderForm(db, actor, projectId, form, MONEY_FIELDS, moneyFormSchema);
  if (!parsed.ok) return parsed.outcome;
  const e = parsed.data;
  return door(db, actor, async (tx) => {
    const id = await insertMoneyEntry(tx, projectId, e, { userId: actor.userId, name: actor.displayName || actor.username });
    return {
      value: { status: 'ok' as const, id },
      audit: { action: e.amount === null ? 'slet' : 'opret', entity: 'projekt_oekonomi', detail: { projectId, id, ...e } },
    };
  });
}
