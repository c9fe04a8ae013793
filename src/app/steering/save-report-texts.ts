/** The project leader's text sections for the final report (erfaringer, læring …); audited. */
import type { Actor } from '../../core/actor.ts';
import type { Database } from '../../db/database.ts';
import { loadReportTexts, saveReportText } from '../../db/steering/report-texts.ts';
import { withTenant } from '../../db/tenant.ts';
import { chooseProject, requireProjectLeader } from './access.ts';
import { formValues, type SaveOutcome } from './form.ts';
import { hasControlChars } from '../../domain/steering-goals.ts';

import { REPORT_SECTIONS } from '../../core/codes.ts';
const MAX = 20_000;

export async function saveReportTexts(db: Database, actor: Actor, projectId: number, form: Record<string, unknown>): Promise<SaveOutcome> {
  requireProjectLeader(actor);
  await chooseProject(db, actor, projectId);
  const values = formValues(form, REPORT_SECTIONS);
  const errors: Record<string, string> = {};
  for (const s of REPORT_SECTIONS) {
    if (values[s].length > MAX) errors[s] = 'Teksten må højst være 20.000 tegn.';
    else if (hasControlChars(values[s])) errors[s] = 'Teksten indeholder et ugyldigt tegn.';
  }
  if (Object.keys(errors).length) return { status: 'invalid', errors, values };
  await withTenant(db, actor, async (q, audit) => {
    const before = await loadReportTexts(q, projectId);
    const changed = REPORT_SECTIONS.filter((s) => (before[s] ?? '') !== values[s].trim());
    for (const s of changed) await saveReportText(q, projectId, s, values[s].trim(), actor.userId);
    if (changed.length) await audit({ action: 'ret', entity: 'slutrapport_tekst', detail: { projectId, sections: changed } });
  });
  return { status: 'ok', id: projectId };
}
