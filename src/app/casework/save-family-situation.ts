/** Record her family situation from a date (issue 14 build 6): a whole new snapshot, the earlier ones kept as history. */
import { insertFamilyChange, listFamilyChanges } from '../../db/casework/family.ts';
import { FAMILY_FIELDS, familyOn, makeFamilyChangeSchema } from '../../domain/family.ts';
import { str, zodFieldErrors } from '../form.ts';
import { todayInDenmark } from './today.ts';
import { about, audited, unaudited, withCase, type CaseFormSave } from './with-case.ts';

export const FAMILY_CHANGE_FIELDS = ['fromDate', ...FAMILY_FIELDS] as const;

export const saveFamilySituation: CaseFormSave = async (db, actor, participantId, form, today = todayInDenmark()) => {
  return withCase<string>(db, actor, participantId, 'opret_familiesituation', async (tx, p) => {
    const changes = await listFamilyChanges(tx, p.id);
    const parsed = makeFamilyChangeSchema({ today, current: (d) => familyOn(changes, d) }).safeParse(
      Object.fromEntries(FAMILY_CHANGE_FIELDS.map((f) => [f, str(form, f)])),
    );
    if (!parsed.success) return unaudited({ status: 'invalid', errors: zodFieldErrors(parsed.error) });
    const { fromDate, ...situation } = parsed.data;
    const before = familyOn(changes, fromDate);
    const id = await insertFamilyChange(tx, p, fromDate, situation, actor.userId);
    return audited(
      { status: 'ok', id },
      {
        action: 'opret',
        entity: 'familiesituation',
        ...about(p),
        detail: { id, fromDate, before: before ? { ...before, createdByName: undefined } : null, after: situation },
      },
    );
  });
};
