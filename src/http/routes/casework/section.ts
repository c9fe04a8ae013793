/** The casework part of each section of her page (one of the server's section providers). */
import { loadCaseSection } from '../../../app/casework/case-timeline.ts';
import { html } from '../../../web/html.ts';
import { caseSection } from '../../../web/pages/casework/case-section.ts';
import type { SectionProvider } from '../participant-sections.ts';

export const caseworkSection: SectionProvider = async (deps, actor, p, csrf, section) => {
  const c = await loadCaseSection(deps, actor, p.id, section === 'tidslinje');
  return c ? caseSection(c.file, csrf, c.timeline, section) : html``;
};
