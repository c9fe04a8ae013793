/**
 * The cohort's distance travelled on WHO-5 and Fremdriftstrappen: a caseworker's own women, or
 * every woman of a project leader's municipalities. One audited read.
 *
 * Also the one place that groups progression by visitation at enrolment (issue 13): per
 * enrolment, her assessments dated inside the enrolment, and the distance travelled per
 * visitation group for each instrument (`progressionByVisitation`). The project reports, the
 * national view and project-defined instruments use these.
 */
import type { Actor } from '../../core/actor.ts';
import type { Visitation } from '../../core/codes.ts';
import { door, type Db, type Tx } from '../../db/door.ts';
import { listInstrumentVersions } from '../../db/casework/project-instruments.ts';
import { toInstrument, type ProjectInstrumentVersion } from '../../domain/project-instruments.ts';
import { assessmentsOfCaseload, enrolmentAssessments, type EnrolmentAssessmentRow } from '../../db/casework/assessments.ts';
import {
  BUILT_IN_INSTRUMENTS,
  cohortDistance,
  distanceByVisitation,
  FREMDRIFTSTRAPPEN,
  WHO5,
  type Assessment,
  type CohortDistance,
  type DistanceByVisitation,
  type EnrolmentAssessments,
  type Instrument,
} from '../../domain/instruments.ts';

export interface CohortProgression {
  women: number;
  who5: CohortDistance;
  trappen: CohortDistance;
  /** Per instrument, distance travelled per visitation group at enrolment (her enrolments in scope). */
  byVisitation: DistanceByVisitation[];
  /**
   * The projects' own instruments (issue 14 build 5), one entry per version with scores: distance
   * travelled per visitation group within that version only (versions are not bridged).
   */
  projectInstruments: { version: ProjectInstrumentVersion; instrument: Instrument; byVisitation: DistanceByVisitation }[];
}

/** One enrolment with her assessments dated inside it. */
export interface EnrolmentProgression extends EnrolmentAssessments {
  enrolmentId: string;
  participantId: string;
  projectId: number;
  municipality: string;
  enrolledOn: string;
  exitedOn: string | null;
  assessments: Assessment[];
}

/** Rows of `enrolmentAssessments` (one per assessment) → one entry per enrolment. */
export function groupByEnrolment(rows: readonly EnrolmentAssessmentRow[]): EnrolmentProgression[] {
  const out = new Map<string, EnrolmentProgression>();
  for (const r of rows) {
    let e = out.get(r.enrolmentId);
    if (!e) {
      e = {
        enrolmentId: r.enrolmentId,
        participantId: r.participantId,
        projectId: r.projectId,
        municipality: r.municipality.trim(),
        visitation: r.visitation as Visitation,
        enrolledOn: r.enrolledOn,
        exitedOn: r.exitedOn,
        assessments: [],
      };
      out.set(r.enrolmentId, e);
    }
    if (r.instrumentKey !== null && r.date !== null && r.answers !== null)
      e.assessments.push({ instrumentKey: r.instrumentKey, date: r.date, answers: r.answers });
  }
  return [...out.values()];
}

/** Inside a door: the enrolments in scope with their assessments (see `enrolmentAssessments`). */
export async function loadEnrolmentProgression(tx: Tx, f: Parameters<typeof enrolmentAssessments>[1]): Promise<EnrolmentProgression[]> {
  return groupByEnrolment(await enrolmentAssessments(tx, f));
}

/** Distance travelled per visitation group at enrolment, one entry per instrument (WHO-5 and Fremdriftstrappen unless given). */
export function progressionByVisitation(
  enrolments: readonly EnrolmentAssessments[],
  instruments: readonly Instrument[] = BUILT_IN_INSTRUMENTS,
): DistanceByVisitation[] {
  return instruments.map((i) => distanceByVisitation(i, enrolments));
}

/** One instrument and the enrolments its distance travelled is counted over. */
export interface InstrumentCohort {
  instrument: Instrument;
  /** The project whose own instrument it is; null for WHO-5 and Fremdriftstrappen (every project's). */
  projectId: number | null;
  enrolments: EnrolmentProgression[];
}

/**
 * Inside a door: every instrument counted for these enrolments — WHO-5 and Fremdriftstrappen over
 * all of them, then each version of a project's own instrument that has scores (issue 14 build 5)
 * over its project's enrolments only (versions are not bridged). The project reports, the national
 * view and the microdata count the same instruments as the Progression page.
 */
export async function instrumentCohorts(tx: Tx, enrolments: readonly EnrolmentProgression[]): Promise<InstrumentCohort[]> {
  const versions = (await listInstrumentVersions(tx, [...new Set(enrolments.map((e) => e.projectId))])).filter((v) => v.usedAt);
  return [
    ...BUILT_IN_INSTRUMENTS.map((instrument) => ({ instrument, projectId: null, enrolments: [...enrolments] })),
    ...versions.map((v) => ({
      instrument: toInstrument(v),
      projectId: v.projectId,
      enrolments: enrolments.filter((e) => e.projectId === v.projectId),
    })),
  ];
}

export async function getCohortProgression(db: Db, actor: Actor): Promise<CohortProgression> {
  return door(db, actor, async (tx) => {
    const own = actor.role === 'sagsbehandler' ? actor.userId : null;
    const rows = await assessmentsOfCaseload(tx, own);
    const byWoman = new Map<string, Assessment[]>();
    for (const r of rows) {
      const list = byWoman.get(r.pid) ?? [];
      list.push({ instrumentKey: r.instrumentKey, date: r.date, answers: r.answers });
      byWoman.set(r.pid, list);
    }
    const women = [...byWoman.values()];
    const enrolments = await loadEnrolmentProgression(tx, { caseworkerId: own });
    const versions = (await listInstrumentVersions(tx, [...new Set(enrolments.map((e) => e.projectId))])).filter((v) => v.usedAt);
    const projectInstruments = versions.map((version) => {
      const instrument = toInstrument(version);
      // Only the enrolments in this version's project count (her scores are dated inside them).
      return {
        version,
        instrument,
        byVisitation: distanceByVisitation(
          instrument,
          enrolments.filter((e) => e.projectId === version.projectId),
        ),
      };
    });
    return {
      value: {
        women: women.length,
        who5: cohortDistance(WHO5, women),
        trappen: cohortDistance(FREMDRIFTSTRAPPEN, women),
        byVisitation: progressionByVisitation(enrolments),
        projectInstruments,
      },
      audit: { action: 'liste', entity: 'progression', detail: { women: women.length, own: own !== null } },
    };
  });
}
