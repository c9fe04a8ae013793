/** The casework part of each section of her page (registered in SECTION_PROVIDERS). */
import { getCaseFile } from '../../../app/casework/case-file.ts';
import { buildCaseTimeline, loadRegisterStatuses } from '../../../app/casework/case-timeline.ts';
import { html } from '../../../web/html.ts';
import { caseSection } from '../../../web/pages/casework/case-section.ts';
import type { SectionProvider } from '../participant-sections.ts';

export const caseworkSection: SectionProvider = async (deps, actor, p, csrf, section) => {
  const f = await getCaseFile(deps.db, actor, p.id);
  if (!f) return html``;
  // Only the timeline needs her register months.
  const statuses = section === 'tidslinje' ? await loadRegisterStatuses(deps.db, actor, p.id) : [];
  return caseSection(f, csrf, section === 'tidslinje' ? buildCaseTimeline(f, statuses) : [], section);
};
