/**
 * The follow-up rules, one function each. Every rule warns (advarsel) inside its lead time
 * and turns critical (kritisk) the day after its deadline; on the deadline itself it is still
 * a warning, because the rule is only broken once the limit is exceeded.
 */
import type { Alert, FollowUpInput } from './alert-types.ts';
import type { AlertSettings } from './alert-settings.ts';
import { latestScored } from './assessment.ts';
import { companyPauses } from './company-pauses.ts';
import { hiringFollowUpAlerts } from './companies.ts';
import { lastContact } from './conversations.ts';
import { exemptDays, shiftDeadline } from './exemptions.ts';
import { addDays, addMonths, daysBetween, formatDateDa, maxDate, type IsoDate } from '../core/dates.ts';
import { hasAbcStrategy, hasPlan } from './plan.ts';
import { WHO5 } from './who5.ts';

type Rule = (input: FollowUpInput, s: AlertSettings) => Alert[];

/** Within `leadDays` of the deadline → advarsel; after it → kritisk; else nothing. */
function timed(today: IsoDate, deadline: IsoDate, leadDays: number, warn: () => Alert, broken: () => Alert): Alert[] {
  if (today > deadline) return [broken()];
  if (daysBetween(today, deadline) <= leadDays) return [warn()];
  return [];
}

const weeks = (n: number) => (n === 1 ? '1 uge' : `${n} uger`);
const months = (n: number) => (n === 1 ? '1 måned' : `${n} måneder`);

/**
 * The first pause not yet closed by today that is, or will be, too long. Its deadline is moved
 * by her exempt days inside it, and a pause that ends by the moved deadline is not too long.
 */
export function openCompanyPause(input: FollowUpInput, s: AlertSettings) {
  return companyPauses({
    enrolmentDate: input.enrolment.date,
    exitDate: input.enrolment.exitDate,
    activities: input.activities,
    maxPauseWeeks: s.maxPauseCompanyWeeks,
    extraTypes: input.extraActivityTypes,
  })
    .filter((p) => p.nextStart === null || p.nextStart > input.today)
    .map((p) => {
      const deadline = shiftDeadline(input.exemptions, p.start, p.deadline, input.today);
      const end = p.lengthDays === null ? null : addDays(p.start, p.lengthDays);
      return { ...p, deadline, exceeded: end === null || end > deadline };
    })
    .find((p) => p.exceeded);
}

export const companyPauseRule: Rule = (input, s) => {
  const p = openCompanyPause(input, s);
  if (!p) return [];
  const limit = weeks(s.maxPauseCompanyWeeks);
  const planned = p.nextStart ? ` Det næste er planlagt til ${formatDateDa(p.nextStart)}.` : '';
  return timed(
    input.today,
    p.deadline,
    s.pauseWarningWeeks * 7,
    () => ({
      code: 'virksomhedspause',
      severity: 'advarsel',
      message: `Næste virksomhedsrettede tilbud skal starte senest ${formatDateDa(p.deadline)} (højst ${limit} pause).${planned}`,
      dueDate: p.deadline,
    }),
    () => ({
      code: 'virksomhedspause',
      severity: 'kritisk',
      message: `Mere end ${limit} uden virksomhedsrettet tilbud (pause siden ${formatDateDa(p.start)}).${planned}`,
      dueDate: p.deadline,
    }),
  );
};

const latestConversationDate = (conversations: readonly { date: IsoDate }[], today: IsoDate): IsoDate | null =>
  lastContact(conversations, today)?.date ?? null;

/** The day by which the next conversation must be held (counted from enrolment if none). */
export function conversationDeadline(input: FollowUpInput, s: AlertSettings): IsoDate {
  const last = latestConversationDate(input.conversations, input.today);
  const base = last === null ? input.enrolment.date : maxDate(last, input.enrolment.date);
  return shiftDeadline(input.exemptions, base, addMonths(base, s.maxMonthsWithoutConversation), input.today);
}

export const conversationIntervalRule: Rule = (input, s) => {
  const deadline = conversationDeadline(input, s);
  if (input.enrolment.exitDate !== null && input.enrolment.exitDate <= deadline) return [];
  const last = latestConversationDate(input.conversations, input.today);
  const since = last ? `seneste samtale ${formatDateDa(last)}` : `indskrivning ${formatDateDa(input.enrolment.date)}, ingen samtaler endnu`;
  // "fewer than N days remain" → warn when remaining < N, i.e. remaining ≤ N − 1
  return timed(
    input.today,
    deadline,
    s.conversationWarningDays - 1,
    () => ({
      code: 'samtale_frist',
      severity: 'advarsel',
      message: `Næste samtale skal holdes senest ${formatDateDa(deadline)} (${since}).`,
      dueDate: deadline,
    }),
    () => ({
      code: 'samtale_frist',
      severity: 'kritisk',
      message: `Mere end ${months(s.maxMonthsWithoutConversation)} uden samtale (${since}).`,
      dueDate: deadline,
    }),
  );
};

/**
 * Conversations in the last 12 months against the yearly target, prorated for newcomers and
 * for the days she was exempt.
 */
export function conversationPace(input: FollowUpInput, s: AlertSettings) {
  const windowStart = addMonths(input.today, -12);
  const from = maxDate(windowStart, input.enrolment.date);
  const held = input.conversations.filter((c) => c.date > windowStart && c.date >= input.enrolment.date && c.date <= input.today).length;
  const exempt = from < input.today ? exemptDays(input.exemptions, from, addDays(input.today, -1), input.today) : 0;
  const fraction = Math.min(1, Math.max(0, daysBetween(from, input.today) - exempt) / daysBetween(windowStart, input.today));
  const expected = Math.floor(s.conversationsPerYearTarget * fraction);
  return { held, expected };
}

export const conversationTargetRule: Rule = (input, s) => {
  const { held, expected } = conversationPace(input, s);
  if (held >= expected) return [];
  const prorated = expected < s.conversationsPerYearTarget ? ` (for den tid, hun har været indskrevet: ${expected})` : '';
  return [
    {
      code: 'samtaler_aarsmaal',
      severity: 'advarsel',
      message: `${held} samtaler de seneste 12 måneder; målet er ${s.conversationsPerYearTarget} om året${prorated}.`,
    },
  ];
};

/** The day plan, CV and ABC strategy are due. */
export const planDeadline = (input: FollowUpInput, s: AlertSettings): IsoDate =>
  shiftDeadline(input.exemptions, input.enrolment.date, addDays(input.enrolment.date, s.planDueDays), input.today);

export function missingPlanItems(plan: FollowUpInput['plan']) {
  const items: { code: 'plan_mangler' | 'cv_mangler' | 'abc_mangler'; what: string }[] = [];
  if (!hasPlan(plan)) items.push({ code: 'plan_mangler', what: 'Plan med jobmål' });
  if (!plan?.cvOnJobnet) items.push({ code: 'cv_mangler', what: 'CV på Jobnet' });
  if (!hasAbcStrategy(plan)) items.push({ code: 'abc_mangler', what: 'ABC-jobstrategi (A-, B- og C-job)' });
  return items;
}

export const planRule: Rule = (input, s) => {
  const deadline = planDeadline(input, s);
  if (input.enrolment.exitDate !== null && input.enrolment.exitDate <= deadline) return [];
  return missingPlanItems(input.plan).flatMap((item) =>
    timed(
      input.today,
      deadline,
      s.planWarningDays,
      () => ({
        code: item.code,
        severity: 'advarsel',
        message: `${item.what} skal være på plads senest ${formatDateDa(deadline)}.`,
        dueDate: deadline,
      }),
      () => ({
        code: item.code,
        severity: 'kritisk',
        message: `${item.what} mangler ${s.planDueDays} dage efter indskrivning (frist ${formatDateDa(deadline)}).`,
        dueDate: deadline,
      }),
    ),
  );
};

export const who5Rule: Rule = (input, s) => {
  const latest = latestScored(
    WHO5,
    input.assessments.filter((a) => a.date <= input.today),
  );
  if (!latest || latest.total >= s.who5Threshold) return [];
  const depression = latest.flags.find((f) => f.code === 'mulig_depression');
  return [
    {
      code: 'who5_lav',
      severity: depression ? 'kritisk' : 'advarsel',
      message: `WHO-5-score ${latest.total} (under ${s.who5Threshold}) den ${formatDateDa(latest.date)}: ${depression ? depression.text : 'risiko for nedsat trivsel'}.`,
    },
  ];
};

/** Follow-up on her hirings after 1, 3 and 6 months (companies.ts). */
export const hiringFollowUpRule: Rule = (input) =>
  input.hiringFollowUp ? hiringFollowUpAlerts(input.hiringFollowUp.hirings, input.hiringFollowUp.recorded, input.today) : [];

export const RULES: readonly Rule[] = [
  companyPauseRule,
  conversationIntervalRule,
  conversationTargetRule,
  planRule,
  who5Rule,
  hiringFollowUpRule,
];

/**
 * The rules that still apply while she is exempt: WHO-5 (her health) and the follow-up with the
 * company after a hiring (a duty toward the employer, not a meeting with her).
 */
export const RULES_WHILE_EXEMPT: readonly Rule[] = [who5Rule, hiringFollowUpRule];
