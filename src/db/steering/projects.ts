/** The project a steering page is about, checked against the actor's municipalities. */
import type { Db } from '../door.ts';
import { databaseOf } from '../sql.ts';

export interface SteeringProject {
  id: number;
  key: string;
  name: string;
  startDate: string;
  endDate: string;
  plannedParticipants: number | null;
  municipalities: string[];
  municipalityNames: string[];
}

const SQL = `SELECT p.id, p.key, p.name, p.start_date AS "startDate", p.end_date AS "endDate",
    p.planned_participants AS "plannedParticipants",
    array_agg(pm.municipality_code::text ORDER BY m.name) AS municipalities, array_agg(m.name ORDER BY m.name) AS "municipalityNames"
  FROM project p JOIN project_municipality pm ON pm.project_id = p.id JOIN municipality m ON m.code = pm.municipality_code`;

/** Projects that run in any of the given municipalities (no personal data: read outside the door). */
export async function projectsIn(db: Db, municipalities: string[]): Promise<SteeringProject[]> {
  const rows = (
    await databaseOf(db).query<SteeringProject>(
      `${SQL} WHERE p.id IN (SELECT project_id FROM project_municipality WHERE municipality_code = ANY ($1::text[]))
     GROUP BY p.id ORDER BY p.name`,
      [municipalities],
    )
  ).rows;
  return rows.map((r) => ({ ...r, municipalities: r.municipalities.map((c) => c.trim()) }));
}
