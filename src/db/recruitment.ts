/**
 * Gross group and outreach (issue 13): candidates, the lists they came on, their outreach log and
 * the project's retention setting. SQL only: callers run behind the door, which scopes every
 * query to the actor's municipalities (row-level security) and writes the audit record.
 */
import type { DeclineReason, OutreachChannel, OutreachKind } from '../core/codes.ts';
import { isUuid } from './tenant.ts';
import { sqlOf, type Sql } from './sql.ts';

export interface CandidateRow {
  id: string;
  projectId: number;
  municipalityCode: string;
  cprEnc: string | null;
  cprHash: string | null;
  name: string | null;
  benefit: string | null;
  origin: string | null;
  addedByHand: boolean;
  addedOn: string;
  lastListedOn: string;
  participantId: string | null;
  /** On the project's latest list, and new on it. */
  onLatestList: boolean;
  newOnLatestList: boolean;
}

export interface OutreachRow {
  id: string;
  candidateId: string;
  kind: OutreachKind;
  occurredOn: string;
  channel: OutreachChannel | null;
  declineReason: DeclineReason | null;
  note: string | null;
  createdBy: number | null;
  createdByName: string | null;
}

export interface ListRow {
  id: number;
  fileName: string;
  rowsTotal: number;
  rowsNew: number;
  rowsSkipped: number;
  importedAt: Date;
  importedByName: string | null;
}

const COLS = `c.id, c.project_id AS "projectId", trim(c.municipality_code) AS "municipalityCode", c.cpr_enc AS "cprEnc", c.cpr_hash AS "cprHash",
  c.name, c.benefit, c.origin, c.added_by_hand AS "addedByHand", to_char(c.added_on, 'YYYY-MM-DD') AS "addedOn",
  to_char(c.last_listed_on, 'YYYY-MM-DD') AS "lastListedOn", c.participant_id AS "participantId",
  (le.candidate_id IS NOT NULL) AS "onLatestList", coalesce(le.is_new, false) AS "newOnLatestList"`;
const LATEST = `LEFT JOIN recruitment_list_entry le ON le.candidate_id = c.id
  AND le.list_id = (SELECT max(l.id) FROM recruitment_list l WHERE l.project_id = c.project_id)`;

export async function listCandidates(tx: Sql, projectId: number): Promise<CandidateRow[]> {
  return (
    await sqlOf(tx).query<CandidateRow>(
      `SELECT ${COLS} FROM recruitment_candidate c ${LATEST} WHERE c.project_id = $1 ORDER BY c.name, c.id`,
      [projectId],
    )
  ).rows;
}

export async function getCandidate(tx: Sql, id: string): Promise<CandidateRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await sqlOf(tx).query<CandidateRow>(`SELECT ${COLS} FROM recruitment_candidate c ${LATEST} WHERE c.id = $1`, [id])).rows[0];
}

export async function findCandidateByHash(tx: Sql, projectId: number, cprHash: string): Promise<{ id: string } | undefined> {
  return (
    await sqlOf(tx).query<{ id: string }>('SELECT id FROM recruitment_candidate WHERE project_id = $1 AND cpr_hash = $2', [
      projectId,
      cprHash,
    ])
  ).rows[0];
}

/** Candidates of the project by CPR hash, whatever municipality (for an import: who is already known). */
export async function candidateIdsByHash(tx: Sql, projectId: number): Promise<Map<string, string>> {
  const rows = (
    await sqlOf(tx).query<{ id: string; h: string }>(
      'SELECT id, cpr_hash AS h FROM recruitment_candidate WHERE project_id = $1 AND cpr_hash IS NOT NULL',
      [projectId],
    )
  ).rows;
  return new Map(rows.map((r) => [r.h, r.id]));
}

export interface NewCandidate {
  projectId: number;
  municipality: string;
  cprHash: string;
  cprEnc: string;
  name: string;
  benefit: string | null;
  origin: string | null;
  addedByHand: boolean;
  addedOn?: string;
}

export async function insertCandidate(tx: Sql, c: NewCandidate, userId: number | null): Promise<string> {
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO recruitment_candidate (project_id, municipality_code, cpr_hash, cpr_enc, name, benefit, origin, added_by_hand, added_on, last_listed_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::date, current_date), coalesce($9::date, current_date), $10) RETURNING id`,
      [c.projectId, c.municipality, c.cprHash, c.cprEnc, c.name, c.benefit, c.origin, c.addedByHand, c.addedOn ?? null, userId],
    )
  ).rows[0].id;
}

/** A known candidate on a new list: her facts as the list gives them now, listed today. */
export async function refreshCandidate(
  tx: Sql,
  id: string,
  c: { name: string; benefit: string | null; origin: string | null },
  on?: string,
) {
  await sqlOf(tx).query(
    `UPDATE recruitment_candidate SET name = $2, benefit = coalesce($3, benefit), origin = coalesce($4, origin), last_listed_on = coalesce($5::date, current_date)
     WHERE id = $1`,
    [id, c.name, c.benefit, c.origin, on ?? null],
  );
}

/** These candidates stood on a list on `on` (the demo's lists; an import uses refreshCandidate). */
export async function markListed(tx: Sql, ids: string[], on: string) {
  await sqlOf(tx).query(
    'UPDATE recruitment_candidate SET last_listed_on = greatest(last_listed_on, $2::date) WHERE id = ANY ($1::uuid[])',
    [ids, on],
  );
}

/** Demo only: a project's synthetic participants enrolled in a window, to seed as enrolled candidates. */
export async function demoParticipantsOf(tx: Sql, projectKey: string, from: string, to: string, n: number) {
  return (
    await sqlOf(tx).query<{
      id: string;
      projectId: number;
      municipalityCode: string;
      cprEnc: string;
      firstName: string;
      lastName: string;
      countryOfOrigin: string | null;
      enrolledOn: string;
    }>(
      `SELECT p.id, e.project_id AS "projectId", trim(p.municipality_code) AS "municipalityCode", p.cpr_enc AS "cprEnc", p.first_name AS "firstName",
       p.last_name AS "lastName", p.country_of_origin AS "countryOfOrigin", to_char(min(e.enrolled_on), 'YYYY-MM-DD') AS "enrolledOn"
     FROM participant p JOIN enrolment e ON e.participant_id = p.id JOIN project pr ON pr.id = e.project_id
     WHERE p.synthetic AND pr.key = $1
     GROUP BY p.id, e.project_id HAVING min(e.enrolled_on) BETWEEN $2::date AND $3::date
     ORDER BY min(e.enrolled_on), p.last_name, p.first_name, p.id LIMIT $4`,
      [projectKey, from, to, n],
    )
  ).rows;
}

/** The project's latest list's candidates (to tell who is new on the next one). */
export async function latestListMembers(tx: Sql, projectId: number): Promise<{ listId: number | null; members: Set<string> }> {
  const q = sqlOf(tx);
  const listId = (await q.query<{ id: number | null }>('SELECT max(id) AS id FROM recruitment_list WHERE project_id = $1', [projectId]))
    .rows[0].id;
  if (listId === null) return { listId, members: new Set() };
  // Read as the database owner would not be needed: every municipality of the project shares the
  // list, and the importer acts for all of them (see importCandidateList).
  const rows = (await q.query<{ id: string }>('SELECT candidate_id AS id FROM recruitment_list_entry WHERE list_id = $1', [listId])).rows;
  return { listId, members: new Set(rows.map((r) => r.id)) };
}

export async function insertList(
  tx: Sql,
  projectId: number,
  l: { fileName: string; rowsTotal: number; rowsNew: number; rowsSkipped: number },
  userId: number | null,
  at?: string,
): Promise<number> {
  return (
    await sqlOf(tx).query<{ id: number }>(
      `INSERT INTO recruitment_list (project_id, file_name, rows_total, rows_new, rows_skipped, imported_by, imported_at)
     VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, now())) RETURNING id`,
      [projectId, l.fileName, l.rowsTotal, l.rowsNew, l.rowsSkipped, userId, at ?? null],
    )
  ).rows[0].id;
}

export async function insertListEntries(tx: Sql, listId: number, entries: { candidateId: string; municipality: string; isNew: boolean }[]) {
  if (!entries.length) return;
  await sqlOf(tx).query(
    `INSERT INTO recruitment_list_entry (list_id, candidate_id, municipality_code, is_new)
     SELECT $1, c, m, n FROM unnest($2::uuid[], $3::text[], $4::boolean[]) AS t(c, m, n)`,
    [listId, entries.map((e) => e.candidateId), entries.map((e) => e.municipality), entries.map((e) => e.isNew)],
  );
}

export async function listLists(tx: Sql, projectId: number): Promise<ListRow[]> {
  return (
    await sqlOf(tx).query<ListRow>(
      `SELECT l.id, l.file_name AS "fileName", l.rows_total AS "rowsTotal", l.rows_new AS "rowsNew", l.rows_skipped AS "rowsSkipped",
       l.imported_at AS "importedAt", u.display_name AS "importedByName"
     FROM recruitment_list l LEFT JOIN app_user u ON u.id = l.imported_by WHERE l.project_id = $1 ORDER BY l.id DESC`,
      [projectId],
    )
  ).rows;
}

const OUTREACH_COLS = `o.id, o.candidate_id AS "candidateId", o.kind, to_char(o.occurred_on, 'YYYY-MM-DD') AS "occurredOn", o.channel,
  o.decline_reason AS "declineReason", o.note, o.created_by AS "createdBy", u.display_name AS "createdByName"`;

export async function outreachOf(tx: Sql, candidateIds: string[]): Promise<OutreachRow[]> {
  return (
    await sqlOf(tx).query<OutreachRow>(
      `SELECT ${OUTREACH_COLS} FROM recruitment_outreach o LEFT JOIN app_user u ON u.id = o.created_by
     WHERE o.candidate_id = ANY ($1::uuid[]) ORDER BY o.occurred_on, o.created_at`,
      [candidateIds],
    )
  ).rows;
}

/** Every outreach step of the project's candidates (for the funnel). */
export async function projectOutreach(tx: Sql, projectId: number): Promise<OutreachRow[]> {
  return (
    await sqlOf(tx).query<OutreachRow>(
      `SELECT ${OUTREACH_COLS} FROM recruitment_outreach o JOIN recruitment_candidate c ON c.id = o.candidate_id
     LEFT JOIN app_user u ON u.id = o.created_by WHERE c.project_id = $1 ORDER BY o.occurred_on, o.created_at`,
      [projectId],
    )
  ).rows;
}

export interface NewOutreach {
  kind: OutreachKind;
  occurredOn: string;
  channel: OutreachChannel | null;
  declineReason: DeclineReason | null;
  note: string | null;
}

export async function insertOutreach(
  tx: Sql,
  c: Pick<CandidateRow, 'id' | 'municipalityCode' | 'participantId'>,
  o: NewOutreach,
  userId: number | null,
): Promise<string> {
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO recruitment_outreach (candidate_id, municipality_code, participant_id, occurred_on, kind, channel, decline_reason, note, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [c.id, c.municipalityCode, c.participantId, o.occurredOn, o.kind, o.channel, o.declineReason, o.note, userId],
    )
  ).rows[0].id;
}

/** One outreach step of a candidate (undefined when it is not hers or not visible). */
export async function getOutreach(tx: Sql, candidateId: string, id: string): Promise<OutreachRow | undefined> {
  return (
    await sqlOf(tx).query<OutreachRow>(
      `SELECT ${OUTREACH_COLS} FROM recruitment_outreach o LEFT JOIN app_user u ON u.id = o.created_by
     WHERE o.candidate_id = $1 AND o.id = $2`,
      [candidateId, id],
    )
  ).rows[0];
}

/** Correct a logged step in place (the audit log keeps what it was). */
export async function updateOutreach(tx: Sql, id: string, o: NewOutreach) {
  await sqlOf(tx).query(
    'UPDATE recruitment_outreach SET occurred_on = $2, kind = $3, channel = $4, decline_reason = $5, note = $6 WHERE id = $1',
    [id, o.occurredOn, o.kind, o.channel, o.declineReason, o.note],
  );
}

export async function deleteOutreach(tx: Sql, id: string): Promise<number> {
  return (await sqlOf(tx).query('DELETE FROM recruitment_outreach WHERE id = $1', [id])).rowCount;
}

/** She was enrolled: her candidate record and outreach become part of her case (GDPR follows her). */
export async function linkCandidate(tx: Sql, candidateId: string, participantId: string) {
  const q = sqlOf(tx);
  await q.query('UPDATE recruitment_candidate SET participant_id = $2 WHERE id = $1', [candidateId, participantId]);
  await q.query('UPDATE recruitment_outreach SET participant_id = $2 WHERE candidate_id = $1', [candidateId, participantId]);
}

export async function deleteCandidate(tx: Sql, id: string): Promise<number> {
  return (await sqlOf(tx).query('DELETE FROM recruitment_candidate WHERE id = $1', [id])).rowCount;
}

/** Everything stored about one candidate, as rows (her access export). */
export async function candidateExport(tx: Sql, id: string) {
  const q = sqlOf(tx);
  const one = async (sql: string) => (await q.query<{ r: Record<string, unknown> }>(sql, [id])).rows.map((x) => x.r);
  return {
    candidate: (await one("SELECT to_jsonb(c) - 'cpr_hash' - 'cpr_enc' AS r FROM recruitment_candidate c WHERE id = $1"))[0] ?? null,
    lists:
      await one(`SELECT jsonb_build_object('list_id', e.list_id, 'file_name', l.file_name, 'imported_at', l.imported_at, 'is_new', e.is_new) AS r
      FROM recruitment_list_entry e JOIN recruitment_list l ON l.id = e.list_id WHERE e.candidate_id = $1 ORDER BY e.list_id`),
    outreach: await one('SELECT to_jsonb(o) AS r FROM recruitment_outreach o WHERE candidate_id = $1 ORDER BY occurred_on, created_at'),
  };
}

export async function retentionMonths(tx: Sql, projectId: number): Promise<number> {
  return (
    (await sqlOf(tx).query<{ m: number }>('SELECT retention_months AS m FROM recruitment_settings WHERE project_id = $1', [projectId]))
      .rows[0]?.m ?? 12
  );
}

export async function saveRetentionMonths(tx: Sql, projectId: number, months: number, userId: number) {
  await sqlOf(tx).query(
    `INSERT INTO recruitment_settings (project_id, retention_months, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (project_id) DO UPDATE SET retention_months = $2, updated_by = $3, updated_at = now()`,
    [projectId, months, userId],
  );
}

/**
 * Candidates never enrolled whose last outreach (or last listing) lies more than their project's
 * retention period back (default 12 months), as of `today`.
 */
export async function expiredCandidates(tx: Sql, today: string): Promise<{ id: string; projectId: number; municipalityCode: string }[]> {
  return (
    await sqlOf(tx).query<{ id: string; projectId: number; municipalityCode: string }>(
      `SELECT c.id, c.project_id AS "projectId", trim(c.municipality_code) AS "municipalityCode"
     FROM recruitment_candidate c LEFT JOIN recruitment_settings s ON s.project_id = c.project_id
     WHERE c.participant_id IS NULL
       AND greatest(c.last_listed_on, (SELECT max(o.occurred_on) FROM recruitment_outreach o WHERE o.candidate_id = c.id))
           + make_interval(months => coalesce(s.retention_months, 12)) <= $1::date
     ORDER BY c.id`,
      [today],
    )
  ).rows;
}

/** National: every candidate (municipality name, day added) and her outreach as codes and dates, for the funnel; no name or CPR number. */
export async function nationalFunnelInput(tx: Sql): Promise<{
  candidates: { id: string; municipality: string; addedOn: string }[];
  events: {
    candidateId: string;
    kind: OutreachKind;
    occurredOn: string;
    channel: OutreachChannel | null;
    declineReason: DeclineReason | null;
  }[];
}> {
  const q = sqlOf(tx);
  const candidates = (
    await q.query<{ id: string; municipality: string; addedOn: string }>(
      `SELECT c.id, m.name AS municipality, to_char(c.added_on, 'YYYY-MM-DD') AS "addedOn"
     FROM recruitment_candidate c JOIN municipality m ON m.code = c.municipality_code`,
    )
  ).rows;
  const events = (
    await q.query<{
      candidateId: string;
      kind: OutreachKind;
      occurredOn: string;
      channel: OutreachChannel | null;
      declineReason: DeclineReason | null;
    }>(
      `SELECT o.candidate_id AS "candidateId", o.kind, to_char(o.occurred_on, 'YYYY-MM-DD') AS "occurredOn", o.channel, o.decline_reason AS "declineReason"
     FROM recruitment_outreach o`,
    )
  ).rows;
  return { candidates, events };
}
