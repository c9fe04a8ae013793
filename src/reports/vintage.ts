/** The data-vintage stamp of steering data: which definition, register import and case data a report rests on. */
import type { SteeringData } from '../app/steering/steering-data.ts';
import { DEFINITION } from '../monitoring/types.ts';
import type { DataVintage } from './model.ts';

export function vintageOf(d: Pick<SteeringData, 'vintage' | 'result' | 'months'>, periodFrom?: string): DataVintage {
  return {
    definition: DEFINITION,
    registerImportedAt: d.vintage.importedAt ? d.vintage.importedAt.toISOString() : null,
    lastWeek: d.vintage.lastWeek,
    lastMonth: d.vintage.lastMonth,
    periodFrom: periodFrom ?? d.result.series[0]?.month ?? d.months.month,
    periodTo: d.months.month,
    caseDataAt: d.vintage.caseDataAt.toISOString(),
  };
}
