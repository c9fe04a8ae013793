/**
 * Rekruttering pr. kommune on /nationalt (issue 13): each municipality's funnel from its gross
 * group — gross, contacted, informed, enrolled, declined — and the declines by reason, with the
 * national total. Suppressed like the rest of the page, in one pass over both tables (table-pass.ts,
 * issue 18 point 12): a count of 1 to threshold−1 is shown as "<threshold"; the equations a reader
 * can form are protected — each column of municipalities adds up to the national row, a row's
 * reasons (with the declines without a recorded reason) add up to its declined, and in a row the
 * contacted are among the gross group and the enrolled, the declined and the informed among the
 * contacted (the rest never printed: unknowns ≥ 0) — so no hidden count can be worked out, nor
 * narrowed within 1..threshold−1, as on the rest of the page; every "x" names the cell it protects.
 * Before, the pass knew the sums only: 7 contacted of whom 6 enrolled left room for one decline,
 * and a `<5` declined was read as exactly 1.
 */
import type { NationalFunnel } from '../app/steering/national-funnel.ts';
import { DECLINE_REASONS } from '../core/codes.ts';
import { DECLINE_REASON_LABELS } from '../core/labels.ts';
import type { FunnelCounts } from '../domain/recruitment.ts';
import { text, type Section, type Table } from './model.ts';
import { passCell, place, TableFigures } from './table-pass.ts';
import { declineReasons, funnelRow } from './recruitment-section.ts';

const STAGES: readonly (readonly [keyof FunnelCounts, string])[] = [
  ['gross', 'Bruttomålgruppe'], ['contacted', 'Kontaktet'], ['informed', 'Informeret'], ['enrolled', 'Indskrevet'], ['declined', 'Takket nej'],
];

const CAPTIONS = { funnel: 'Rekrutteringstragten pr. kommune', reasons: 'Takket nej efter årsag pr. kommune' };

/** The two tables, suppressed together; null when no municipality has a candidate list. */
export function nationalFunnelTables(f: NationalFunnel, threshold: number): { funnel: Table; reasons: Table } | null {
  if (f.municipalities.length === 0) return null;
  const reasons = DECLINE_REASONS.filter((r) => f.total.declinedByReason.some((x) => x.reason === r));
  const rows = [...f.municipalities.map((m) => m.funnel), f.total];
  const nat = f.municipalities.length;
  const names = rows.map((_, i) => (i === nat ? 'Alle kommuner' : f.municipalities[i].municipality));
  const grid = new TableFigures();
  const k = (i: number, s: string) => `${i}.${s}`;
  const stages = STAGES.map(([s]) => s);
  rows.forEach((fun, i) => {
    funnelRow(grid, (s) => k(i, s), fun.total, stages);
    const count = (r: string) => fun.declinedByReason.find((x) => x.reason === r)?.count ?? 0;
    declineReasons(
      grid,
      k(i, 'declined'),
      reasons.map((r) => [k(i, `reason:${r}`), count(r)]),
      k(i, '~noReason'),
    );
  });
  const columns = [...STAGES.map(([s]) => s as string), ...reasons.map((r) => `reason:${r}`), '~noReason'];
  for (const s of columns)
    grid.sum(
      k(nat, s),
      f.municipalities.map((_, i) => k(i, s)),
    );
  // The national page forbids every narrowing of a `<N`, as its other tables (national-data.ts).
  const pass = grid.suppress(threshold, 'all');
  const where = (key: string): string | undefined => {
    const dot = key.indexOf('.');
    const row = names[Number(key.slice(0, dot))];
    const s = key.slice(dot + 1);
    if (s.startsWith('reason:')) return place(CAPTIONS.reasons, row, DECLINE_REASON_LABELS[s.slice(7) as (typeof reasons)[number]]);
    const stage = STAGES.find(([x]) => x === s);
    return stage && place(CAPTIONS.funnel, row, stage[1]);
  };
  const v = (key: string) => passCell(pass, key, where);
  return {
    funnel: {
      id: 'rekruttering-kommune', caption: CAPTIONS.funnel, source: 'case',
      columns: ['Kommune', ...STAGES.map(([, l]) => l)],
      rows: rows.map((_, i) => [text(names[i]), ...STAGES.map(([s]) => v(k(i, s)))]),
      note: 'Kilde: kommunernes kandidatlister og opsøgning. Kontaktet: mindst ét registreret skridt. Informeret: deltog i informationsmøde. Takket nej: takkede nej og blev ikke indskrevet.',
    },
    reasons: {
      id: 'rekruttering-kommune-afslag', caption: CAPTIONS.reasons, source: 'case',
      columns: ['Kommune', ...reasons.map((r) => DECLINE_REASON_LABELS[r]), 'I alt'],
      rows: rows.map((_, i) => [text(names[i]), ...reasons.map((r) => v(k(i, `reason:${r}`))), v(k(i, 'declined'))]),
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
