/**
 * CVR numbers (Det Centrale Virksomhedsregister): eight digits, the first not 0, passing the
 * modulus-11 check with weights 2,7,6,5,4,3,2,1.
 */

const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

/** Strip spaces and a "DK" prefix; returns null unless eight digits remain. */
export function normaliseCvr(input: string): string | null {
  const s = input.trim().replace(/^DK/i, '').replace(/[\s-]/g, '');
  return /^\d{8}$/.test(s) ? s : null;
}

export function cvrMod11Ok(cvr: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(cvr[i]) * WEIGHTS[i];
  return sum % 11 === 0;
}

export type CvrResult = { ok: true; value: string } | { ok: false; error: string };

/** Validate a CVR number; errors are Danish sentences fit for a form. */
export function parseCvr(input: string): CvrResult {
  const cvr = normaliseCvr(input ?? '');
  if (!cvr) return { ok: false, error: 'CVR-nummeret skal være 8 cifre.' };
  if (cvr[0] === '0') return { ok: false, error: 'Et CVR-nummer kan ikke begynde med 0.' };
  if (!cvrMod11Ok(cvr)) return { ok: false, error: 'CVR-nummeret er ugyldigt (kontrolcifferet passer ikke). Tjek nummeret på virk.dk.' };
  return { ok: true, value: cvr };
}
