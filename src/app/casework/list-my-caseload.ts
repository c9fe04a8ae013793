/**
 * "Mine borgere": each of the caseworker's enrolled women with her alerts, next due date and
 * last contact, plus the caseload alert, and the women she is company consultant for (marked,
 * with only the company work's alerts). A project leader sees every enrolled woman of her
 * municipalities. One audited read.
 */
import type { Actor } from '../../core/actor.ts';
import { door, type Db } from '../../db/door.ts';
import { caseloadRecords, openEnrolments, type CaseloadEnrolment } from '../../db/casework/caseload.ts';
import { loadProjectConfig, type ProjectConfig } from '../../db/casework/project-config.ts';
import { exemptionsOf } from '../../db/casework/exemptions.ts';
import { consultantsOn, womenOfConsultant } from '../../db/casework/consultants.ts';
import { exemptionOn, type ExemptionPeriod } from '../../domain/exemptions.ts';
import { caseloadAlerts, computeAlerts, type Alert } from '../../domain/alerts.ts';
import { nextDueDate, type DueDate } from '../../domain/follow-up.ts';
import { lastContact } from '../../domain/conversations.ts';
import { daysBetween } from '../../core/dates.ts';
import { todayInDenmark } from './today.ts';

import { type AlertCode } from '../../core/codes.ts';
export interface CaseloadRow extends CaseloadEnrolment {
  alerts: Alert[];
  nextDue: DueDate | null;
  lastContact: string | null;
  /** 0 = a possible depression, 1 = another critical alert, 2 = warnings only, 3 = no alert. */
  urgency: 0 | 1 | 2 | 3;
  /** Days past the earliest due date of her alerts of that level (0 when none is past). */
  overdueDays: number;
  /** The exemption period covering today ("fritaget til …"), if any. */
  exempt: ExemptionPeriod | null;
  /** Her company consultant today (virksomhedskonsulent), if any. */
  consultantId: number | null;
  consultantName: string | null;
  /** In the list because the caseworker is her company consultant, not her caseworker. */
  asConsultant: boolean;
}

/** Alerts that belong to the company work: the company consultant gets them, not the caseworker. */
const COMPANY_ALERTS: readonly AlertCode[] = ['ansaettelse_opfoelgning'];

/**
 * Whose worklist an alert belongs on: with a company consultant, the hiring follow-up goes to
 * her, and the consultant sees only that company work; without one, the caseworker has it all.
 */
export function alertsFor(alerts: Alert[], viewer: number | null, caseworkerId: number | null, consultantId: number | null): Alert[] {
  if (viewer === null || consultantId === null) return alerts;
  const company = (a: Alert) => COMPANY_ALERTS.includes(a.code);
  if (viewer === caseworkerId) return viewer === consultantId ? alerts : alerts.filter((a) => !company(a));
  return viewer === consultantId ? alerts.filter(company) : alerts;
}

/** 'varsler' (the default) is the worklist order: urgency, then days overdue, then next due date. */
export const CASELOAD_SORTS = ['varsler', 'navn', 'frist', 'kontakt'] as const;
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

/**
 * How urgent her alerts are: a possible depression (a risk to her health) before any deadline,
 * then other critical alerts, then warnings.
 */
export function urgencyOf(alerts: readonly Alert[]): CaseloadRow['urgency'] {
  if (alerts.some((a) => a.severity === 'kritisk' && a.code === 'who5_lav')) return 0;
  if (alerts.some((a) => a.severity === 'kritisk')) return 1;
  return alerts.length ? 2 : 3;
}

/** Days past the earliest due date among the alerts of the given urgency (0 if none is past). */
export function overdueDaysOf(alerts: readonly Alert[], today: string): number {
  const due = alerts.filter((a) => a.severity === 'kritisk' && a.dueDate && a.dueDate < today).map((a) => daysBetween(a.dueDate!, today));
  return due.length ? Math.max(...due) : 0;
}

const byName = (a: CaseloadRow, b: CaseloadRow) =>
  a.lastName.localeCompare(b.lastName, 'da') || a.firstName.localeCompare(b.firstName, 'da') || a.birthDate.localeCompare(b.birthDate);

function compare(sort: CaseloadSort) {
  switch (sort) {
    case 'varsler':
      return (a: CaseloadRow, b: CaseloadRow) =>
        a.urgency - b.urgency ||
        b.overdueDays - a.overdueDays ||
        (a.nextDue?.date ?? '9999').localeCompare(b.nextDue?.date ?? '9999') ||
        byName(a, b);
    case 'frist':
      return (a: CaseloadRow, b: CaseloadRow) => (a.nextDue?.date ?? '9999').localeCompare(b.nextDue?.date ?? '9999');
    case 'kontakt':
      return (a: CaseloadRow, b: CaseloadRow) => (a.lastContact ?? '0000').localeCompare(b.lastContact ?? '0000');
    default:
      return byName;
  }
}

export async function listMyCaseload(db: Db, actor: Actor, opts: CaseloadQuery = {}, today = todayInDenmark()): Promise<Caseload> {
  return door(db, actor, async (tx) => {
    const own = actor.role === 'sagsbehandler' ? actor.userId : null;
    const enrolments = await openEnrolments(tx, today, own, own === null ? [] : await womenOfConsultant(tx, own, today));
    const ids = enrolments.map((e) => e.participantId);
    const projectIds = [...new Set(enrolments.map((e) => e.projectId))];
    // Started together: one message to PostgreSQL (db/database.ts: batchingQueryable).
    const [consultants, records, exemptions, projectConfigs] = await Promise.all([
      consultantsOn(tx, ids, today),
      caseloadRecords(tx, ids),
      exemptionsOf(tx, ids),
      Promise.all(projectIds.map((id) => loadProjectConfig(tx, id))),
    ]);
    const configs = new Map<number, ProjectConfig>(projectIds.map((id, i) => [id, projectConfigs[i]]));
    const all: CaseloadRow[] = enrolments.map((e) => {
      const config = configs.get(e.projectId)!;
      const conversations = records.conversations.get(e.participantId) ?? [];
      const activities = records.activities.get(e.participantId) ?? [];
      const input = {
        enrolment: { date: e.enrolledOn, exitDate: e.exitedOn },
        activities,
        hiringFollowUp: { hirings: activities, recorded: records.followUps.get(e.participantId) ?? [] },
        conversations,
        plan: records.plans.get(e.participantId) ?? null,
        assessments: records.assessments.get(e.participantId) ?? [],
        today,
        settings: config.settings,
        extraActivityTypes: config.extraTypes,
        exemptions: exemptions.get(e.participantId) ?? [],
      };
      const consultant = consultants.get(e.participantId) ?? null;
      const alerts = alertsFor(computeAlerts(input), own, e.caseworkerId, consultant?.id ?? null);
      const exempt = exemptionOn(input.exemptions, today);
      return {
        ...e,
        alerts,
        consultantId: consultant?.id ?? null,
        consultantName: consultant?.name ?? null,
        asConsultant: own !== null && e.caseworkerId !== own,
        nextDue: nextDueDate(input),
        lastContact: lastContact(conversations, today)?.date ?? null,
        urgency: urgencyOf(alerts),
        overdueDays: overdueDaysOf(alerts, today),
        exempt: exempt ? { kind: exempt.kind, startDate: exempt.startDate, endDate: exempt.endDate } : null,
      };
    });
    // Caseload per caseworker against the (first) project's limit.
    const counts = new Map<number, { name: string; n: number; projectId: number }>();
    for (const e of all) {
      if (e.caseworkerId === null || e.asConsultant) continue;
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
    rows = [...rows].sort(compare(opts.sort ?? 'varsler'));
    if (opts.dir === 'desc') rows.reverse();
    const caseworkers = [...counts.entries()]
      .map(([id, c]) => ({ id, name: c.name, count: c.n }))
      .sort((a, b) => a.name.localeCompare(b.name, 'da'));
    return {
      value: { rows, total: all.length, caseloadAlerts: load, caseworkers, today },
      audit: { action: 'liste', entity: 'mine_borgere', detail: { shown: rows.length, total: all.length } },
    };
  });
}
