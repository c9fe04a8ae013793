/**
 * Rekruttering on Styring and in the reports (issue 13, build 1): the funnel from the gross group
 * — gross → contacted → invited → informed → enrolled, and declined — by the channel of the first
 * contact, by month, and declines by reason (domain/recruitment.ts defines each count). In the
 * suppressed form (reports that leave the municipality) a count of 1 to threshold−1 is shown as
 * "<threshold", and every column of the channel table and the reasons are protected as additive
 * sets (the total minus the shown rows must not reveal a hidden one: secondary suppression, "x"),
 * in one pass with interval protection against pinning (table-pass.ts).
 */
import type { SteeringData } from '../app/steering/steering-data.ts';
import { formatMonth } from '../core/format.ts';
import { DECLINE_REASON_LABELS, OUTREACH_CHANNEL_LABELS } from '../core/labels.ts';
import type { FunnelChannel, FunnelCounts } from '../domain/recruitment.ts';
import { passCell, place, TableFigures } from './table-pass.ts';
import { text, type Chart, type Section, type Table } from './model.ts';

const STAGES: readonly (readonly [keyof FunnelCounts, string])[] = [
  ['gross', 'Bruttomålgruppe'], ['contacted', 'Kontaktet'], ['invited', 'Inviteret'], ['informed', 'Informeret'], ['enrolled', 'Indskrevet'], ['declined', 'Takket nej'],
];

const CHANNEL_LABEL = (c: FunnelChannel) =>
  c === 'ikke_kontaktet' ? 'Ikke kontaktet endnu' : c === 'ukendt' ? 'Kanal ikke registreret' : OUTREACH_CHANNEL_LABELS[c];


const CAPTIONS = {
  channel: 'Rekrutteringstragten efter kanal (første kontakt)',
  month: (fromMonth?: string) => (fromMonth ? 'Rekruttering pr. måned i halvåret' : 'Rekruttering pr. måned'),
  reasons: 'Takket nej efter årsag',
};

/**
 * A row of a recruitment funnel in a table pass: its printed `stages` (under `key(stage)`), and
 * what a reader can name between them as unknowns ≥ 0 — the gross group not contacted, the contacted
 * neither enrolled nor declined (still in progress), and the contacted not invited or not informed,
 * for the stages the table prints.
 */
export function funnelRow(grid: TableFigures, key: (s: string) => string, c: FunnelCounts, stages: readonly (keyof FunnelCounts)[]): void {
  for (const s of stages) grid.add(key(s), c[s]);
  grid.unprinted(key('~notContacted'), c.gross - c.contacted);
  grid.unprinted(key('~open'), c.contacted - c.enrolled - c.declined);
  grid.sum(key('gross'), [key('contacted'), key('~notContacted')]);
  grid.sum(key('contacted'), [key('enrolled'), key('declined'), key('~open')]);
  for (const [s, rest] of [['invited', '~notInvited'], ['informed', '~notInformed']] as const) {
    if (!stages.includes(s)) continue;
    grid.unprinted(key(rest), c.contacted - c[s]);
    grid.sum(key('contacted'), [key(s), key(rest)]);
  }
}

/** Declines by reason (`[key, count]`, printed) adding up to the declined at `declinedKey`, with those without a recorded reason (`noReasonKey`, never printed). */
export function declineReasons(grid: TableFigures, declinedKey: string, reasons: readonly (readonly [string, number])[], noReasonKey: string): void {
  for (const [key, n] of reasons) grid.add(key, n);
  grid.unprinted(noReasonKey, (grid.figures.get(declinedKey)?.value ?? 0) - reasons.reduce((a, [, n]) => a + n, 0));
  grid.sum(declinedKey, [...reasons.map(([key]) => key), noReasonKey]);
}

/**
 * Every published count of the section as one grid, suppressed in one pass (table-pass.ts: against
 * the equations and against pinning, a reason per hidden cell): the totals; the channel rows (each
 * column adds up to its total); in each row the contacted are the enrolled, the declined and those
 * still in progress, and the invited and the informed are among them (the rest never printed:
 * unknowns ≥ 0); the months shown and the months before them, which are not shown but take part
 * (each column of months adds up to the total); and the declines by reason (adding up to the
 * declined, with those without a recorded reason). So a hidden count cannot be worked out, nor
 * pinned to one value, from another table's figures.
 */
export function recruitmentTables(d: SteeringData, fromMonth?: string): { channel: Table; month: Table; reasons: Table } | null {
  const f = d.recruitment;
  if (!f || f.total.gross === 0) return null;
  const months = f.byMonth.filter((m) => !fromMonth || m.month >= fromMonth);
  const grid = new TableFigures();
  const k = (row: string, s: string) => `${row}.${s}`;
  const stages = STAGES.map(([s]) => s);
  funnelRow(grid, (s) => k('total', s), f.total, stages);
  f.byChannel.forEach((c, i) => funnelRow(grid, (s) => k(`channel${i}`, s), c.counts, stages));
  months.forEach((m, i) => STAGES.forEach(([s]) => grid.add(k(`month${i}`, s), m.counts[s])));
  for (const [s] of STAGES) {
    grid.unprinted(k('before', s), f.total[s] - months.reduce((a, m) => a + m.counts[s], 0));
    grid.sum(k('total', s), f.byChannel.map((_, i) => k(`channel${i}`, s)));
    grid.sum(k('total', s), [k('before', s), ...months.map((_, i) => k(`month${i}`, s))]);
  }
  declineReasons(
    grid,
    k('total', 'declined'),
    f.declinedByReason.map((r, i) => [`reason${i}`, r.count]),
    '~noReason',
  );
  const pass = grid.suppress(d.suppressed ? d.threshold : 0);
  const columns = STAGES.map(([, l]) => l);
  const where = (key: string): string | undefined => {
    const [row, s] = key.split('.');
    const col = columns[STAGES.findIndex(([x]) => x === s)];
    if (row === 'total') return col && place(CAPTIONS.channel, 'I alt', col);
    if (row.startsWith('channel')) return col && place(CAPTIONS.channel, CHANNEL_LABEL(f.byChannel[Number(row.slice(7))].channel), col);
    if (row.startsWith('month')) return col && place(CAPTIONS.month(fromMonth), formatMonth(months[Number(row.slice(5))].month), s === 'gross' ? 'Nye kandidater' : col);
    if (row.startsWith('reason')) return place(CAPTIONS.reasons, DECLINE_REASON_LABELS[f.declinedByReason[Number(row.slice(6))].reason], 'Kvinder');
    return undefined;
  };
  const v = (key: string) => passCell(pass, key, where);
  return {
    channel: {
      id: 'rekruttering-kanal', caption: CAPTIONS.channel, source: 'case',
      columns: ['Kanal', ...columns],
      rows: [
        ...f.byChannel.map((c, i) => [text(CHANNEL_LABEL(c.channel)), ...STAGES.map(([s]) => v(k(`channel${i}`, s)))]),
        [text('I alt'), ...STAGES.map(([s]) => v(k('total', s)))],
      ],
      note: 'Kilde: kandidatlister og opsøgning. Kontaktet: mindst ét registreret skridt. Informeret: deltog i informationsmøde. Takket nej: takkede nej og blev ikke indskrevet.',
    },
    month: {
      id: 'rekruttering-maaned', caption: CAPTIONS.month(fromMonth), source: 'case',
      columns: ['Måned', 'Nye kandidater', ...columns.slice(1)],
      rows: months.map((m, i) => [text(formatMonth(m.month)), ...STAGES.map(([s]) => v(k(`month${i}`, s)))]),
      note: 'Hver kvinde tælles i den måned, hun nåede trinnet første gang (takket nej: seneste afslag).',
    },
    reasons: {
      id: 'rekruttering-afslag', caption: CAPTIONS.reasons, source: 'case',
      columns: ['Årsag', 'Kvinder'],
      rows: [
        ...f.declinedByReason.map((r, i) => [text(DECLINE_REASON_LABELS[r.reason]), v(`reason${i}`)]),
        [text('I alt'), v(k('total', 'declined'))],
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
