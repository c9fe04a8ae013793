/** Record or correct an exemption period of hers (barsel, sygdom, ferie, andet with a reason). */
import type { Actor } from '../../core/actor.ts';
import { exemptionRecords } from '../../db/casework/exemptions.ts';
import { exemptionSchema } from '../../domain/exemptions.ts';
import { str, zodFieldErrors, type FormData, type SaveResult } from '../form.ts';
import { savedRecord, unaudited, withRecord } from './with-case.ts';

/** The database as withRecord takes it (no import of db/database.ts above db/). */
type Db = Parameters<typeof withRecord>[0];

export const EXEMPTION_FIELDS = ['kind', 'startDate', 'endDate', 'reason'] as const;

export async function saveExemption(
  db: Db,
  actor: Actor,
  participantId: string,
  form: FormData,
  exemptionId?: string,
): Promise<SaveResult> {
  return withRecord(db, actor, participantId, 'fritagelse', exemptionId, exemptionRecords.get, async (tx, p, before) => {
    const parsed = exemptionSchema.safeParse(Object.fromEntries(EXEMPTION_FIELDS.map((f) => [f, str(form, f)])));
    if (!parsed.success) return unaudited({ status: 'invalid', errors: zodFieldErrors(parsed.error) });
    const period = { kind: parsed.data.kind, startDate: parsed.data.startDate, endDate: parsed.data.endDate };
    if (exemptionId) {
      await exemptionRecords.update(tx, p.id, exemptionId, parsed.data);
      return savedRecord(p, 'ret', 'fritagelse', exemptionId, { before: { ...before, reason: undefined }, after: period });
    }
    const id = await exemptionRecords.insert(tx, p, parsed.data, actor.userId);
    return savedRecord(p, 'opret', 'fritagelse', id, period);
  });
}
