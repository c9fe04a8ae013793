/**
 * Rekruttering on Styring and in the reports (issue 13, build 1): the funnel from the gross group
 * — gross → contacted → invited → informed → enrolled, and declined — by the channel of the first
 * contact, by month, and declines by reason (domain/recruitment.ts defines each count). In the
 * suppressed form (reports that leave the municipality) a count of 1 to threshold−1 is shown as
 * "<threshold", and every column of the channel table and the reasons are protected as additive
 * sets (the total minus the shown rows must not reveal a hidden one: secondary suppression, "x").
 */
import type { SteeringData } from '../app/steering/steering-data.ts';
import { DECLINE_REASON_LABELS, OUTREACH_CHANNEL_LABELS } from '../core/labels.ts';
import type { FunnelChannel, FunnelCounts } from '../domain/recruitment.ts';
import { display, suppressCells, type AdditiveSet } from '../monitoring/suppress.ts';
import type { Count } from '../monitoring/types.ts';
import { count, text, type Chart, type Section, type Table } from './model.ts';

const STAGES: readonly (readonly [keyof FunnelCounts, string])[] = [
  ['gross', 'Bruttomålgruppe'], ['contacted', 'Kontaktet'], ['invited', 'Inviteret'], ['informed', 'Informeret'], ['enrolled', 'Indskrevet'], ['declined', 'Takket nej'],
];

const CHANNEL_LABEL = (c: FunnelChannel) =>
  c === 'ikke_kontaktet' ? 'Ikke kontaktet endnu' : c === 'ukendt' ? 'Kanal ikke registreret' : OUTREACH_CHANNEL_LABELS[c];

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const monthName = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

/**
 * Every published count of the section as one grid, suppressed together: the totals; the channel
 * rows (each column adds up to its total); the months shown and the months before them, which are
 * not shown but take part (each column of months adds up to the total); and the declines by reason
 * (adding up to the declined). So a hidden count cannot be worked out from another table's figures.
 */
export function recruitmentTables(d: SteeringData, fromMonth?: string): { channel: Table; month: Table; reasons: Table } | null {
  const f = d.recruitment;
  if (!f || f.total.gross === 0) return null;
  const threshold = d.suppressed ? d.threshold : 0;
  const months = f.byMonth.filter((m) => !fromMonth || m.month >= fromMonth);
  const before = Object.fromEntries(STAGES.map(([s]) => [s, f.total[s] - months.reduce((a, m) => a + m.counts[s], 0)])) as unknown as FunnelCounts;
  const values: number[] = [];
  const block = (rows: FunnelCounts[]) => {
    const at = values.length;
    for (const r of rows) for (const [s] of STAGES) values.push(r[s]);
    return (i: number, j: number) => at + i * STAGES.length + j;
  };
  const totalAt = block([f.total]);
  const channelAt = block(f.byChannel.map((c) => c.counts));
  const beforeAt = block([before]);
  const monthAt = block(months.map((m) => m.counts));
  const reasonStart = values.length;
  values.push(...f.declinedByReason.map((r) => r.count));
  const declinedCol = STAGES.findIndex(([s]) => s === 'declined');
  const sets: AdditiveSet[] = [
    ...STAGES.map((_, j) => ({ total: totalAt(0, j), parts: f.byChannel.map((_, i) => channelAt(i, j)) })),
    ...STAGES.map((_, j) => ({ total: totalAt(0, j), parts: [beforeAt(0, j), ...months.map((_, i) => monthAt(i, j))] })),
    { total: totalAt(0, declinedCol), parts: f.declinedByReason.map((_, i) => reasonStart + i) },
  ];
  const state = suppressCells(values, sets, threshold);
  const v = (i: number): Count => display(values[i], state[i], threshold);
  const columns = STAGES.map(([, l]) => l);
  return {
    channel: {
      id: 'rekruttering-kanal', caption: 'Rekrutteringstragten efter kanal (første kontakt)', source: 'case',
      columns: ['Kanal', ...columns],
      rows: [
        ...f.byChannel.map((c, i) => [text(CHANNEL_LABEL(c.channel)), ...STAGES.map((_, j) => count(v(channelAt(i, j))))]),
        [text('I alt'), ...STAGES.map((_, j) => count(v(totalAt(0, j))))],
      ],
      note: 'Kilde: kandidatlister og opsøgning. Kontaktet: mindst ét registreret skridt. Informeret: deltog i informationsmøde. Takket nej: takkede nej og blev ikke indskrevet.',
    },
    month: {
      id: 'rekruttering-maaned', caption: fromMonth ? 'Rekruttering pr. måned i halvåret' : 'Rekruttering pr. måned', source: 'case',
      columns: ['Måned', 'Nye kandidater', ...columns.slice(1)],
      rows: months.map((m, i) => [text(monthName(m.month)), ...STAGES.map((_, j) => count(v(monthAt(i, j))))]),
      note: 'Hver kvinde tælles i den måned, hun nåede trinnet første gang (takket nej: seneste afslag).',
    },
    reasons: {
      id: 'rekruttering-afslag', caption: 'Takket nej efter årsag', source: 'case',
      columns: ['Årsag', 'Kvinder'],
      rows: [
        ...f.declinedByReason.map((r, i) => [text(DECLINE_REASON_LABELS[r.reason]), count(v(reasonStart + i))]),
        [text('I alt'), count(v(totalAt(0, declinedCol)))],
      ],
    },
  };
}

export function recruitmentChart(t: Table): Chart {
  const total = t.rows[t.rows.length - 1];
  const stages = [0, 1, 3, 4]; // gross, contacted, informed, enrolled
  return {
    id: 'graf-rekruttering', title: 'Fra bruttomålgruppe til indskrivning', tableId: t.id, yName: 'Kvinder',
    categories: stages.map((j) => STAGES[j][1]),
    description: 'Antal kvinder i bruttomålgruppen, kontaktede, informerede (deltog i informationsmøde) og indskrevne.',
    series: [{ name: 'Kvinder', type: 'bar', data: stages.map((j) => (typeof total[j + 1].value === 'number' ? (total[j + 1].value as number) : null)) }],
  };
}

/** The section "Rekruttering"; none when the project has no candidates. */
export function recruitmentSection(d: SteeringData, fromMonth?: string): Section[] {
  const t = recruitmentTables(d, fromMonth);
  if (!t) return [];
  return [{
    heading: 'Rekruttering fra bruttomålgruppen',
    paragraphs: ['Kvinderne på projektets kandidatlister, og hvor langt opsøgningen er nået: kontaktet, inviteret til og deltaget i informationsmøde, indskrevet eller takket nej.'],
    charts: [recruitmentChart(t.channel)],
    tables: [t.channel, t.month, t.reasons],
  }];
}
