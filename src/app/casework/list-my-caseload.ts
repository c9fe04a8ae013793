/**
 * "Mine borgere": each of the caseworker's enrolled women with her alerts, next due date and
 * last contact, plus the caseload alert. A project leader sees every enrolled woman of her
 * municipalities. One audited read.
 */
import type { Actor } from '../../core/actor.ts';
import type { Database } from '../../db/database.ts';
import { withTenant } from '../../db/tenant.ts';
import { caseloadRecords, openEnrolments, type CaseloadEnrolment } from '../../db/casework/caseload.ts';
import { loadProjectConfig, type ProjectConfig } from '../../db/casework/project-config.ts';
import { caseloadAlerts, computeAlerts, type Alert } from '../../domain/alerts.ts';
import { nextDueDate, type DueDate } from '../../domain/follow-up.ts';
import { lastContact } from '../../domain/conversations.ts';
import { todayInDenmark } from './today.ts';

import { type AlertCode } from '../../core/codes.ts';
export interface CaseloadRow extends CaseloadEnrolment {
  alerts: Alert[];
  nextDue: DueDate | null;
  lastContact: string | null;
}

export const CASELOAD_SORTS = ['navn', 'varsler', 'frist', 'kontakt'] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

export interface CaseloadQuery {
  sort?: CaseloadSort;
  dir?: 'asc' | 'desc';
  onlyAlerts?: boolean;
  code?: AlertCode | '';
  /** Project leaders: only this caseworker's women. */
  caseworkerId?: number;
}

export interface Caseload {
  rows: CaseloadRow[];
  total: number;
  caseloadAlerts: Alert[];
  /** Caseworkers with women in the list (for the project leader's filter). */
  caseworkers: { id: number; name: string; count: number }[];
  today: string;
}

const severityScore = (r: CaseloadRow) => r.alerts.reduce((s, a) => s + (a.severity === 'kritisk' ? 100 : 1), 0);

function compare(sort: CaseloadSort) {
  switch (sort) {
    case 'varsler':
      return (a: CaseloadRow, b: CaseloadRow) => severityScore(b) - severityScore(a);
    case 'frist':
      return (a: CaseloadRow, b: CaseloadRow) => (a.nextDue?.date ?? '9999').localeCompare(b.nextDue?.date ?? '9999');
    case 'kontakt':
      return (a: CaseloadRow, b: CaseloadRow) => (a.lastContact ?? '0000').localeCompare(b.lastContact ?? '0000');
    default:
      return (a: CaseloadRow, b: CaseloadRow) => a.lastName.localeCompare(b.lastName, 'da') || a.firstName.localeCompare(b.firstName, 'da');
  }
}

export async function listMyCaseload(db: Database, actor: Actor, opts: CaseloadQuery = {}, today = todayInDenmark()): Promise<Caseload> {
  return withTenant(db, actor, async (q, audit) => {
    const own = actor.role === 'sagsbehandler' ? actor.userId : null;
    const enrolments = await openEnrolments(q, today, own);
    const records = await caseloadRecords(q, enrolments.map((e) => e.participantId));
    const configs = new Map<number, ProjectConfig>();
    for (const id of new Set(enrolments.map((e) => e.projectId))) configs.set(id, await loadProjectConfig(q, id));
    const all: CaseloadRow[] = enrolments.map((e) => {
      const config = configs.get(e.projectId)!;
      const conversations = records.conversations.get(e.participantId) ?? [];
      const input = {
        enrolment: { date: e.enrolledOn, exitDate: e.exitedOn },
        activities: records.activities.get(e.participantId) ?? [],
        conversations,
        plan: records.plans.get(e.participantId) ?? null,
        assessments: records.assessments.get(e.participantId) ?? [],
        today,
        settings: config.settings,
        extraActivityTypes: config.extraTypes,
      };
      return { ...e, alerts: computeAlerts(input), nextDue: nextDueDate(input), lastContact: lastContact(conversations, today)?.date ?? null };
    });
    // Caseload per caseworker against the (first) project's limit.
    const counts = new Map<number, { name: string; n: number; projectId: number }>();
    for (const e of all) {
      if (e.caseworkerId === null) continue;
      const c = counts.get(e.caseworkerId) ?? { name: e.caseworkerName ?? '', n: 0, projectId: e.projectId };
      c.n++;
      counts.set(e.caseworkerId, c);
    }
    const load = [...counts.entries()].flatMap(([id, c]) =>
      caseloadAlerts([{ caseworkerId: String(id), name: c.name, activeCount: c.n }], configs.get(c.projectId)?.settings),
    );
    let rows = all;
    if (opts.onlyAlerts) rows = rows.filter((r) => r.alerts.length > 0);
    if (opts.code) rows = rows.filter((r) => r.alerts.some((a) => a.code === opts.code));
    if (opts.caseworkerId) rows = rows.filter((r) => r.caseworkerId === opts.caseworkerId);
    rows = [...rows].sort(compare(opts.sort ?? 'navn'));
    if (opts.dir === 'desc') rows.reverse();
    await audit({ action: 'liste', entity: 'mine_borgere', detail: { shown: rows.length, total: all.length } });
    const caseworkers = [...counts.entries()].map(([id, c]) => ({ id, name: c.name, count: c.n })).sort((a, b) => a.name.localeCompare(b.name, 'da'));
    return { rows, total: all.length, caseloadAlerts: load, caseworkers, today };
  });
}
