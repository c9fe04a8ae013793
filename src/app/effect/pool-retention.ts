/**
 * Retention of the comparison pool (issue 12): pool women are kept for `months`
 * (POOL_RETENTION_MONTHS, default 36) after their pool list was imported; after that they are
 * deleted with their register data (unless they are participants, whose data the casework's
 * own retention covers). Run by `fremdrift retention` beside the participants' retention.
 */
import { retentionActor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';
import { deleteExpiredPool } from '../../db/effect/pool.ts';

const SYSTEM = retentionActor('analytiker', 'styrelse');

/** The first instant that is still kept: `months` before `now`. */
export function poolCutoff(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

export async function runPoolRetention(deps: Pick<AppDeps, 'db'>, opts: { months: number; dryRun: boolean; now?: Date }) {
  const cutoff = poolCutoff(opts.now ?? new Date(), opts.months);
  const r = await deleteExpiredPool(deps.db, SYSTEM, cutoff, opts.dryRun);
  return { ...r, cutoff, months: opts.months };
}
