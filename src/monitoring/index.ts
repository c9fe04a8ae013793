/**
 * Public API of monitoring (spec `kib-2019.1`, ../shared/spec/monitoring.md); the register readers have their own (register/index.ts).
 */
export * from './types.ts';
export * as calendar from './calendar.ts';
export {
  addMonths,
  daysInMonth,
  firstWeekOfMonth,
  isoWeekIndex,
  isoWeekOf,
  lastWeekOfMonth,
  mondayOf,
  monthIndex,
  monthOfWeek,
  monthString,
  parseDate,
  parseMonth,
  parseWeek,
  weekString,
  weeksInIsoYear,
} from './calendar.ts';
export { monitor, MonitorOptionError } from './engine.ts';
export { RegisterInputError, type Place, type RegisterErrorCode } from './input-errors.ts';
export { explainParticipant, participantTimeline } from './explain.ts';
export { isFullTime, levelOf } from './classify.ts';
export { AGE_BANDS, ageBand, prepareParticipants } from './participant-facts.ts';
export { isSuppressed, share, suppressCells, type AdditiveSet } from './suppress.ts';
export { tidyRows, TIDY_COLUMNS, type TidyRow } from './tidy.ts';
export type { MonthExplanation, TimelineMonth, WeekExplanation } from './explain.ts';
export { type AgeBand } from './participant-facts.ts';
