/**
 * A new personal link for her: 32 random bytes as the token, only its SHA-256 stored, expiring
 * after the configured number of days. The token is returned once, for the page that shows the
 * link and its QR code; it cannot be read back later.
 */
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';
import { door } from '../../db/door.ts';
import { findCase } from '../../db/citizen/case-data.ts';
import { insertLink } from '../../db/citizen/links.ts';
import { hashToken } from '../../db/citizen/link-door.ts';
import { isLanguageCode } from '../../i18n/languages.ts';
import { str, type SaveResult } from '../form.ts';

export interface CreatedLink {
  linkId: string;
  token: string;
  expiresAt: Date;
  language: string;
}

export async function createCitizenLink(
  db: AppDeps['db'],
  actor: Actor,
  participantId: string,
  form: Record<string, unknown>,
  days: number,
): Promise<SaveResult<CreatedLink>> {
  const language = str(form, 'linkSprog');
  if (!isLanguageCode(language)) return { status: 'invalid', errors: { linkSprog: 'Vælg det sprog, linket skal åbne på.' } };
  return door<SaveResult<CreatedLink>>(db, actor, async (tx) => {
    const p = await findCase(tx, participantId, 'opret_borgerlink');
    if (!p) return { value: { status: 'denied' }, audit: [] };
    const token = randomBytes(32).toString('base64url');
    const { id, expiresAt } = await insertLink(tx, p.id, p.municipalityCode, hashToken(token), language, days, actor.userId);
    return {
      value: { status: 'ok', id: { linkId: id, token, expiresAt, language } },
      audit: {
        action: 'opret',
        entity: 'citizen_link',
        participantId: p.id,
        municipality: p.municipalityCode,
        detail: { linkId: id, language, days },
      },
    };
  });
}
