/**
 * Exit (udskrivning) and re-enrolment. A woman may be enrolled again after an exit; earlier
 * enrolments stay as history. The rule kept here: in one project her enrolments never
 * overlap, and at most one is open.
 */
import { z } from 'zod';
import { formatDateDa, type IsoDate } from '../core/dates.ts';
import { EXIT_REASONS } from '../core/codes.ts';
import { isoDateField, optionalTextField } from './form-fields.ts';
import { EXIT_REASON_LABELS } from '../core/labels.ts';

/** Exit reasons with Danish labels, in display order. */
export const EXIT_REASON_OPTIONS = EXIT_REASONS.map((value) => ({ value, label: EXIT_REASON_LABELS[value] }));

/** The exit form for an enrolment that started on `enrolmentDate`. "Andet" needs a note. */
export function makeExitSchema(enrolmentDate: IsoDate) {
  return z
    .object({
      exitDate: isoDateField.refine((d) => d >= enrolmentDate, {
        message: `Udskrivningsdatoen kan ikke ligge før indskrivningsdatoen (${formatDateDa(enrolmentDate)}).`,
      }),
      reason: z.enum(EXIT_REASONS, { error: 'Vælg en årsag til udskrivningen.' }),
      note: optionalTextField(1000, 'Bemærkningen må højst være 1000 tegn.'),
    })
    .superRefine((v, ctx) => {
      if (v.reason === 'andet' && !v.note) {
        ctx.addIssue({ code: 'custom', path: ['note'], message: 'Beskriv årsagen, når du vælger "Andet".' });
      }
    });
}

export type Exit = z.output<ReturnType<typeof makeExitSchema>>;

export interface EnrolmentPeriod {
  projectId: string;
  enrolmentDate: IsoDate;
  exitDate: IsoDate | null;
}

export type EnrolCheck = { ok: true } | { ok: false; error: string };

/**
 * May she be enrolled in `candidate.projectId` from `candidate.enrolmentDate`? Not while she
 * has an open enrolment there, and not on or before the exit date of an earlier one (the new
 * enrolment is open-ended, so it would overlap). Other projects do not matter.
 */
export function checkReEnrolment(
  history: readonly EnrolmentPeriod[],
  candidate: { projectId: string; enrolmentDate: IsoDate },
): EnrolCheck {
  for (const p of history) {
    if (p.projectId !== candidate.projectId) continue;
    if (p.exitDate === null) {
      return {
        ok: false,
        error: `Borgeren er allerede indskrevet i projektet (siden ${formatDateDa(p.enrolmentDate)}). Udskriv hende, før hun indskrives igen.`,
      };
    }
    if (candidate.enrolmentDate <= p.exitDate) {
      return {
        ok: false,
        error: `Den nye indskrivning overlapper et tidligere forløb (${formatDateDa(p.enrolmentDate)}–${formatDateDa(p.exitDate)}). Vælg en dato efter ${formatDateDa(p.exitDate)}.`,
      };
    }
  }
  return { ok: true };
}

/** Check a whole stored history: per project no overlaps and at most one open enrolment. */
export function validateEnrolmentHistory(history: readonly EnrolmentPeriod[]): string[] {
  const errors: string[] = [];
  const byProject = new Map<string, EnrolmentPeriod[]>();
  for (const p of history) byProject.set(p.projectId, [...(byProject.get(p.projectId) ?? []), p]);
  for (const [projectId, periods] of byProject) {
    const sorted = [...periods].sort((a, b) => a.enrolmentDate.localeCompare(b.enrolmentDate));
    for (let i = 0; i < sorted.length; i++) {
      const p = sorted[i];
      if (p.exitDate !== null && p.exitDate < p.enrolmentDate) {
        errors.push(`Projekt ${projectId}: forløbet fra ${formatDateDa(p.enrolmentDate)} slutter før det begynder.`);
      }
      const next = sorted[i + 1];
      if (next && (p.exitDate === null || next.enrolmentDate <= p.exitDate)) {
        errors.push(
          `Projekt ${projectId}: forløbene fra ${formatDateDa(p.enrolmentDate)} og ${formatDateDa(next.enrolmentDate)} overlapper.`,
        );
      }
    }
  }
  return errors;
}
