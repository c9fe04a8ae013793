/**
 * The brief for the political committee, in plain Danish for politicians (issue 18): what the
 * project did, for whom, with what result (and, from the effect work, what it costs and what it
 * gave), in the shape of the committee minutes. The analysts' terms are kept out of the text and
 * explained in a glossary at the end; nothing is printed for a section that has not been written.
 * A public document, so every figure is suppressed (spec §6); a hidden figure is said in words.
 */
import type { SteeringData } from '../app/steering/steering-data.ts';
import { formatMonth } from '../core/format.ts';
import type { Count, GroupResult } from '../monitoring/types.ts';
import { formatDate } from '../core/format.ts';
import { count, gapMarks, share, status, text, type Chart, type Section, type Table } from './model.ts';
import { effectMoneySections } from './effect-money-section.ts';
import { committeeDecision } from './committee-decision.ts';
import { mixTotals, talksTotal } from './steering-sections.ts';

const nf = new Intl.NumberFormat('da-DK');
const pct = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });


/** A count in words: a number, "færre end 5" or "et skjult antal" (the glossary says why). */
function howMany(c: Count, threshold: number): string {
  if (typeof c === 'number') return nf.format(c);
  return c.startsWith('<') ? `færre end ${threshold}` : 'et skjult antal';
}

/** The same at the start of a sentence. */
const HowMany = (c: Count, threshold: number) => {
  const s = howMany(c, threshold);
  return s.charAt(0).toUpperCase() + s.slice(1);
};

const pctText = (c: Count, d: Count) => (typeof c === 'number' && typeof d === 'number' && d > 0 ? ` (${pct.format((100 * c) / d)}\u00a0%)` : '');

/** Sections the effect work adds ("Effekt og økonomi": what the project cost and what it gave). */
export const COMMITTEE_EFFECT_SECTIONS: ((d: SteeringData) => Section[])[] = [effectMoneySections];

const GROUP_WORDS: Record<string, string> = {
  aktivitetsparat: 'aktivitetsparate (de kunne ikke tage et job med det samme)',
  jobparat: 'jobparate (de kunne tage et job med det samme)',
  selvforsoergende: 'selvforsørgende (ikke på en offentlig ydelse)',
  oevrige: 'i andre situationer',
};

/** "a, b og c". */
const listDa = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} og ${xs[xs.length - 1]}`);

function whoTakesPart(d: SteeringData): Section {
  const a = d.result.groups.all;
  const planned = d.choice.project.plannedParticipants;
  const groups = Object.entries(d.result.groups.visitation) as [string, GroupResult][];
  return {
    heading: 'Hvem er med?',
    paragraphs: [
      `Projektet er for indvandrerkvinder, der står langt fra arbejdsmarkedet. ${HowMany(a.n, d.threshold)} kvinder er kommet med til og med ${formatMonth(d.result.month)}`
        + `${planned ? `; planen var ${nf.format(planned)}` : ''}.`,
      `Da de begyndte, var ${listDa(groups.filter(([, g]) => g.n !== 0).map(([k, g]) => `${howMany(g.n, d.threshold)} ${GROUP_WORDS[k] ?? k}`))}.`,
    ],
  };
}

function whatWasDone(d: SteeringData): Section {
  // The totals as the suppressed tables show them: a sum over hidden counts would give them away (issue 18).
  const { started, company } = mixTotals(d);
  const talks = talksTotal(d);
  const ms = d.milestones;
  const reached = ms.filter((m) => m.status === 'naaet').length;
  const late = ms.filter((m) => m.status !== 'naaet' && m.status !== 'udgaaet' && m.dueDate < d.today);
  return {
    heading: 'Hvad har projektet gjort?',
    paragraphs: [
      `Kvinderne har fået en fast kontaktperson i jobcentret og en plan for vejen mod job. Jobcentret har holdt ${talks.atLeast ? 'mindst ' : ''}${nf.format(talks.n)} samtaler med dem, `
        + `og de er startet på ${howMany(started, d.threshold)} forløb. ${HowMany(company, d.threshold)} af forløbene foregik på en arbejdsplads, fx praktik eller job med løntilskud; `
        + 'resten var fx danskundervisning, kurser, vejledning og hjælp med helbred og familie.',
      ms.length
        ? `Projektplanen har ${nf.format(ms.length)} milepæle. ${nf.format(reached)} er nået${late.length ? `, og ${nf.format(late.length)} er forsinket i forhold til planen` : ''}.`
        : 'Projektet har ikke lagt en plan med milepæle ind.',
    ],
  };
}

function resultTable(d: SteeringData): Table {
  return {
    id: 'udvalg-maal', caption: 'Projektets mål og hvor langt det er nået', source: 'plan',
    columns: ['Projektets mål', 'Frist', 'Resultat', 'Status'],
    rows: d.goals.map((o) => {
      const got = o.denominator === null
        ? `${howMany(o.count, d.threshold)} kvinder`
        : `${howMany(o.count, d.threshold)} af ${howMany(o.denominator, d.threshold)} kvinder${pctText(o.count, o.denominator)}`;
      const word = o.status === 'naaet' ? 'Nået' : o.status === 'ikke_naaet' ? 'Ikke nået' : o.status === 'undervejs' ? 'Undervejs' : 'Kan ikke vises';
      return [text(o.goal.title), { kind: 'date', value: o.goal.deadline }, text(got), status(word, o.status === 'naaet' ? 'good' : o.status === 'ikke_naaet' ? 'bad' : 'neutral')];
    }),
  };
}

/** The share in work or education and in lasting work, by the women's starting point. */
function groupTable(d: SteeringData): Table {
  const groups = Object.entries(d.result.groups.visitation) as [string, GroupResult][];
  const name: Record<string, string> = { aktivitetsparat: 'Aktivitetsparate', jobparat: 'Jobparate', selvforsoergende: 'Selvforsørgende', oevrige: 'Øvrige' };
  return {
    id: 'udvalg-grupper', caption: 'Resultat efter kvindernes udgangspunkt', source: 'engine',
    columns: ['Udgangspunkt', 'Kvinder', 'I job, uddannelse eller med løntimer', 'Andel i job eller uddannelse', 'Varigt i job', 'Andel varigt i job'],
    rows: groups.map(([k, g]) => [
      text(name[k] ?? k), count(g.n, `groups.visitation.${k}.n`), count(g.accumulated['1_or_2'], `groups.visitation.${k}.accumulated.1_or_2`),
      share(g.accumulated['1_or_2'], g.n), count(g.durable.full, `groups.visitation.${k}.durable.full`), share(g.durable.full, g.n),
    ]),
  };
}

function groupChart(d: SteeringData, t: Table): Chart {
  const groups = Object.values(d.result.groups.visitation);
  const p = (c: Count, n: Count) => (typeof c === 'number' && typeof n === 'number' && n > 0 ? Math.round((1000 * c) / n) / 10 : null);
  const series: Chart['series'] = [
    { name: 'I job, uddannelse eller med løntimer', type: 'bar', data: groups.map((g) => p(g.accumulated['1_or_2'], g.n)) },
    { name: 'Varigt i job', type: 'bar', data: groups.map((g) => p(g.durable.full, g.n)) },
  ];
  return {
    id: 'udvalg-grupper', title: 'Andel i job eller uddannelse efter udgangspunkt', tableId: t.id, percent: true, yName: 'Andel',
    categories: t.rows.map((r) => String(r[0].value)),
    description: 'Andel af kvinderne i hver gruppe, der har været i job eller uddannelse eller haft løntimer, og andel, der er varigt i job. En gruppe, hvor ingen af tallene kan vises, er markeret «skjult», og en gruppe, hvor kun nogle kan, «delvis skjult».',
    series,
    ...gapMarks(series, groups.map((g) => [g.n, g.accumulated['1_or_2'], g.durable.full].some((c) => typeof c === 'string'))),
  };
}

function theResult(d: SteeringData): Section {
  const a = d.result.groups.all;
  const th = d.threshold;
  const t = groupTable(d);
  return {
    heading: 'Hvad er resultatet?',
    paragraphs: [
      `${HowMany(a.accumulated['1_or_2'], th)} af de ${howMany(a.n, th)} kvinder${pctText(a.accumulated['1_or_2'], a.n)} har været i job eller uddannelse eller haft løntimer, mens de var med i projektet. `
        + `${HowMany(a.accumulated['1'], th)}${pctText(a.accumulated['1'], a.n)} har haft et job på mere end 18,5 timer om ugen eller været i uddannelse.`,
      `${HowMany(a.accumulated['3'], th)}${pctText(a.accumulated['3'], a.n)} er nået til praktik eller job med løntilskud på en arbejdsplads, men endnu ikke til et almindeligt job. `
        + `${HowMany(a.accumulated['0'], th)}${pctText(a.accumulated['0'], a.n)} er ikke nået så langt endnu.`,
      `${HowMany(a.durable.full, th)} kvinder${pctText(a.durable.full, a.n)} er varigt i job på mere end 18,5 timer om ugen.`,
      `${d.goals.filter((g) => g.status === 'naaet').length} af projektets ${d.goals.length} mål er nået. Tabellen viser hvert mål.`,
    ],
    charts: [groupChart(d, t)],
    tables: [resultTable(d), t],
  };
}

const GLOSSARY: [string, string][] = [
  ['Aktivitetsparat', 'En borger, der ikke kan tage et job med det samme, men som kan deltage i aktiviteter, der bringer hende tættere på.'],
  ['Jobparat', 'En borger, der kan tage et job med det samme.'],
  ['Mål 1', 'SIRI’s første resultatmål: job på mere end 18,5 timer om ugen eller uddannelse.'],
  ['Mål 2', 'SIRI’s andet resultatmål: løntimer, højst 18,5 timer om ugen (fx et småjob).'],
  ['Mål 3', 'SIRI’s tredje resultatmål: praktik eller job med løntilskud på en arbejdsplads.'],
  ['Varigt i job', 'Et job på mere end 18,5 timer om ugen, som har varet ved over en længere periode efter SIRI’s opgørelse (i SIRI’s tal: varig beskæftigelse over deltid).'],
  ['Registerdata', 'Oplysninger fra statens registre om ydelser (DREAM) og løntimer (eIndkomst). Resultaterne opgøres efter SIRI’s definition kib-2019.1.'],
  ['Lignende kvinder', 'Kvinder uden for projektet fra samme kommune, med samme udgangspunkt og alder og med samme historik på offentlig forsørgelse og løn. De bruges til at se, hvad der ville være sket uden projektet (SIRI’s definition effekt-2026.1).'],
  ['Helårsperson', 'Et helt års offentlig forsørgelse for én person: 52 uger. 104 sparede uger er fx 2 helårspersoner.'],
  ['Diskretionering', 'Tal fra 1 til 4 vises ikke, så ingen kan genkendes; de står som «<5» eller «færre end 5», og tal, der ville afsløre dem, som «x» eller «et skjult antal».'],
];

function glossary(): Section {
  return {
    heading: 'Ord og begreber',
    tables: [{ id: 'udvalg-ord', caption: 'Ordforklaringer', source: 'plan', columns: ['Ord', 'Betydning'], rows: GLOSSARY.map(([t, m]) => [text(t), text(m)]) }],
  };
}

export function committeeSections(d: SteeringData): Section[] {
  const pr = d.choice.project;
  const a = d.result.groups.all;
  const written = (d.texts.erfaringer ?? '').trim();
  return [
    {
      heading: 'Kort fortalt',
      paragraphs: [
        `Projektet «${pr.name}» skal hjælpe indvandrerkvinder, der står langt fra arbejdsmarkedet, i job eller uddannelse. Det løber fra ${formatDate(pr.startDate)} til ${formatDate(pr.endDate)} `
          + `i ${pr.municipalityNames.join(' og ')} og er støttet af Styrelsen for International Rekruttering og Integration (SIRI).`,
        `Til og med ${formatMonth(d.result.month)} er ${howMany(a.n, d.threshold)} kvinder kommet med. ${HowMany(a.accumulated['1_or_2'], d.threshold)} af dem${pctText(a.accumulated['1_or_2'], a.n)} har været i job eller uddannelse eller haft løntimer. `
          + `${d.goals.filter((g) => g.status === 'naaet').length} af projektets ${d.goals.length} mål er nået.`,
      ],
    },
    whoTakesPart(d),
    whatWasDone(d),
    theResult(d),
    // The place for "Effekt og økonomi" (what the project cost and what it gave), added by the effect work.
    ...COMMITTEE_EFFECT_SECTIONS.flatMap((f) => f(d)),
    ...(written ? [{ heading: 'Erfaringer', freeText: written }] : []),
    { heading: 'Indstilling', paragraphs: [`Jobcentret indstiller, at udvalget tager orienteringen om projektet «${pr.name}» til efterretning.`] },
    { heading: 'Beslutning', paragraphs: committeeDecision(d) },
    { heading: 'Bilag', paragraphs: [`1. Månedlig opgørelse for projektet til og med ${formatMonth(d.result.month)}.`, '2. Projektets plan med milepæle.'] },
    glossary(),
  ];
}

/** The data line under the title, in words. */
export function committeeStamp(d: SteeringData): string {
  const at = d.vintage.importedAt ? formatDate(d.vintage.importedAt.toISOString().slice(0, 10)) : null;
  return `Tallene gælder til og med ${formatMonth(d.result.month)}. De bygger på jobcentrets egne oplysninger om kvinderne og på statens registre over ydelser og løn`
    + `${at ? ` (hentet ${at})` : ''}.`;
}

