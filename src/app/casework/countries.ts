/**
 * Country of origin is stored as the Danish name (as the demo cohort does); forms use the ISO
 * code of src/domain/countries.ts. These two helpers translate between them.
 */
import { COUNTRIES, findCountry } from '../../domain/countries.ts';

export function countryCodeOf(stored: string | null | undefined): string {
  if (!stored) return '';
  const byCode = findCountry(stored);
  if (byCode) return byCode.code;
  const lower = stored.trim().toLowerCase();
  return COUNTRIES.find((c) => c.name.toLowerCase() === lower)?.code ?? '';
}

export function countryStoredName(code: string): string {
  return findCountry(code)?.name ?? code;
}
