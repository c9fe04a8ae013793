/**
 * Demo family situations (issue 14 build 6) for the synthetic women: at her (latest) enrolment most
 * women have it recorded — children and their ages, childcare, the partner's involvement,
 * interpreter need in the language of her country of origin — and for many it changed later
 * (childcare found, an interpreter no longer needed, the partner started to take part), so Styring
 * shows barriers at enrolment and now. Some were recorded only after enrolment, some never.
 * Deterministic for a seed and a date; one bulk insert.
 */
import { deriveSeed, mulberry32, type Rng } from '../../core/prng.ts';
import { addDays, minDate } from '../../core/dates.ts';
import type { ChildcareStatus, PartnerInvolvement } from '../../core/codes.ts';
import type { FamilySituation } from '../../domain/family.ts';
import { language, suggestLanguage } from '../../i18n/languages.ts';

import { demoWomenWithoutFamily, insertDemoFamilySituations, type DemoWoman as Woman } from '../../db/demo/family.ts';
import type { SeedTx } from '../../db/demo/seed.ts';

function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  let r = rng.next() * items.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of items) if ((r -= w) < 0) return v;
  return items[items.length - 1][0];
}

function situationAt(rng: Rng, w: Woman): FamilySituation {
  const motherAge = Number(w.enrolledOn.slice(0, 4)) - Number(w.birthDate.slice(0, 4));
  const n =
    motherAge < 21
      ? weighted(rng, [
          [0, 6],
          [1, 3],
          [2, 1],
        ] as const)
      : weighted(rng, [
          [0, 15],
          [1, 20],
          [2, 25],
          [3, 20],
          [4, 12],
          [5, 8],
        ] as const);
  const oldest = Math.max(0, Math.min(17, motherAge - 18));
  const ages = Array.from({ length: n }, () => rng.int(0, oldest)).sort((a, b) => a - b);
  const withAges = rng.chance(0.8);
  const small = ages.some((a) => a <= 5);
  const childcare: ChildcareStatus =
    n === 0
      ? 'ikke_relevant'
      : small
        ? weighted(rng, [
            ['nej', 35],
            ['delvis', 20],
            ['ja', 45],
          ] as const)
        : weighted(rng, [
            ['ja', 80],
            ['ikke_relevant', 20],
          ] as const);
  const partnerInvolvement: PartnerInvolvement = weighted(rng, [
    ['ja', 25],
    ['nej', 30],
    ['ukendt', 25],
    ['ingen_partner', 20],
  ] as const);
  const code = suggestLanguage(w.country);
  const own = code === 'da' || code === 'en' ? null : language(code).nameDa.toLocaleLowerCase('da-DK');
  const interpreterNeeded = own !== null && rng.chance(0.6);
  return { childrenCount: n, childAges: withAges ? ages : [], childcare, partnerInvolvement, interpreterNeeded, interpreterLanguage: own };
}

/** What changed some months later: childcare in place, less need of an interpreter, the partner joining in. */
function laterSituation(rng: Rng, s: FamilySituation): FamilySituation | null {
  const next = { ...s };
  if ((s.childcare === 'nej' || s.childcare === 'delvis') && rng.chance(0.6))
    next.childcare = s.childcare === 'nej' && rng.chance(0.3) ? 'delvis' : 'ja';
  if (s.interpreterNeeded && rng.chance(0.3)) next.interpreterNeeded = false;
  if ((s.partnerInvolvement === 'ukendt' || s.partnerInvolvement === 'nej') && rng.chance(0.35))
    next.partnerInvolvement = rng.chance(0.6) ? 'ja' : 'nej';
  const changed =
    next.childcare !== s.childcare || next.interpreterNeeded !== s.interpreterNeeded || next.partnerInvolvement !== s.partnerInvolvement;
  return changed ? next : null;
}

export async function seedDemoFamily(q: SeedTx, o: { seed: number; today: string }): Promise<number> {
  const women = (await demoWomenWithoutFamily(q)).sort(
    (a, b) =>
      a.enrolledOn.localeCompare(b.enrolledOn) ||
      a.birthDate.localeCompare(b.birthDate) ||
      a.mun.localeCompare(b.mun) ||
      (a.country ?? '').localeCompare(b.country ?? '') ||
      a.id.localeCompare(b.id),
  );
  const rng = mulberry32(deriveSeed(o.seed, 1406));
  const rows: { pid: string; mun: string; from: string; s: FamilySituation; by: number | null }[] = [];
  for (const w of women) {
    const s = situationAt(rng, w);
    const recorded = rng.next();
    const last = minDate(o.today, w.exitedOn ?? o.today);
    if (recorded < 0.85) {
      rows.push({ pid: w.id, mun: w.mun, from: w.enrolledOn, s, by: w.cw });
      const later = laterSituation(rng, s);
      const on = addDays(w.enrolledOn, rng.int(45, 300));
      if (later && on <= last) rows.push({ pid: w.id, mun: w.mun, from: on, s: later, by: w.cw });
    } else if (recorded < 0.93) {
      // Recorded only some weeks after her enrolment: not counted "at enrolment".
      const on = addDays(w.enrolledOn, rng.int(14, 90));
      if (on <= last) rows.push({ pid: w.id, mun: w.mun, from: on, s, by: w.cw });
    }
  }
  if (rows.length === 0) return 0;
  await insertDemoFamilySituations(q, rows);
  return rows.length;
}
