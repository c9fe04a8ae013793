/**
 * "Min plan" for the A4 print (a tagged PDF): the same view as her page, read through the same
 * doors and audited as `vis` of `min_plan` with `format: pdf`. From the caseworker's page the
 * print carries her link's QR code only when the caseworker hands in the token of a link of hers
 * that still works (the token is shown once, when the link is made; only its hash is stored).
 * Through her link, the print always carries that link.
 */
import type { Actor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';
import { door } from '../../db/door.ts';
import { findCase } from '../../db/citizen/case-data.ts';
import { linkUsableFor } from '../../db/citizen/links.ts';
import { citizenDoor, hashToken, TOKEN_PATTERN, type LinkOutcome } from '../../db/citizen/link-door.ts';
import type { MyPlanView } from '../../domain/my-plan.ts';
import type { Translator } from '../../i18n/catalog.ts';
import type { LanguageCode } from '../../i18n/languages.ts';
import { todayInDenmark } from '../casework/today.ts';
import { loadMyPlanIn } from './load-my-plan.ts';

export interface MyPlanForPrint {
  view: MyPlanView;
  language: LanguageCode;
  tr: Translator;
  today: string;
  /** The token of her live link to print as a QR code, or null. */
  linkToken: string | null;
}

export function printMyPlanForStaff(
  db: AppDeps['db'],
  actor: Actor,
  participantId: string,
  asked?: unknown,
  token?: unknown,
): Promise<MyPlanForPrint | null> {
  const today = todayInDenmark();
  return door(db, actor, async (tx) => {
    const p = await findCase(tx, participantId, 'udskriv_min_plan');
    if (!p) return { value: null, audit: [] }; // the refusal is audited by findCase
    const { data, language, tr } = await loadMyPlanIn(tx, { participantId: p.id, municipality: p.municipalityCode }, today, asked);
    const linkToken =
      typeof token === 'string' && TOKEN_PATTERN.test(token) && (await linkUsableFor(tx, p.id, hashToken(token))) ? token : null;
    return {
      value: { view: data.view, language, tr, today, linkToken },
      audit: {
        action: 'vis',
        entity: 'min_plan',
        participantId: p.id,
        municipality: p.municipalityCode,
        detail: { language, format: 'pdf', qr: linkToken !== null },
      },
    };
  });
}

export function printMyPlanByLink(db: AppDeps['db'], token: string, ip: string, asked?: unknown): Promise<LinkOutcome<MyPlanForPrint>> {
  const today = todayInDenmark();
  return citizenDoor(db, token, ip, 'udskriv_min_plan', async (tx, link) => {
    const her = { participantId: link.participantId, municipality: link.municipalityCode, linkLanguage: link.language };
    const { data, language, tr } = await loadMyPlanIn(tx, her, today, asked);
    return {
      value: { view: data.view, language, tr, today, linkToken: token },
      audit: { action: 'vis', entity: 'min_plan', detail: { language, format: 'pdf' } },
    };
  });
}
