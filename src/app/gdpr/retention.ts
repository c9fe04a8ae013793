/**
 * Legal retention: a woman's case must be kept while she is enrolled and for
 * `config.retentionYears` (RETENTION_YEARS_AFTER_EXIT, default 5) after her last exit; after that
 * it is anonymised. Erasing or anonymising earlier is refused (a person without any enrolment,
 * e.g. registered by mistake, may be erased at once).
 */

export interface RetentionState {
  enrolments: number;
  open: number;
  lastExit: string | null;
  /** The first day she may be erased or anonymised; null when she may be now. */
  retainedUntil: string | null;
}

/** SQL over enrolment for one participant ($1) with the retention period in years ($2). */
export const RETENTION_SQL = `SELECT count(*)::int AS enrolments, count(*) FILTER (WHERE exited_on IS NULL)::int AS open,
    max(exited_on) AS "lastExit",
    CASE WHEN count(*) = 0 THEN NULL
         WHEN count(*) FILTER (WHERE exited_on IS NULL) > 0 THEN 'indskrevet'
         WHEN max(exited_on) + make_interval(years => $2) > current_date THEN to_char(max(exited_on) + make_interval(years => $2), 'YYYY-MM-DD')
         ELSE NULL END AS "retainedUntil"
  FROM enrolment WHERE participant_id = $1`;

export function retentionMessage(s: RetentionState, years: number): string {
  if (s.open > 0) return 'Kvinden er stadig indskrevet. Hendes oplysninger skal opbevares, til hun er udskrevet, og i ' + years + ' år derefter.';
  return `Oplysningerne skal opbevares i ${years} år efter udskrivning, dvs. til ${s.retainedUntil}. Først derefter kan de slettes eller anonymiseres.`;
}
