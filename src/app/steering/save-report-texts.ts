/** The project leader's text sections for the final report (erfaringer, læring …); audited. */
import type { Actor } from '../../core/actor.ts';
import { door, type Db } from '../../db/door.ts';
import { loadReportTexts, saveReportText } from '../../db/steering/report-texts.ts';
import { chooseProject, requireProjectLeader } from './access.ts';
import { formValues, type SaveOutcome } from '../form.ts';
import { hasControlChars } from '../../domain/steering-goals.ts';

import { REPORT_SECTIONS } from '../../core/codes.ts';
const MAX = 20_000;

export async function saveReportTexts(db: Db, actor: Actor, projectId: number, form: Record<string, unknown>): Promise<SaveOutcome> {
  requireProjectLeader(actor);
  await chooseProject(db, actor, projectId);
  const values = formValues(form, REPORT_SECTIONS);
  const errors: Record<string, string> = {};
  for (const s of REPORT_SECTIONS) {
    if (values[s].length > MAX) errors[s] = 'Teksten må højst være 20.000 tegn.';
    else if (hasControlChars(values[s])) errors[s] = 'Teksten indeholder et ugyldigt tegn.';
  }
  if (Object.keys(errors).length) return { status: 'invalid', errors, values };
  await door(db, actor, async (tx) => {
    const before = await loadReportTexts(tx, projectId);
    const changed = REPORT_SECTIONS.filter((s) => (before[s] ?? '') !== values[s].trim());
    for (const s of changed) await saveReportText(tx, projectId, s, values[s].trim(), actor.userId);
    return {
      value: undefined,
      audit: changed.length ? { action: 'ret', entity: 'slutrapport_tekst', detail: { projectId, sections: changed } } : [],
    };
  });
  return { status: 'ok', id: projectId };
}
