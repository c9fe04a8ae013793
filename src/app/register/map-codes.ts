/**
 * Unknown codes mapped by the analyst (issue 9, build item 3). A delivery whose codes the code
 * table does not know waits (register_pending_upload) while the analyst maps each code to a
 * category with a reason; the mappings are saved as her organisation's additions to the code
 * table (who, when, why; audited), then the file is imported. A mapping can be corrected later:
 * the correction is a new mapping, the earlier one stays as replaced.
 */
import type { Actor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';
import {
  correctMapping,
  currentCodeMapping,
  findPendingUpload,
  listCodeMappings,
  saveUploadMappings,
  type CodeChoice,
  type CodeMappingRow,
  type PendingUpload,
} from '../../db/register-code-mappings.ts';
import { CATEGORIES, MAX_CODE, type Category } from '../../monitoring/types.ts';

export type { CodeChoice };

export const MAX_REASON = 500;

export interface ChoiceForm {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export const categoryField = (code: number) => `kategori-${code}`;
export const reasonField = (code: number) => `begrundelse-${code}`;

const isCategory = (s: string): s is Category => (CATEGORIES as readonly string[]).includes(s);

/** Read one category and reason per code from a form; Danish errors per field. */
export function readChoices(codes: number[], body: Record<string, unknown>): { choices: CodeChoice[]; form: ChoiceForm } {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const choices: CodeChoice[] = [];
  const str = (k: string) => {
    const v = body[k];
    return (Array.isArray(v) ? String(v[0] ?? '') : String(v ?? '')).trim();
  };
  for (const code of codes) {
    const cat = str(categoryField(code));
    const reason = str(reasonField(code)).replace(/\s+/g, ' ');
    values[categoryField(code)] = cat;
    values[reasonField(code)] = reason;
    if (!isCategory(cat)) errors[categoryField(code)] = `Vælg en kategori for kode ${code}.`;
    if (!reason) errors[reasonField(code)] = `Skriv en begrundelse for kode ${code}.`;
    else if (reason.length > MAX_REASON)
      errors[reasonField(code)] = `Begrundelsen for kode ${code} må højst have ${MAX_REASON} tegn (den har ${reason.length}).`;
    if (isCategory(cat) && reason && reason.length <= MAX_REASON) choices.push({ code, category: cat, reason });
  }
  return { choices: Object.keys(errors).length ? [] : choices, form: { values, errors } };
}

/** The upload of this job that waits for its unknown codes, only for the analyst who made it. */
export function pendingUpload(deps: Pick<AppDeps, 'db'>, actor: Actor, jobId: string): Promise<PendingUpload | undefined> {
  return findPendingUpload(deps.db, jobId, actor.userId);
}

/**
 * Save the analyst's mappings for an upload that waits for them (one transaction, audited per
 * code) and take it off the waiting list; returns it, so the caller imports its file.
 */
export function mapUnknownCodes(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  jobId: string,
  choices: CodeChoice[],
): Promise<PendingUpload | undefined> {
  return saveUploadMappings(deps.db, actor, jobId, choices);
}

/** Her organisation's own codes: current and replaced. */
export function ownCodes(deps: Pick<AppDeps, 'db'>, actor: Actor): Promise<CodeMappingRow[]> {
  return listCodeMappings(deps.db, actor.organisationId);
}

/** One own code in force, or undefined. */
export function ownCode(deps: Pick<AppDeps, 'db'>, actor: Actor, code: number): Promise<CodeMappingRow | undefined> {
  if (!Number.isInteger(code) || code < 0 || code > MAX_CODE) return Promise.resolve(undefined);
  return currentCodeMapping(deps.db, actor.organisationId, code);
}

export type CorrectOutcome = { ok: true } | { ok: false; notFound: true } | { ok: false; form: ChoiceForm };

/** Correct an own mapping: a new category and/or reason, the earlier mapping kept as replaced. */
export async function correctCodeMapping(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  code: number,
  body: Record<string, unknown>,
): Promise<CorrectOutcome> {
  if (!(await ownCode(deps, actor, code))) return { ok: false, notFound: true };
  const { choices, form } = readChoices([code], body);
  if (!choices.length) return { ok: false, form };
  return (await correctMapping(deps.db, actor, choices[0])) ? { ok: true } : { ok: false, notFound: true };
}
