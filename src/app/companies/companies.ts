/**
 * The company register's use cases (issue 14): list, show, create and correct a company; its
 * contact people and logged contacts; the follow-up on a hiring. Everything runs behind the door
 * and is audited: contact people are personal data of the company's staff, and the company page
 * shows the women placed there (each woman shown is audited as a read of hers), named only where her
 * consent on the placement lets the company know her.
 */
import type { Actor } from '../../core/actor.ts';
import { door, refusedRead, type AuditEntry, type Tx } from '../../db/door.ts';
import { auditDeniedRecord } from '../../db/casework/access.ts';
import { activityRecords } from '../../db/casework/activities.ts';
import {
  companyPlacements,
  companySteeringFacts,
  deleteCompany as removeCompany,
  deleteCompanyContact,
  deleteContactPerson,
  deleteFollowUp,
  findCompanyByCvr,
  followUpsOfActivities,
  getCompany,
  insertCompany,
  insertCompanyContact,
  insertContactPerson,
  listCompanies,
  listCompanyContacts,
  listContactPersons,
  updateCompany,
  upsertFollowUp,
  type CompanyContactRow,
  type CompanyListRow,
  type CompanyRow,
  type CompanySteeringFacts,
  type ContactPersonRow,
  type FollowUpRow,
  type PlacementRow,
} from '../../db/companies.ts';
import {
  companySchema,
  contactPersonSchema,
  HIRING_TYPES,
  hiringCheckpoints,
  isHiring,
  makeCompanyContactSchema,
  makeFollowUpSchema,
  type Checkpoint,
} from '../../domain/companies.ts';
import { str, zodFieldErrors, type FormData, type SaveResult } from '../form.ts';
import { about, audited, unaudited, withCase } from '../casework/with-case.ts';
import { todayInDenmark } from '../casework/today.ts';

/** The database as the door takes it (a handle, or the server's database). */
type Db = Parameters<typeof door>[0];

export type { CompanyListRow, CompanyRow, ContactPersonRow, CompanyContactRow, PlacementRow, FollowUpRow, CompanySteeringFacts };

const COMPANY_FIELDS = ['cvr', 'name', 'address', 'industry', 'notes'] as const;
const form = <K extends string>(f: FormData, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, str(f, k)])) as Record<K, string>;
const companyAudit = (
  c: { id: string; municipalityCode: string; cvr: string },
  action: string,
  detail: Record<string, unknown> = {},
): AuditEntry => ({
  action,
  entity: 'virksomhed',
  municipality: c.municipalityCode,
  detail: { companyId: c.id, cvr: c.cvr, ...detail },
});

export async function listCompanyRegister(db: Db, actor: Actor, today = todayInDenmark()): Promise<CompanyListRow[]> {
  return door(db, actor, async (tx) => ({
    value: await listCompanies(tx, today, HIRING_TYPES),
    audit: { action: 'liste', entity: 'virksomhed' },
  }));
}

export interface PlacementView extends PlacementRow {
  hiring: boolean;
  current: boolean;
  checkpoints: Checkpoint[];
  followUps: FollowUpRow[];
}

export interface CompanyPage {
  company: CompanyRow;
  contactPersons: ContactPersonRow[];
  contacts: CompanyContactRow[];
  placements: PlacementView[];
  today: string;
}

/** The company page: its facts, contact people, contacts, and every placement there (women shown are audited, one record each). */
export async function getCompanyPage(db: Db, actor: Actor, id: string, today = todayInDenmark()): Promise<CompanyPage | null> {
  return door(db, actor, async (tx) => {
    const company = await getCompany(tx, id);
    if (!company) return refusedRead('virksomhed', id, 'vis_virksomhed');
    const placements = await companyPlacements(tx, company.id);
    const followUps = await followUpsOfActivities(
      tx,
      placements.filter((p) => isHiring(p.typeKey)).map((p) => p.activityId),
    );
    const views: PlacementView[] = placements.map((p) => {
      const mine = followUps.filter((f) => f.activityId === p.activityId);
      return {
        ...p,
        hiring: isHiring(p.typeKey),
        current: p.startDate <= today && (p.endDate === null || p.endDate >= today) && p.status !== 'afbrudt' && p.status !== 'afsluttet',
        checkpoints: isHiring(p.typeKey)
          ? hiringCheckpoints({ id: p.activityId, typeKey: p.typeKey, startDate: p.startDate, endDate: p.endDate }, mine, today)
          : [],
        followUps: mine,
      };
    });
    // One record per woman shown; `named` says whether her consent let the page name her.
    const women = new Map<string, boolean>();
    for (const p of placements) women.set(p.participantId, (women.get(p.participantId) ?? false) || p.firstName !== null);
    const audit: AuditEntry[] = [
      companyAudit(company, 'vis'),
      ...[...women].map(([pid, named]) => ({
        action: 'vis',
        entity: 'virksomhed_placering',
        participantId: pid,
        municipality: company.municipalityCode,
        detail: { companyId: company.id, named },
      })),
    ];
    return {
      value: {
        company,
        contactPersons: await listContactPersons(tx, company.id),
        contacts: await listCompanyContacts(tx, company.id),
        placements: views,
        today,
      },
      audit,
    };
  });
}

/** `id` undefined → a new company (its CVR number must not be registered already); otherwise a correction (the CVR number stays). */
export async function saveCompany(db: Db, actor: Actor, f: FormData, id?: string): Promise<SaveResult> {
  return door<SaveResult>(db, actor, async (tx) => {
    const before = id ? await getCompany(tx, id) : undefined;
    if (id && !before) return { value: { status: 'denied' } as const, audit: [] };
    const input = form(f, COMPANY_FIELDS);
    if (before) input.cvr = before.cvr;
    const parsed = companySchema.safeParse(input);
    if (!parsed.success) return unaudited({ status: 'invalid', errors: zodFieldErrors(parsed.error) });
    if (before) {
      await updateCompany(tx, before.id, parsed.data);
      return audited(
        { status: 'ok', id: before.id },
        companyAudit(before, 'ret', { before: { ...before, notes: undefined }, after: { ...parsed.data, notes: undefined } }),
      );
    }
    const existing = await findCompanyByCvr(tx, parsed.data.cvr);
    if (existing) return unaudited({ status: 'invalid', errors: { cvr: `CVR-nummeret er allerede registreret som ${existing.name}.` } });
    const municipality = actor.municipalities[0];
    const newId = await insertCompany(tx, municipality, parsed.data);
    return audited(
      { status: 'ok', id: newId },
      companyAudit({ id: newId, municipalityCode: municipality, cvr: parsed.data.cvr }, 'opret', { name: parsed.data.name }),
    );
  });
}

/** A company with no placements may be deleted (a wrong registration); one with placements may not. */
export async function deleteCompany(db: Db, actor: Actor, id: string): Promise<SaveResult | { status: 'in_use' }> {
  return door<SaveResult | { status: 'in_use' }>(db, actor, async (tx) => {
    const c = await getCompany(tx, id);
    if (!c) return unaudited({ status: 'denied' as const });
    if ((await companyPlacements(tx, c.id)).length > 0) return unaudited({ status: 'in_use' as const });
    await removeCompany(tx, c.id);
    return audited({ status: 'ok' as const, id: c.id }, companyAudit(c, 'slet', { name: c.name }));
  });
}

export async function addContactPerson(db: Db, actor: Actor, companyId: string, f: FormData): Promise<SaveResult> {
  return door<SaveResult>(db, actor, async (tx) => {
    const c = await getCompany(tx, companyId);
    if (!c) return unaudited({ status: 'denied' });
    const parsed = contactPersonSchema.safeParse(form(f, ['name', 'title', 'phone', 'email']));
    if (!parsed.success) return unaudited({ status: 'invalid', errors: zodFieldErrors(parsed.error) });
    const id = await insertContactPerson(tx, c, parsed.data);
    return audited({ status: 'ok', id: c.id }, companyAudit(c, 'opret', { contactPersonId: id }));
  });
}

/** Deletes one row of a company's (`del`), audited with what was deleted, its id under `key`. */
function removeFromCompany<R extends { id: string }>(
  db: Db,
  actor: Actor,
  companyId: string,
  key: 'contactPersonId' | 'contactId',
  del: (tx: Tx, companyId: string) => Promise<R | undefined>,
): Promise<SaveResult> {
  return door<SaveResult>(db, actor, async (tx) => {
    const c = await getCompany(tx, companyId);
    if (!c) return unaudited({ status: 'denied' });
    const gone = await del(tx, c.id);
    if (!gone) return unaudited({ status: 'denied' });
    return audited({ status: 'ok', id: c.id }, companyAudit(c, 'slet', { [key]: gone.id, deleted: gone }));
  });
}

export function removeContactPerson(db: Db, actor: Actor, companyId: string, personId: string): Promise<SaveResult> {
  return removeFromCompany(db, actor, companyId, 'contactPersonId', (tx, id) => deleteContactPerson(tx, id, personId));
}

export async function logCompanyContact(
  db: Db,
  actor: Actor,
  companyId: string,
  f: FormData,
  today = todayInDenmark(),
): Promise<SaveResult> {
  return door<SaveResult>(db, actor, async (tx) => {
    const c = await getCompany(tx, companyId);
    if (!c) return unaudited({ status: 'denied' });
    const parsed = makeCompanyContactSchema(today).safeParse(form(f, ['occurredOn', 'kind', 'note']));
    if (!parsed.success) return unaudited({ status: 'invalid', errors: zodFieldErrors(parsed.error) });
    const id = await insertCompanyContact(tx, c, parsed.data);
    return audited(
      { status: 'ok', id: c.id },
      companyAudit(c, 'opret', { contactId: id, kind: parsed.data.kind, occurredOn: parsed.data.occurredOn }),
    );
  });
}

export function removeCompanyContact(db: Db, actor: Actor, companyId: string, contactId: string): Promise<SaveResult> {
  return removeFromCompany(db, actor, companyId, 'contactId', (tx, id) => deleteCompanyContact(tx, id, contactId));
}

export interface HiringFollowUpView {
  participant: { id: string; firstName: string; lastName: string };
  activity: { id: string; typeKey: string; provider: string | null; startDate: string; endDate: string | null; companyId: string | null };
  checkpoints: Checkpoint[];
  today: string;
}

/** One of her hirings with its checkpoints, for the follow-up form; null when not hers or not a hiring (audited). */
export async function getHiringFollowUp(
  db: Db,
  actor: Actor,
  participantId: string,
  activityId: string,
  today = todayInDenmark(),
): Promise<HiringFollowUpView | null> {
  const r = await withCase<HiringFollowUpView>(db, actor, participantId, 'vis_opfoelgning', async (tx, p) => {
    const a = await activityRecords.get(tx, p.id, activityId);
    if (!a || !isHiring(a.typeKey)) {
      await auditDeniedRecord(tx, p, 'aktivitet', activityId, 'vis_opfoelgning');
      return unaudited({ status: 'denied' });
    }
    const recorded = await followUpsOfActivities(tx, [a.id]);
    const view: HiringFollowUpView = {
      participant: { id: p.id, firstName: p.firstName, lastName: p.lastName },
      activity: { id: a.id, typeKey: a.typeKey, provider: a.provider, startDate: a.startDate, endDate: a.endDate, companyId: a.companyId },
      checkpoints: hiringCheckpoints(a, recorded, today),
      today,
    };
    return audited(
      { status: 'ok', id: view },
      { action: 'vis', entity: 'ansaettelse_opfoelgning', ...about(p), detail: { activityId: a.id } },
    );
  });
  return r.status === 'ok' ? r.id : null;
}

/** Record (or correct) the answer at a checkpoint of one of her hirings; `id` is where to go next (her company, or '' for her page). */
export async function saveFollowUp(
  db: Db,
  actor: Actor,
  participantId: string,
  activityId: string,
  f: FormData,
  today = todayInDenmark(),
): Promise<SaveResult> {
  return withCase<string>(db, actor, participantId, 'opfoelg_ansaettelse', async (tx, p) => {
    const a = await activityRecords.get(tx, p.id, activityId);
    if (!a || !isHiring(a.typeKey)) {
      await auditDeniedRecord(tx, p, 'aktivitet', activityId, 'opfoelg_ansaettelse');
      return unaudited({ status: 'denied' });
    }
    const parsed = makeFollowUpSchema(a.startDate, today).safeParse(form(f, ['checkpointMonths', 'checkedOn', 'stillEmployed', 'note']));
    if (!parsed.success) return unaudited({ status: 'invalid', errors: zodFieldErrors(parsed.error) });
    const id = await upsertFollowUp(tx, p, a.id, parsed.data);
    return audited(
      { status: 'ok', id: a.companyId ?? '' },
      {
        action: 'opret',
        entity: 'ansaettelse_opfoelgning',
        ...about(p),
        detail: { id, activityId: a.id, ...parsed.data, note: undefined },
      },
    );
  });
}

export async function removeFollowUp(db: Db, actor: Actor, participantId: string, followUpId: string): Promise<SaveResult> {
  return withCase<string>(db, actor, participantId, 'slet_opfoelgning', async (tx, p) => {
    const gone = await deleteFollowUp(tx, p.id, followUpId);
    if (!gone) {
      await auditDeniedRecord(tx, p, 'ansaettelse_opfoelgning', followUpId, 'slet_opfoelgning');
      return unaudited({ status: 'denied' });
    }
    const a = await activityRecords.get(tx, p.id, gone.activityId);
    return audited(
      { status: 'ok', id: a?.companyId ?? '' },
      { action: 'slet', entity: 'ansaettelse_opfoelgning', ...about(p), detail: { deleted: { ...gone, note: undefined } } },
    );
  });
}

/** Counts for Styring (no person): active companies and hirings of the project's women. */
export async function companySteering(db: Db, actor: Actor, projectId: number, day: string): Promise<CompanySteeringFacts> {
  return door(db, actor, async (tx) => ({ value: await companySteeringFacts(tx, projectId, day, HIRING_TYPES), audit: [] }));
}
