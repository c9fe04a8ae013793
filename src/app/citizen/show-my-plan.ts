/**
 * "Min plan" as the caseworker opens it from her page (any language), and as she opens it
 * through her personal link. Both are audited as `vis` of `min_plan`.
 */
import type { Actor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';
import { door } from '../../db/door.ts';
import type { CaseParticipant } from '../../db/casework/access.ts';
import { findCase } from '../../db/citizen/case-data.ts';
import { listLinks, type CitizenLinkRow } from '../../db/citizen/links.ts';
import { citizenDoor, type LinkOutcome } from '../../db/citizen/link-door.ts';
import { getWho5Translation } from '../../db/citizen/who5-translations.ts';
import type { Translator } from '../../i18n/catalog.ts';
import type { LanguageCode } from '../../i18n/languages.ts';
import { todayInDenmark } from '../casework/today.ts';
import { loadMyPlanIn, type MyPlanData } from './load-my-plan.ts';

export interface StaffMyPlan extends MyPlanData {
  participant: CaseParticipant;
  language: LanguageCode;
  tr: Translator;
  links: CitizenLinkRow[];
  today: string;
}

export function getMyPlanForStaff(db: AppDeps['db'], actor: Actor, participantId: string, asked?: unknown): Promise<StaffMyPlan | null> {
  const today = todayInDenmark();
  return door(db, actor, async (tx) => {
    const p = await findCase(tx, participantId, 'vis_min_plan');
    if (!p) return { value: null, audit: [] }; // the refusal is audited by findCase
    const { data, language, tr } = await loadMyPlanIn(tx, { participantId: p.id, municipality: p.municipalityCode }, today, asked);
    const links = await listLinks(tx, p.id);
    return {
      value: { ...data, participant: p, language, tr, links, today },
      audit: { action: 'vis', entity: 'min_plan', participantId: p.id, municipality: p.municipalityCode, detail: { language } },
    };
  });
}

export interface CitizenMyPlan extends MyPlanData {
  language: LanguageCode;
  tr: Translator;
  /** A validated WHO-5 translation exists for this language in her project. */
  who5Translated: boolean;
  today: string;
}

export function getMyPlanByLink(db: AppDeps['db'], token: string, ip: string, asked?: unknown): Promise<LinkOutcome<CitizenMyPlan>> {
  const today = todayInDenmark();
  return citizenDoor(db, token, ip, 'vis_min_plan', async (tx, link) => {
    const her = { participantId: link.participantId, municipality: link.municipalityCode, linkLanguage: link.language };
    const { data, language, tr } = await loadMyPlanIn(tx, her, today, asked);
    const who5Translated =
      language !== 'da' && data.projectId !== null && (await getWho5Translation(tx, data.projectId, language)) !== null;
    return { value: { ...data, language, tr, who5Translated, today }, audit: { action: 'vis', entity: 'min_plan', detail: { language } } };
  });
}
