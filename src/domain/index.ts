/**
 * The caseworker's domain layer in one import. Pure functions and zod schemas: no database,
 * no HTTP, no clock (pass `today`). See README.md beside this file.
 */
export * from '../core/dates.ts';
export { isoDateField, optionalIsoDateField, parseDecimalInput, booleanField } from './form-fields.ts';
export * from '../core/cpr.ts';
export * from './cvr.ts';
export * from './countries.ts';
export * from './target-group.ts';
export * from './plan.ts';
export * from './activities.ts';
export * from './activity.ts';
export * from './conversations.ts';
export * from './instruments.ts';
export * from './alert-settings.ts';
export * from './alerts.ts';
export { companyPauses, companyCoverage, type ActivityPeriod, type CompanyPause } from './company-pauses.ts';
export { dueDates, nextDueDate, type DueDate, type DueKind } from './follow-up.ts';
export * from './timeline.ts';
export * from './exit.ts';
