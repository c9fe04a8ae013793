/**
 * Runs the real monitoring engine on a demo cohort with the calibration months of SIRI's
 * evaluation (report month 2022-12, durable and snapshot month 2023-02). Used by the
 * calibration test and available to a report page that shows computed beside published.
 */
import { monitor } from '../monitoring/index.ts';
import type { MonitorResult } from '../monitoring/types.ts';
import { defaultCodeTable } from '../register/codetable.ts';
import { generateRegisterData, toParticipants, toRegisterData, type DemoRegister } from './register.ts';
import type { DemoCohort } from './types.ts';

export const CALIBRATION_MONTHS = { month: '2022-12', durableMonth: '2023-02', snapshotMonth: '2023-02' } as const;

export function monitorDemo(cohort: DemoCohort, reg: DemoRegister = generateRegisterData(cohort), suppress = 0): MonitorResult {
  return monitor(
    { participants: toParticipants(cohort.women), register: toRegisterData(reg), codeTable: defaultCodeTable() },
    { ...CALIBRATION_MONTHS, suppress },
  );
}
