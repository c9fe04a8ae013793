/**
 * Legal retention: a woman's case must be kept while she is enrolled and for
 * `config.retentionYears` (RETENTION_YEARS_AFTER_EXIT, default 5) after her last exit; after that
 * it is anonymised. Erasing or anonymising earlier is refused (a person without any enrolment,
 * e.g. registered by mistake, may be erased at once).
 */

import type { RetentionState } from '../../db/gdpr/retention.ts';

export function retentionMessage(s: RetentionState, years: number): string {
  if (s.open > 0)
    return 'Kvinden er stadig indskrevet. Hendes oplysninger skal opbevares, til hun er udskrevet, og i ' + years + ' år derefter.';
  return `Oplysningerne skal opbevares i ${years} år efter udskrivning, dvs. til ${s.retainedUntil}. Først derefter kan de slettes eller anonymiseres.`;
}
