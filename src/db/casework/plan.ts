/** The current plan of a woman and its change history; SQL only. */
import type { Plan, PlanChange } from '../../domain/plan.ts';
import { sqlOf, type Sql } from '../sql.ts';

export async function getPlan(tx: Sql, participantId: string): Promise<Plan | null> {
  return (
    (await sqlOf(tx).query<{ data: Plan }>('SELECT data FROM casework_plan WHERE participant_id = $1', [participantId])).rows[0]?.data ??
    null
  );
}

export async function upsertPlan(tx: Sql, participantId: string, municipality: string, plan: Plan, userId: number): Promise<void> {
  await sqlOf(tx).query(
    `INSERT INTO casework_plan (participant_id, municipality_code, data, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (participant_id) DO UPDATE SET data = EXCLUDED.data, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [participantId, municipality, JSON.stringify(plan), userId],
  );
}

export interface PlanChangeRow {
  id: number;
  changedAt: string;
  changedOn: string;
  changedByName: string;
  changes: PlanChange[];
}

export async function insertPlanChange(
  tx: Sql,
  participantId: string,
  municipality: string,
  on: string,
  userId: number,
  name: string,
  changes: PlanChange[],
): Promise<void> {
  await sqlOf(tx).query(
    `INSERT INTO casework_plan_change (participant_id, municipality_code, changed_on, changed_by, changed_by_name, changes)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [participantId, municipality, on, userId, name, JSON.stringify(changes)],
  );
}

export async function listPlanChanges(tx: Sql, participantId: string): Promise<PlanChangeRow[]> {
  return (
    await sqlOf(tx).query<PlanChangeRow>(
      `SELECT id, to_char(changed_at AT TIME ZONE 'Europe/Copenhagen', 'FMDD.FMMM.YYYY "kl." HH24.MI') AS "changedAt", changed_on AS "changedOn",
              changed_by_name AS "changedByName", changes
       FROM casework_plan_change WHERE participant_id = $1 ORDER BY changed_at DESC, id DESC`,
      [participantId],
    )
  ).rows;
}
