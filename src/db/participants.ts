/** Participants (borgere) through the tenant-scoped path: every call is audited. */
import type { Actor } from '../core/actor.ts';
import { isIsoDate } from '../core/dates.ts';
import { normaliseDateInput } from '../domain/form-fields.ts';
import { foldSql, parseSearch, searchForAudit } from '../domain/search-text.ts';
import type { Vault } from '../security/vault.ts';
import { isUuid } from './tenant.ts';
import { deniedAccess, door } from './door.ts';
import { type Db, sqlOf } from './sql.ts';

export interface ParticipantListRow {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  municipalityCode: string;
  municipalityName: string;
  projectName: string | null;
  visitation: string | null;
  enrolledOn: string | null;
  exitedOn: string | null;
  caseworkerName: string | null;
}

export const SORTS = {
  navn: 'p.last_name, p.first_name',
  foedt: 'p.birth_date',
  indskrevet: 'e.enrolled_on',
  visitation: 'e.visitation',
  kommune: 'm.name',
} as const;
export type SortKey = keyof typeof SORTS;

export interface ListOptions {
  search?: string;
  sort?: SortKey;
  dir?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
  caseworkerId?: number;
}

/** The latest enrolment of each participant (lateral join keeps one row a person). */
const LATEST_ENROLMENT = `LEFT JOIN LATERAL (
    SELECT e.*, pr.name AS project_name, u.display_name AS caseworker_name
    FROM enrolment e JOIN project pr ON pr.id = e.project_id
    LEFT JOIN app_user u ON u.id = e.caseworker_id
    WHERE e.participant_id = p.id ORDER BY e.enrolled_on DESC, e.created_at DESC LIMIT 1) e ON true`;

/** A typed birth date (d.m.åååå, dd-mm-åååå, ddmmåååå) as ISO, or null. */
function birthDateOf(search: string): string | null {
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(search);
  const iso = normaliseDateInput(compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : search);
  return typeof iso === 'string' && isIsoDate(iso) ? iso : null;
}

export async function listParticipants(db: Db, vault: Vault, actor: Actor, opts: ListOptions = {}) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 25, 1), 200);
  const page = Math.max(opts.page ?? 1, 1);
  // The tenant's municipalities as a plain parameter too (row-level security still applies): the
  // planner then knows the values and counts and pages through the index.
  const params: unknown[] = [actor.municipalities];
  const where: string[] = ['p.municipality_code = ANY($1::bpchar[])'];
  const search = (opts.search ?? '').trim();
  const term = parseSearch(search, birthDateOf);
  if (term?.kind === 'cpr') {
    params.push(vault.hashCpr(term.cpr));
    where.push(`p.cpr_hash = $${params.length}`);
  } else if (term?.kind === 'foedselsdato' && 'ddmmyy' in term) {
    // Birth date part of a CPR number: DDMMYY.
    params.push(term.ddmmyy);
    where.push(`to_char(p.birth_date, 'DDMMYY') = $${params.length}`);
  } else if (term?.kind === 'foedselsdato') {
    params.push(term.date);
    where.push(`p.birth_date = $${params.length}::date`);
  } else if (term?.kind === 'navn') {
    // Accents and case ignored on both sides (Dogan finds Doğan).
    params.push(`%${term.folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`${foldSql(`p.first_name || ' ' || p.last_name`)} LIKE $${params.length}`);
  }
  if (opts.caseworkerId) {
    params.push(opts.caseworkerId);
    where.push(`e.caseworker_id = $${params.length}`);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const sortKey = opts.sort ?? 'navn';
  const order = `${SORTS[sortKey] ?? SORTS.navn} ${opts.dir === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, p.id`;
  // Page first, then join the latest enrolment for just those 25 rows, unless the sort or a
  // filter needs the enrolment for every row.
  const needsEnrolment = sortKey === 'indskrevet' || sortKey === 'visitation' || !!opts.caseworkerId;
  const pageSql = needsEnrolment
    ? `SELECT p.* FROM participant p JOIN municipality m ON m.code = p.municipality_code ${LATEST_ENROLMENT} ${whereSql}
       ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`
    : `SELECT p.* FROM participant p JOIN municipality m ON m.code = p.municipality_code ${whereSql}
       ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return door(db, actor, async (tx) => {
    const q = sqlOf(tx);
    const total = (
      await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM participant p ${needsEnrolment ? LATEST_ENROLMENT : ''} ${whereSql}`,
        params,
      )
    ).rows[0].n;
    const rows = (
      await q.query<ParticipantListRow>(
        `SELECT p.id, p.first_name AS "firstName", p.last_name AS "lastName", p.birth_date AS "birthDate",
                p.municipality_code AS "municipalityCode", m.name AS "municipalityName",
                e.project_name AS "projectName", e.visitation, e.enrolled_on AS "enrolledOn",
                e.exited_on AS "exitedOn", e.caseworker_name AS "caseworkerName"
         FROM (${pageSql}) p JOIN municipality m ON m.code = p.municipality_code
         ${LATEST_ENROLMENT}
         ORDER BY ${order}`,
        params,
      )
    ).rows;
    return {
      value: { rows, total, page, pageSize },
      audit: { action: 'liste', entity: 'participant', detail: { search: searchForAudit(search), page, shown: rows.length, total } },
    };
  });
}

export interface EnrolmentView {
  id: string;
  projectId: number;
  projectName: string;
  enrolledOn: string;
  visitation: string;
  caseworkerId: number | null;
  caseworkerName: string | null;
  exitedOn: string | null;
  exitReason: string | null;
  flereSkalMed: number | null;
  recruitmentChannel: string | null;
}

export interface ParticipantView {
  id: string;
  cpr: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: 'K' | 'M';
  countryOfOrigin: string | null;
  municipalityCode: string;
  municipalityName: string;
  synthetic: boolean;
  enrolments: EnrolmentView[];
}

/** One participant with her enrolments, or null (audited as a denied look-up) if not visible. */
export async function getParticipant(db: Db, vault: Vault, actor: Actor, id: string, purpose = 'vis') {
  return door(db, actor, async (tx) => {
    const q = sqlOf(tx);
    const p = isUuid(id)
      ? (
          await q.query<Omit<ParticipantView, 'cpr' | 'enrolments'> & { cprEnc: string }>(
            `SELECT p.id, p.cpr_enc AS "cprEnc", p.first_name AS "firstName", p.last_name AS "lastName",
                    p.birth_date AS "birthDate", p.sex, p.country_of_origin AS "countryOfOrigin",
                    p.municipality_code AS "municipalityCode", m.name AS "municipalityName", p.synthetic
             FROM participant p JOIN municipality m ON m.code = p.municipality_code WHERE p.id = $1`,
            [id],
          )
        ).rows[0]
      : undefined;
    if (!p) return { value: null, audit: deniedAccess(id, purpose) };
    const enrolments = (
      await q.query<EnrolmentView>(
        `SELECT e.id, e.project_id AS "projectId", pr.name AS "projectName", e.enrolled_on AS "enrolledOn",
                e.visitation, e.caseworker_id AS "caseworkerId", u.display_name AS "caseworkerName",
                e.exited_on AS "exitedOn", e.exit_reason AS "exitReason", e.flere_skal_med AS "flereSkalMed",
                e.recruitment_channel AS "recruitmentChannel"
         FROM enrolment e JOIN project pr ON pr.id = e.project_id LEFT JOIN app_user u ON u.id = e.caseworker_id
         WHERE e.participant_id = $1 ORDER BY e.enrolled_on DESC`,
        [id],
      )
    ).rows;
    const { cprEnc, ...rest } = p;
    return {
      value: { ...rest, cpr: vault.decryptCpr(cprEnc), enrolments } satisfies ParticipantView,
      audit: { action: purpose, entity: 'participant', participantId: p.id, municipality: p.municipalityCode },
    };
  });
}
