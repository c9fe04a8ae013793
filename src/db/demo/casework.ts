/**
 * The demo casework's reads and writes (app/casework/seed-demo-casework.ts decides what to
 * write): bulk inserts of columns (arrays → unnest) inside the demo seed's transaction.
 */
import { sqlOf, type Sql } from '../sql.ts';

type Col<T> = T[];

export interface DemoCaseWoman {
  pid: string;
  mun: string;
  on: string;
  exit: string | null;
  cw: number | null;
  cwName: string | null;
  visitation: string;
}

/**
 * The synthetic women's enrolments with their caseworker, in a stable order: by enrolment first, so
 * the women enrolled by a later day only add to the end (the demo is prefix-stable from day to day).
 */
export async function demoCaseWomen(tx: Sql): Promise<DemoCaseWoman[]> {
  return (
    await sqlOf(tx).query<DemoCaseWoman>(
      `SELECT p.id AS pid, p.municipality_code AS mun, e.enrolled_on AS "on", e.exited_on AS "exit", e.caseworker_id AS cw, u.display_name AS "cwName", e.visitation
     FROM participant p JOIN enrolment e ON e.participant_id = p.id LEFT JOIN app_user u ON u.id = e.caseworker_id
     WHERE p.synthetic ORDER BY e.enrolled_on, p.municipality_code, p.last_name, p.first_name, p.birth_date, e.visitation, e.exited_on NULLS LAST`,
    )
  ).rows;
}

export async function insertDemoActivities(
  tx: Sql,
  a: {
    pid: Col<string>;
    mun: Col<string>;
    type: Col<string>;
    prov: Col<string | null>;
    cvr: Col<string | null>;
    start: Col<string>;
    end: Col<string | null>;
    hours: Col<number | null>;
    status: Col<string>;
    by: Col<number | null>;
    consent: Col<string | null>;
  },
) {
  await sqlOf(tx).query(
    `INSERT INTO casework_activity (participant_id, municipality_code, type_key, provider, cvr, start_date, end_date, hours_per_week, status, created_by, company_consent)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::numeric[], $9::text[], $10::int[], $11::text[])`,
    [a.pid, a.mun, a.type, a.prov, a.cvr, a.start, a.end, a.hours, a.status, a.by, a.consent],
  );
}

export async function insertDemoConversations(
  tx: Sql,
  c: {
    pid: Col<string>;
    mun: Col<string>;
    on: Col<string>;
    kind: Col<string>;
    who: Col<string>;
    tolk: Col<boolean>;
    note: Col<string>;
    by: Col<number | null>;
  },
) {
  await sqlOf(tx).query(
    `INSERT INTO casework_conversation (participant_id, municipality_code, held_on, kind, participants, interpreter_used, note, created_by)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::int[])`,
    [c.pid, c.mun, c.on, c.kind, c.who, c.tolk, c.note, c.by],
  );
}

/** Assessments on one of the shipped instruments ('who5', 'fremdriftstrappen'). */
/** Column buffers for one bulk insert of assessment scores (WHO-5, Fremdriftstrappen or a project's own instrument). */
export interface AssessmentColumns {
  pid: Col<string>;
  mun: Col<string>;
  on: Col<string>;
  answers: Col<string>;
  total: Col<number>;
  by: Col<number | null>;
  /** Appends one score: her answers (stored as JSON) and their total, rated on `on` by her caseworker. */
  add(w: { pid: string; mun: string; cw: number | null }, on: string, answers: Readonly<Record<string, number>>, total: number): void;
}

/** Empty buffers for `insertDemoAssessments` and `insertDemoInstrumentScores`, filled row by row with `add`. */
export function assessmentColumns(): AssessmentColumns {
  const c: AssessmentColumns = {
    pid: [],
    mun: [],
    on: [],
    answers: [],
    total: [],
    by: [],
    add(w, on, answers, total) {
      c.pid.push(w.pid);
      c.mun.push(w.mun);
      c.on.push(on);
      c.by.push(w.cw);
      c.answers.push(JSON.stringify(answers));
      c.total.push(total);
    },
  };
  return c;
}

export async function insertDemoAssessments(tx: Sql, instrumentKey: 'who5' | 'fremdriftstrappen', s: AssessmentColumns) {
  await sqlOf(tx).query(
    `INSERT INTO casework_assessment (participant_id, municipality_code, instrument_key, assessed_on, answers, total, created_by)
     SELECT p, m, $7, d, a::jsonb, t, b FROM unnest($1::uuid[], $2::text[], $3::date[], $4::text[], $5::numeric[], $6::int[]) AS x(p, m, d, a, t, b)`,
    [s.pid, s.mun, s.on, s.answers, s.total, s.by, instrumentKey],
  );
}

/** Plans with their first history entry; then each woman's plan language from what her country of origin suggests. */
export async function insertDemoPlans(
  tx: Sql,
  p: {
    pid: Col<string>;
    mun: Col<string>;
    data: Col<string>;
    by: Col<number | null>;
    on: Col<string>;
    name: Col<string>;
    changes: Col<string>;
  },
  languageOf: (countryOfOrigin: string | null) => string,
) {
  const q = sqlOf(tx);
  await q.query(
    `INSERT INTO casework_plan (participant_id, municipality_code, data, updated_by, updated_at)
     SELECT p, m, d::jsonb, b, o::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::date[]) AS x(p, m, d, b, o)
     ON CONFLICT (participant_id) DO NOTHING`,
    [p.pid, p.mun, p.data, p.by, p.on],
  );
  await q.query(
    `INSERT INTO casework_plan_change (participant_id, municipality_code, changed_at, changed_on, changed_by, changed_by_name, changes)
     SELECT p, m, o::timestamptz, o, b, n, c::jsonb FROM unnest($1::uuid[], $2::text[], $3::date[], $4::int[], $5::text[], $6::text[]) AS x(p, m, o, b, n, c)`,
    [p.pid, p.mun, p.on, p.by, p.name, p.changes],
  );
  const planned = (
    await q.query<{ id: string; m: string; c: string | null }>(
      `SELECT p.id, p.municipality_code AS m, p.country_of_origin AS c FROM participant p WHERE p.id = ANY ($1::uuid[])`,
      [p.pid],
    )
  ).rows;
  await q.query(
    `INSERT INTO citizen_preference (participant_id, municipality_code, language)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ON CONFLICT (participant_id) DO NOTHING`,
    [planned.map((w) => w.id), planned.map((w) => w.m), planned.map((w) => languageOf(w.c))],
  );
}

/**
 * The companies the demo placements created (the CVR trigger, migration 0140), given an
 * industry, an address, a contact person and a few logged contacts; and the follow-ups on the
 * hirings after 1, 3 and 6 months — all recorded, except some recent ones (which raise alerts).
 */
export async function completeDemoCompanies(
  tx: Sql,
  today: string,
  c: { names: string[]; industries: string[]; addresses: string[]; contactNames: readonly string[]; hiringTypes: readonly string[] },
) {
  const q = sqlOf(tx);
  await q.query(
    `UPDATE company c SET industry = x.industry, address = x.address || ', ' || m.name
     FROM unnest($1::text[], $2::text[], $3::text[]) AS x(name, industry, address), municipality m
     WHERE c.name = x.name AND m.code = c.municipality_code AND c.industry IS NULL`,
    [c.names, c.industries, c.addresses],
  );
  await q.query(
    `INSERT INTO company_contact_person (company_id, municipality_code, name, title, phone, email)
     SELECT c.id, c.municipality_code, ($1::text[])[1 + (c.cvr::int + c.municipality_code::int) % array_length($1::text[], 1)], 'Leder',
            '70 ' || lpad(((c.cvr::int + c.municipality_code::int) % 1000000)::text, 6, '0'), 'kontakt@' || c.cvr || '.demo.invalid'
     FROM company c WHERE NOT EXISTS (SELECT 1 FROM company_contact_person p WHERE p.company_id = c.id)`,
    [c.contactNames],
  );
  await q.query(
    `INSERT INTO company_contact (company_id, municipality_code, occurred_on, kind, note)
     SELECT c.id, c.municipality_code, $1::date - (k * 41 + (c.cvr::int + c.municipality_code::int) % 30),
            (ARRAY['besoeg', 'telefon', 'moede'])[k], (ARRAY['Besøg med kvinde i praktik.', 'Opfølgning på ansættelse.', 'Møde om nye praktikpladser.'])[k]
     FROM company c CROSS JOIN generate_series(1, 3) AS k
     WHERE NOT EXISTS (SELECT 1 FROM company_contact x WHERE x.company_id = c.id)`,
    [today],
  );
  await q.query(
    `INSERT INTO placement_follow_up (activity_id, participant_id, municipality_code, checkpoint_months, checked_on, still_employed, created_by)
     SELECT a.id, a.participant_id, a.municipality_code, m, d.due + 3, true, a.created_by
     FROM casework_activity a CROSS JOIN unnest(ARRAY[1, 3, 6]) AS m
     CROSS JOIN LATERAL (SELECT (a.start_date + make_interval(months => m))::date AS due) d
     WHERE a.type_key = ANY ($2::text[]) AND (a.end_date IS NULL OR a.end_date >= d.due) AND d.due + 3 <= $1::date
       AND NOT (d.due > $1::date - 45 AND extract(day FROM a.start_date)::int % 3 = 0)
     ON CONFLICT (activity_id, checkpoint_months) DO NOTHING`,
    [today, c.hiringTypes],
  );
}

/** The synthetic women's enrolments with their ids, in a stable order by enrolment (exemptions and visitation changes). */
export async function demoEnrolments(tx: Sql) {
  return (
    await sqlOf(tx).query<{
      eid: string;
      pid: string;
      mun: string;
      on: string;
      exit: string | null;
      visitation: string;
      cw: number | null;
    }>(
      `SELECT e.id AS eid, p.id AS pid, p.municipality_code AS mun, e.enrolled_on AS "on", e.exited_on AS "exit", e.visitation, e.caseworker_id AS cw
     FROM participant p JOIN enrolment e ON e.participant_id = p.id
     WHERE p.synthetic ORDER BY e.enrolled_on, p.municipality_code, p.last_name, p.first_name, p.birth_date, e.visitation`,
    )
  ).rows;
}

export async function insertDemoExemptionsAndVisitation(
  tx: Sql,
  ex: {
    pid: Col<string>;
    mun: Col<string>;
    kind: Col<string>;
    start: Col<string>;
    end: Col<string | null>;
    reason: Col<string | null>;
    by: Col<number | null>;
  },
  vc: {
    pid: Col<string>;
    mun: Col<string>;
    eid: Col<string>;
    on: Col<string>;
    to: Col<string>;
    reason: Col<string>;
    by: Col<number | null>;
  },
) {
  const q = sqlOf(tx);
  await q.query(
    `INSERT INTO casework_exemption (participant_id, municipality_code, kind, start_date, end_date, reason, created_by)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::date[], $6::text[], $7::int[])`,
    [ex.pid, ex.mun, ex.kind, ex.start, ex.end, ex.reason, ex.by],
  );
  await q.query(
    `INSERT INTO casework_visitation_change (participant_id, municipality_code, enrolment_id, changed_on, visitation, reason, created_by)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::date[], $5::text[], $6::text[], $7::int[])`,
    [vc.pid, vc.mun, vc.eid, vc.on, vc.to, vc.reason, vc.by],
  );
}
