/** The final report's text sections, written by the project leader (erfaringer, læring …). */
import { sqlOf, type Sql } from '../sql.ts';

import { type ReportSection } from '../../core/codes.ts';
export async function loadReportTexts(tx: Sql, projectId: number): Promise<Partial<Record<ReportSection, string>>> {
  const rows = (
    await sqlOf(tx).query<{ section: ReportSection; body: string }>('SELECT section, body FROM project_report_text WHERE project_id = $1', [
      projectId,
    ])
  ).rows;
  return Object.fromEntries(rows.map((r) => [r.section, r.body]));
}

export async function saveReportText(tx: Sql, projectId: number, section: ReportSection, body: string, userId: number) {
  await sqlOf(tx).query(
    `INSERT INTO project_report_text (project_id, section, body, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (project_id, section) DO UPDATE SET body = EXCLUDED.body, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [projectId, section, body, userId],
  );
}
