/**
 * A project's own progression instruments (issue 14 build 5): Aalborg's progressionstrappe,
 * Slagelse's progression tool. A project leader defines the name, a scale (e.g. 1–5 or 1–10) and
 * dimensions with a text for every step. Definitions are versioned: a version with scores is
 * frozen and editing it makes the next version. Every version is its own Instrument (key
 * `projekt-<id>-v<n>`), so scoring and distance travelled (assessment.ts) compare a woman's scores
 * within one version only: versions are never bridged, as step texts may mean other things.
 */
import type { Instrument } from './instrument-types.ts';

export const MAX_DIMENSIONS = 12;
export const SCALE_LOWEST = 0;
export const SCALE_HIGHEST = 10;
const MAX_NAME = 120;
const MAX_STEP_TEXT = 300;

export interface ProjectDimension {
  key: string;
  name: string;
  /** One text per step, from the lowest (scaleMin) to the highest (scaleMax). */
  steps: string[];
}

export interface InstrumentDefinition {
  name: string;
  scaleMin: number;
  scaleMax: number;
  dimensions: ProjectDimension[];
}

export interface ProjectInstrumentVersion extends InstrumentDefinition {
  /** Row id of the version. */
  id: number;
  instrumentId: number;
  projectId: number;
  version: number;
  createdAt: string;
  /** Set when its first score was saved: from then on the version is frozen. */
  usedAt: string | null;
  retiredAt: string | null;
}

export const projectInstrumentKey = (instrumentId: number, version: number) => `projekt-${instrumentId}-v${version}`;

/** The instrument id and version of a project instrument key, or null for a built-in key. */
export function parseProjectInstrumentKey(key: string): { instrumentId: number; version: number } | null {
  const m = /^projekt-(\d{1,9})-v(\d{1,4})$/.exec(key);
  return m ? { instrumentId: Number(m[1]), version: Number(m[2]) } : null;
}

export const stepCount = (d: Pick<InstrumentDefinition, 'scaleMin' | 'scaleMax'>) => d.scaleMax - d.scaleMin + 1;

/** A version as an Instrument: step values scaleMin…scaleMax, total = the sum of the steps. */
export function toInstrument(v: ProjectInstrumentVersion): Instrument {
  return {
    key: projectInstrumentKey(v.instrumentId, v.version),
    name: `${v.name} (version ${v.version})`,
    dimensions: v.dimensions.map((d) => ({ key: d.key, name: d.name, steps: d.steps.map((text, i) => ({ value: v.scaleMin + i, text })) })),
    scoring: { kind: 'sum', multiplier: 1, flags: [] },
  };
}

/** The version that takes new scores: the newest one not retired, or none. */
export function currentVersion<T extends Pick<ProjectInstrumentVersion, 'version' | 'retiredAt'>>(versions: readonly T[]): T | null {
  const newest = [...versions].sort((a, b) => b.version - a.version)[0];
  return newest && !newest.retiredAt ? newest : null;
}

/** Form field names of dimension slot i (1-based). */
export const dimField = (i: number, f: 'name' | 'steps') => `dim${i}.${f}`;

/** How many dimension slots the form shows: the ones filled in and two empty ones, at most MAX_DIMENSIONS. */
export function dimensionSlots(filled: number): number {
  return Math.min(MAX_DIMENSIONS, Math.max(3, filled + 2));
}

/** The form values of a definition (to edit it). */
export function definitionValues(d: InstrumentDefinition): Record<string, string> {
  const out: Record<string, string> = { name: d.name, scaleMin: String(d.scaleMin), scaleMax: String(d.scaleMax) };
  d.dimensions.forEach((x, i) => {
    out[dimField(i + 1, 'name')] = x.name;
    out[dimField(i + 1, 'steps')] = x.steps.join('\n');
  });
  return out;
}

const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim());

export type DefinitionResult = { ok: true; value: InstrumentDefinition } | { ok: false; errors: Record<string, string> };

/**
 * Read and check a definition from the form: a name, a scale of whole numbers from 0 to 10 with
 * at least two steps, and 1–12 dimensions, each with a name and exactly one text per step (one
 * line each, lowest first). Empty slots are skipped. Errors are Danish, keyed by field.
 */
export function parseDefinition(form: Record<string, string>): DefinitionResult {
  const errors: Record<string, string> = {};
  const name = (form.name ?? '').trim();
  if (!name) errors.name = 'Giv måleredskabet et navn.';
  else if (name.length > MAX_NAME) errors.name = `Navnet må højst være ${MAX_NAME} tegn.`;
  const whole = (v: string | undefined) => (/^\s*\d{1,2}\s*$/.test(v ?? '') ? Number(v) : null);
  const scaleMin = whole(form.scaleMin);
  const scaleMax = whole(form.scaleMax);
  if (scaleMin === null || scaleMin < SCALE_LOWEST || scaleMin > SCALE_HIGHEST)
    errors.scaleMin = `Skalaens laveste trin skal være et helt tal fra ${SCALE_LOWEST} til ${SCALE_HIGHEST}.`;
  if (scaleMax === null || scaleMax < SCALE_LOWEST || scaleMax > SCALE_HIGHEST)
    errors.scaleMax = `Skalaens højeste trin skal være et helt tal fra ${SCALE_LOWEST} til ${SCALE_HIGHEST}.`;
  else if (scaleMin !== null && !errors.scaleMin && scaleMax <= scaleMin)
    errors.scaleMax = 'Skalaens højeste trin skal være større end det laveste.';
  const scaleOk = !errors.scaleMin && !errors.scaleMax;
  const count = scaleOk ? scaleMax! - scaleMin! + 1 : 0;

  const dimensions: ProjectDimension[] = [];
  const seen = new Set<string>();
  for (let i = 1; i <= MAX_DIMENSIONS + 5; i++) {
    const dn = (form[dimField(i, 'name')] ?? '').trim();
    const rawSteps = form[dimField(i, 'steps')] ?? '';
    const steps = lines(rawSteps);
    while (steps.length && steps[steps.length - 1] === '') steps.pop();
    while (steps.length && steps[0] === '') steps.shift();
    if (!dn && steps.length === 0) continue;
    if (i > MAX_DIMENSIONS) {
      errors[dimField(i, 'name')] = `Et måleredskab kan højst have ${MAX_DIMENSIONS} dimensioner.`;
      continue;
    }
    const label = dn ? `"${dn}"` : `nr. ${i}`;
    if (!dn) errors[dimField(i, 'name')] = `Giv dimension nr. ${i} et navn.`;
    else if (dn.length > MAX_NAME) errors[dimField(i, 'name')] = `Navnet på dimension nr. ${i} må højst være ${MAX_NAME} tegn.`;
    else if (seen.has(dn.toLowerCase())) errors[dimField(i, 'name')] = `Der er allerede en dimension, der hedder "${dn}".`;
    seen.add(dn.toLowerCase());
    if (steps.some((s) => s === ''))
      errors[dimField(i, 'steps')] = `Dimensionen ${label} har en tom linje: skriv en tekst for hvert trin, én linje pr. trin.`;
    else if (steps.some((s) => s.length > MAX_STEP_TEXT))
      errors[dimField(i, 'steps')] = `Hver trintekst i dimensionen ${label} må højst være ${MAX_STEP_TEXT} tegn.`;
    else if (scaleOk && steps.length !== count) {
      errors[dimField(i, 'steps')] =
        `Dimensionen ${label} skal have en tekst for hvert trin: ${count} trin (${scaleMin}–${scaleMax}), én linje pr. trin. Der er ${steps.length}.`;
    }
    dimensions.push({ key: `d${dimensions.length + 1}`, name: dn, steps });
  }
  if (dimensions.length === 0 && !errors[dimField(1, 'name')])
    errors[dimField(1, 'name')] = 'Måleredskabet skal have mindst én dimension med navn og trintekster.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name, scaleMin: scaleMin!, scaleMax: scaleMax!, dimensions } };
}

/** True when two definitions say the same (an edit that changes nothing makes no version). */
export function sameDefinition(a: InstrumentDefinition, b: InstrumentDefinition): boolean {
  const norm = (d: InstrumentDefinition) =>
    JSON.stringify([d.name, d.scaleMin, d.scaleMax, d.dimensions.map((x) => [x.key, x.name, x.steps])]);
  return norm(a) === norm(b);
}
