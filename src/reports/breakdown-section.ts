/**
 * «Resultater og indsats efter baggrund» (issue 13 build 4) on Styring, in the project reports and
 * on the national view: one table per breakdown (app/steering/breakdowns.ts), with the register
 * results and the case measures side by side. The total row's register figures are the engine's
 * (`ref`), so a reader can match them with the other tables.
 */
import type { Breakdown, BreakdownRow } from '../app/steering/breakdowns.ts';
import { NOT_EXITED, NOT_RECORDED } from '../core/codes.ts';
import {
  BREAKDOWN_LABELS, BREAKDOWN_ROW_LABELS, EXIT_REASON_LABELS, FLERE_SKAL_MED_LABELS, ORIGIN_GROUP_LABELS, RECRUITMENT_CHANNEL_LABELS,
  VISITATION_SHORT_LABELS, labelOf,
} from '../core/labels.ts';
import { count, share, text, type Cell, type Section, type Table } from './model.ts';
import { protectsReason, smallReason } from './suppression-reasons.ts';
import { place } from './table-pass.ts';

export const BREAKDOWN_COLUMNS = [
  'Deltagere', 'Mål 1 eller 2', 'Andel mål 1 eller 2', 'Mål 3', 'Virksomhedsrettet forløb', 'CV og ABC-jobstrategi',
] as const;

/** Engine paths of the total row's register figures (the same figures as the engine's tables). */
const TOTAL_REFS = ['groups.all.n', 'groups.all.accumulated.1_or_2', 'groups.all.accumulated.3'];

function rowLabel(b: Breakdown, r: BreakdownRow): string {
  if (r.kind === 'total') return 'I alt';
  if (r.key === NOT_RECORDED) return BREAKDOWN_ROW_LABELS.ikke_oplyst;
  if (r.key === NOT_EXITED) return BREAKDOWN_ROW_LABELS.ikke_udskrevet;
  switch (b.dimension) {
    case 'flere_skal_med': return labelOf(FLERE_SKAL_MED_LABELS as Record<string, string>, r.key);
    case 'kanal': return labelOf(RECRUITMENT_CHANNEL_LABELS, r.key);
    case 'oprindelse': return labelOf(ORIGIN_GROUP_LABELS, r.key);
    case 'udskrivning': return labelOf(EXIT_REASON_LABELS, r.key);
    case 'kommune_visitation': {
      const [m, v] = r.key.split('|');
      return v === '*' ? `${m} i alt` : `${m}: ${labelOf(VISITATION_SHORT_LABELS, v)}`;
    }
  }
}

const NOTES: Record<Breakdown['dimension'], string> = {
  flere_skal_med: 'Gruppen fra STAR\'s screening «Flere skal med», som sagsbehandleren registrerede ved indskrivningen.',
  kanal: 'Den kanal, kvinden blev rekrutteret gennem, som registreret ved indskrivningen.',
  oprindelse: 'Oprindelsesland grupperet som hos Danmarks Statistik: vestlige lande (EU, EFTA, Nordamerika, Australien og New Zealand m.fl.) og ikke-vestlige lande.',
  udskrivning: 'Årsagen, sagsbehandleren registrerede ved udskrivningen. Kvinder, der ikke er udskrevet ved rapportmånedens udgang, står for sig.',
  kommune_visitation: 'Visitationskategorien er kvindens kategori ved indskrivningen, som i SIRI\'s opgørelser: en senere ændring (fx opvisitering) flytter hende ikke.',
};

/** The heading in running text: lower case, except the name «Flere skal med». */
const captionOf = (d: Breakdown['dimension']) =>
  d === 'flere_skal_med' ? BREAKDOWN_LABELS[d] : `${BREAKDOWN_LABELS[d].charAt(0).toLowerCase()}${BREAKDOWN_LABELS[d].slice(1)}`;

/** One breakdown as a report table (id `opdeling-<dimension>`). */
export function breakdownTable(b: Breakdown): Table {
  const caption = `Resultater og indsats efter ${captionOf(b.dimension)}`;
  const columns = [BREAKDOWN_LABELS[b.dimension], ...BREAKDOWN_COLUMNS];
  // The column of each figure (BREAKDOWN_FIGURES order) in the table.
  const COLUMN_OF = [1, 2, 4, 5, 6];
  const byKey = new Map(b.rows.map((r) => [r.key, r]));
  /** An `x` names the cell of this table it protects (its own pass, app/steering/breakdowns.ts). */
  const cell = (r: BreakdownRow, i: number, ref?: string): Cell => {
    const c = count(r.values[i], ref);
    const t = r.protects?.[i];
    const target = t ? byKey.get(t.key) : undefined;
    if (typeof c.value === 'string' && c.value.startsWith('<')) c.reason = smallReason(Number(c.value.slice(1)));
    else if (c.value === 'x' && t && target) c.reason = protectsReason(place(caption, rowLabel(b, target), columns[COLUMN_OF[t.figure]]));
    return c;
  };
  return {
    id: `opdeling-${b.dimension}`,
    caption,
    source: 'case',
    columns,
    rows: b.rows.map((r): Cell[] => {
      const [n, m12] = r.values;
      const ref = (i: number) => (r.kind === 'total' ? TOTAL_REFS[i] : undefined);
      return [
        text(rowLabel(b, r)), cell(r, 0, ref(0)), cell(r, 1, ref(1)),
        share(m12, n, r.kind === 'total' ? { count: TOTAL_REFS[1], denominator: TOTAL_REFS[0] } : undefined),
        cell(r, 2, ref(2)), cell(r, 3), cell(r, 4),
      ];
    }),
    note: `${NOTES[b.dimension]} Mål 1 eller 2 og mål 3 er bedste niveau i projektperioden opgjort fra registerdata (kib-2019.1); `
      + 'virksomhedsrettet forløb (påbegyndt) og CV på Jobnet med fuld ABC-jobstrategi er fra sagsdata ved rapportmånedens udgang. Hver indskrivning tæller for sig, som i SIRI\'s opgørelser.',
  };
}

/** The section, or nothing when there are no breakdowns (no enrolment yet). */
export function breakdownSection(bs: Breakdown[] | undefined, heading = 'Resultater og indsats efter baggrund'): Section[] {
  if (!bs || !bs.length || !bs[0].rows.some((r) => r.kind === 'total' && r.values[0] !== 0)) return [];
  return [{
    heading,
    paragraphs: ['Resultater fra registerdata og mål fra sagsdata opdelt efter det, der er registreret om hver kvinde: Flere skal med-gruppe, '
      + 'rekrutteringskanal, oprindelsesland, udskrivningsårsag samt kommune og visitationskategori ved indskrivning.'],
    tables: bs.map(breakdownTable),
  }];
}
