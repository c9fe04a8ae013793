/** Save her holistic plan; every change is kept in the plan history (who, what, when). */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/door.ts';
import { getPlan, insertPlanChange, upsertPlan } from '../../db/casework/plan.ts';
import { diffPlan, planSchema } from '../../domain/plan.ts';
import { str, zodFieldErrors, type FormData, type SaveResult } from '../form.ts';
import { todayInDenmark } from './today.ts';
import { about, audited, unaudited, withCase } from './with-case.ts';

/** Goal rows in the form are `goals.N.id|text|dueDate|status`; a row left empty is ignored. */
export function planFromForm(form: FormData) {
  const indexes = new Set<number>();
  for (const k of Object.keys(form)) {
    const m = /^goals\.(\d+)\./.exec(k);
    if (m) indexes.add(Number(m[1]));
  }
  const goals = [...indexes]
    .sort((a, b) => a - b)
    .map((i) => ({
      id: str(form, `goals.${i}.id`) || randomUUID(),
      text: str(form, `goals.${i}.text`),
      dueDate: str(form, `goals.${i}.dueDate`),
      status: str(form, `goals.${i}.status`) || 'aaben',
      index: i,
    }))
    .filter((g) => g.text.trim() !== '' || g.dueDate.trim() !== '');
  return {
    input: {
      jobGoal: str(form, 'jobGoal'),
      abcStrategy: { a: str(form, 'abcStrategy.a'), b: str(form, 'abcStrategy.b'), c: str(form, 'abcStrategy.c') },
      cvOnJobnet: str(form, 'cvOnJobnet'),
      cvDate: str(form, 'cvDate'),
      familyPlan: str(form, 'familyPlan'),
      healthPlan: str(form, 'healthPlan'),
      goals: goals.map(({ index: _i, ...g }) => g),
    },
    /** Position in `goals` → the form row number, to put an error beside the right field. */
    rows: goals.map((g) => g.index),
  };
}

export async function savePlan(
  db: Db,
  actor: Actor,
  participantId: string,
  form: FormData,
  today = todayInDenmark(),
): Promise<SaveResult<number>> {
  return withCase(db, actor, participantId, 'gem_plan', async (tx, p) => {
    const { input, rows } = planFromForm(form);
    const parsed = planSchema.safeParse(input);
    if (!parsed.success) {
      const errors = zodFieldErrors(parsed.error);
      const mapped: Record<string, string> = {};
      for (const [k, v] of Object.entries(errors)) {
        const m = /^goals\.(\d+)\.(.+)$/.exec(k);
        mapped[m ? `goals.${rows[Number(m[1])]}.${m[2]}` : k] = v;
      }
      return unaudited({ status: 'invalid', errors: mapped });
    }
    const before = await getPlan(tx, p.id);
    const changes = diffPlan(before, parsed.data);
    if (changes.length > 0) {
      await upsertPlan(tx, p.id, p.municipalityCode, parsed.data, actor.userId);
      await insertPlanChange(tx, p.id, p.municipalityCode, today, actor.userId, actor.displayName, changes);
    }
    return audited(
      { status: 'ok', id: changes.length },
      { action: 'gem', entity: 'plan', ...about(p), detail: { fields: changes.map((c) => c.field) } },
    );
  });
}
