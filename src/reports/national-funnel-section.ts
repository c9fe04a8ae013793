/**
 * Rekruttering pr. kommune on /nationalt (issue 13): each municipality's funnel from its gross
 * group — gross, contacted, informed, enrolled, declined — and the declines by reason, with the
 * national total. Suppressed like the rest of the page: a count of 1 to threshold−1 is shown as
 * "<threshold", and the two tables are protected together as additive sets (each column of
 * municipalities adds up to the national row; each row's reasons add up to its declined), so a
 * hidden count cannot be worked out from the shown ones (secondary suppression, "x").
 */
import type { NationalFunnel } from '../app/steering/national-funnel.ts';
import { DECLINE_REASONS, type DeclineReason } from '../core/codes.ts';
import { DECLINE_REASON_LABELS } from '../core/labels.ts';
import type { FunnelCounts } from '../domain/recruitment.ts';
import { display, PRIMARY, SECONDARY, suppressCells, type AdditiveSet } from '../monitoring/suppress.ts';
import { count, text, type Cell, type Section, type Table } from './model.ts';
import { smallReason } from './suppression-reasons.ts';

const STAGES: readonly (readonly [keyof FunnelCounts, string])[] = [
  ['gross', 'Bruttomålgruppe'], ['contacted', 'Kontaktet'], ['informed', 'Informeret'], ['enrolled', 'Indskrevet'], ['declined', 'Takket nej'],
];

/** The two tables, suppressed together; null when no municipality has a candidate list. */
export function nationalFunnelTables(f: NationalFunnel, threshold: number): { funnel: Table; reasons: Table } | null {
  if (f.municipalities.length === 0) return null;
  const reasons = DECLINE_REASONS.filter((r) => f.total.declinedByReason.some((x) => x.reason === r));
  const width = STAGES.length + reasons.length;
  const rows = [...f.municipalities.map((m) => m.funnel), f.total];
  const values: number[] = [];
  const reasonCount = (fun: (typeof rows)[number], r: DeclineReason) => fun.declinedByReason.find((x) => x.reason === r)?.count ?? 0;
  for (const fun of rows) values.push(...STAGES.map(([s]) => fun.total[s]), ...reasons.map((r) => reasonCount(fun, r)));
  const at = (i: number, j: number) => i * width + j;
  const nat = f.municipalities.length;
  const declinedCol = STAGES.findIndex(([s]) => s === 'declined');
  const sets: AdditiveSet[] = [
    ...Array.from({ length: width }, (_, j) => ({ total: at(nat, j), parts: f.municipalities.map((_, i) => at(i, j)) })),
    ...rows.map((_, i) => ({ total: at(i, declinedCol), parts: reasons.map((_, k) => at(i, STAGES.length + k)) })),
  ];
  const state = suppressCells(values, sets, threshold, { intervals: true });
  // Every hidden cell says why, as elsewhere on the page (issue 18 point 12).
  const v = (i: number): Cell => {
    const c = count(display(values[i], state[i], threshold));
    if (state[i] === PRIMARY) c.reason = smallReason(threshold);
    if (state[i] === SECONDARY) c.reason = `Skjult, fordi tallet ellers sammen med de viste tal i rækken eller kolonnen ville afsløre et tal under ${threshold}.`;
    return c;
  };
  const name = (i: number) => text(i === nat ? 'Alle kommuner' : f.municipalities[i].municipality);
  return {
    funnel: {
      id: 'rekruttering-kommune', caption: 'Rekrutteringstragten pr. kommune', source: 'case',
      columns: ['Kommune', ...STAGES.map(([, l]) => l)],
      rows: rows.map((_, i) => [name(i), ...STAGES.map((_, j) => v(at(i, j)))]),
      note: 'Kilde: kommunernes kandidatlister og opsøgning. Kontaktet: mindst ét registreret skridt. Informeret: deltog i informationsmøde. Takket nej: takkede nej og blev ikke indskrevet.',
    },
    reasons: {
      id: 'rekruttering-kommune-afslag', caption: 'Takket nej efter årsag pr. kommune', source: 'case',
      columns: ['Kommune', ...reasons.map((r) => DECLINE_REASON_LABELS[r]), 'I alt'],
      rows: rows.map((_, i) => [name(i), ...reasons.map((_, k) => v(at(i, STAGES.length + k))), v(at(i, declinedCol))]),
    },
  };
}

/** The section "Rekruttering pr. kommune"; none without candidate lists. */
export function nationalFunnelSection(f: NationalFunnel, threshold: number): Section[] {
  const t = nationalFunnelTables(f, threshold);
  if (!t) return [];
  return [{
    heading: 'Rekruttering pr. kommune',
    paragraphs: [`Kommunernes bruttomålgruppe (kandidatlister) og hvor langt opsøgningen var nået ved udgangen af rapportmåneden. Kun kommuner med en kandidatliste er med. Tal under ${threshold} vises som «<${threshold}», og tal, der ellers kunne regnes ud, som «x».`],
    tables: [t.funnel, t.reasons],
  }];
}
