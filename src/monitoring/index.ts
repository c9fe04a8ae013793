/**
 * Public API of register reading and monitoring (spec `kib-2019.1`, ../shared/spec/monitoring.md).
 */
export * from './types.ts';
export * as calendar from './calendar.ts';
export {
  addMonths, daysInMonth, firstWeekOfMonth, isoWeekIndex, isoWeekOf, lastWeekOfMonth, mondayOf, monthIndex,
  monthOfWeek, monthString, parseDate, parseMonth, parseWeek, weekString, weeksInIsoYear,
} from './calendar.ts';
export { monitor, MonitorOptionError } from './engine.ts';
export { explainParticipant, participantTimeline } from './explain.ts';
export { isFullTime, levelOf } from './classify.ts';
export { AGE_BANDS, ageBand } from './participant-facts.ts';
export { isSuppressed, share, suppressCells, type AdditiveSet } from './suppress.ts';
export { tidyRows, TIDY_COLUMNS, type TidyRow } from './tidy.ts';
export type { MonthExplanation, TimelineMonth, WeekExplanation } from './explain.ts';
export { type AgeBand } from './participant-facts.ts';
export { readParticipants, parseVisitation } from '../register/participants.ts';
export { readBenefits } from '../register/benefits.ts';
export { readHours } from '../register/hours.ts';
export { addCode, defaultCodeTable, emptyCodeTable, readCodeTable } from '../register/codetable.ts';
export { RegisterBuilder, buildRegisterData, type RegisterRows } from '../register/builder.ts';
export { RegisterInputError, type Place, type RegisterErrorCode } from '../register/errors.ts';
export { packPerson, unpackPerson } from '../register/pack.ts';
export { loadMonitorInput, readRegister, type InputPaths, type RegisterPaths } from '../register/load.ts';
export { keepCprHashes, keepCprs, type ReadOptions } from '../register/person-key.ts';
export { fileSource, sourceOf, type RegisterInput } from '../register/chunks.ts';
