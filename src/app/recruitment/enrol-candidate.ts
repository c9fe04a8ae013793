/**
 * "Indskriv" from a candidate (issue 13): the enrolment form opens pre-filled with what the
 * candidate list knows (CPR number, name, origin, project, the channel of her first contact),
 * and when the enrolment is saved her candidate record is linked to her case in the same
 * transaction, with an "indskrevet" step in her outreach log. From then on her candidate data
 * follows her case (access export, anonymisation, erasure).
 */
import type { AuditEntry, Tx } from '../../db/door.ts';
import { getCandidate, insertOutreach, linkCandidate, outreachOf } from '../../db/recruitment.ts';
import { candidateProgress, RECRUITMENT_CHANNEL_OF } from '../../domain/recruitment.ts';
import { COUNTRIES } from '../../domain/countries.ts';
import type { FieldErrors } from '../form.ts';
import { formatCpr } from '../../core/cpr.ts';
import type { Vault } from '../../security/vault.ts';

/**
 * Link the candidate to the woman just enrolled. Refused (an error on the form) when the
 * candidate is not visible to the actor, is someone else (another CPR number) or already enrolled.
 */
export async function linkEnrolledCandidate(
  tx: Tx,
  candidateId: string,
  her: { id: string; cprHash: string },
  enrolledOn: string,
  userId: number,
): Promise<{ errors: FieldErrors } | { audit: AuditEntry }> {
  const c = await getCandidate(tx, candidateId);
  if (!c || c.cprHash !== her.cprHash)
    return { errors: { _form: 'Kandidaten findes ikke på din kandidatliste, eller CPR-nummeret er et andet end kandidatens.' } };
  if (c.participantId && c.participantId !== her.id) return { errors: { _form: 'Kandidaten er allerede indskrevet.' } };
  await linkCandidate(tx, c.id, her.id);
  const id = await insertOutreach(
    tx,
    { ...c, participantId: her.id },
    { kind: 'indskrevet', occurredOn: enrolledOn, channel: null, declineReason: null, note: null },
    userId,
  );
  return {
    audit: {
      action: 'opret',
      entity: 'opsoegning',
      participantId: her.id,
      municipality: c.municipalityCode,
      detail: { candidateId: c.id, outreachId: id, kind: 'indskrevet' },
    },
  };
}

/** Split a full name into first and last name (the last word is the last name). */
export function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { firstName: parts[0], lastName: '' };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1] };
}

/** A country code for the origin as the list wrote it (code or Danish name), or ''. */
export function countryCodeFor(origin: string | null): string {
  if (!origin) return '';
  const o = origin.trim().toLocaleLowerCase('da');
  return COUNTRIES.find((c) => c.code.toLowerCase() === o || c.name.toLocaleLowerCase('da') === o)?.code ?? '';
}

/** The enrolment form's values from what is known about the candidate. */
export async function enrolmentPrefill(tx: Tx, vault: Vault, candidateId: string) {
  const c = await getCandidate(tx, candidateId);
  if (!c || !c.cprEnc) return null;
  const p = candidateProgress({ addedOn: c.addedOn, events: await outreachOf(tx, [c.id]) });
  const channel = p.channel === 'ikke_kontaktet' || p.channel === 'ukendt' ? '' : RECRUITMENT_CHANNEL_OF[p.channel];
  const cpr = vault.decryptCpr(c.cprEnc);
  return {
    candidate: c,
    cpr,
    values: {
      kandidat: c.id,
      cpr: formatCpr(cpr),
      ...splitName(c.name ?? ''),
      countryOfOrigin: countryCodeFor(c.origin),
      projectId: String(c.projectId),
      recruitmentChannel: channel,
      municipalityCode: c.municipalityCode,
    },
  };
}
