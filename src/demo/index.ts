/**
 * Public API of the synthetic demo data: the cohort, its register data, the CSV writers and
 * SIRI's published figures it is calibrated to. Everything here is synthetic and says so.
 */
export { generateCohort, DEFAULT_SEED, type CohortOptions } from './cohort.ts';
export { DEMO_MUNICIPALITIES, DEMO_PROJECTS, DEFAULT_COHORT_SIZE, type DemoMunicipality, type DemoProject } from './municipalities.ts';
export {
  generateRegisterData,
  toParticipants,
  toRegisterData,
  DEFAULT_REGISTER_TO,
  type DemoRegister,
  type PersonRegister,
  type RegisterOptions,
} from './register.ts';
export { deltagereCsv, ydelserWideCsv, ydelserLongCsv, loentimerCsv, kodetabelCsv, decimalComma, wideWeekColumn } from './csv.ts';
export { writeDemoRegisterFiles, writeChunks, type BenefitLayout, type DemoFiles } from './files.ts';
export { monitorDemo, CALIBRATION_MONTHS } from './monitor-demo.ts';
export type { DemoCohort, DemoWoman, OutcomePlan } from './types.ts';
export { demoWorld, type DemoWorld } from './world.ts';
export { CURRENT_PROJECTS, currentProjectKey, generateCurrentProject, lastCompleteMonth } from './current.ts';
export { caseActivitiesFromRegister, checkCaseFile, type CaseActivity } from './case-file.ts';
