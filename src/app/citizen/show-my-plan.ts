/**
 * "Min plan" as the caseworker opens it from her page (any language), and as she opens it
 * through her personal link. Both are audited as `vis` of `min_plan`.
 */
import type { Actor } from '../../core/actor.ts';
import type { Database } from '../../db/database.ts';
import { withTenant } from '../../db/tenant.ts';
import { findCaseParticipant, type CaseParticipant } from '../../db/casework/access.ts';
import { listLinks, type CitizenLinkRow } from '../../db/citizen/links.ts';
import { withCitizenLink, type LinkOutcome } from '../../db/citizen/link-door.ts';
import { getWho5Translation } from '../../db/citizen/who5-translations.ts';
import type { Translator } from '../../i18n/catalog.ts';
import type { LanguageCode } from '../../i18n/languages.ts';
import { todayInDenmark } from '../casework/today.ts';
import { loadMyPlan, loadTranslator, pickLanguage, type MyPlanData } from './load-my-plan.ts';

export interface StaffMyPlan extends MyPlanData {
  participant: CaseParticipant;
  language: LanguageCode;
  tr: Translator;
  links: CitizenLinkRow[];
  today: string;
}

export async function getMyPlanForStaff(db: Database, actor: Actor, participantId: string, asked?: unknown): Promise<StaffMyPlan | null> {
  const today = todayInDenmark();
  return withTenant(db, actor, async (q, audit) => {
    const p = await findCaseParticipant(q, audit, actor, participantId, 'vis_min_plan');
    if (!p) return null;
    const data = (await loadMyPlan(q, p.id, today))!;
    const language = pickLanguage(asked, data);
    const tr = await loadTranslator(q, p.municipalityCode, language);
    const links = await listLinks(q, p.id);
    await audit({ action: 'vis', entity: 'min_plan', participantId: p.id, municipality: p.municipalityCode, detail: { language } });
    return { ...data, participant: p, language, tr, links, today };
  });
}

export interface CitizenMyPlan extends MyPlanData {
  language: LanguageCode;
  tr: Translator;
  /** A validated WHO-5 translation exists for this language in her project. */
  who5Translated: boolean;
  today: string;
}

export function getMyPlanByLink(db: Database, token: string, ip: string, asked?: unknown): Promise<LinkOutcome<CitizenMyPlan>> {
  const today = todayInDenmark();
  return withCitizenLink(db, token, ip, 'vis_min_plan', async (q, audit, link) => {
    const data = (await loadMyPlan(q, link.participantId, today))!;
    const language = pickLanguage(asked, { preferred: (link.language as LanguageCode) ?? data.preferred, suggested: data.suggested });
    const tr = await loadTranslator(q, link.municipalityCode, language);
    const who5Translated = language !== 'da' && data.projectId !== null && (await getWho5Translation(q, data.projectId, language)) !== null;
    await audit({ action: 'vis', entity: 'min_plan', detail: { language } });
    return { ...data, language, tr, who5Translated, today };
  });
}
