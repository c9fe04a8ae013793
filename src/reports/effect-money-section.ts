/**
 * "Effekt og økonomi" (issue 12) for the committee brief and the final report, in plain Danish:
 * what the project cost (as the project leader entered it), what it gave against similar women
 * outside the project (effekt-2026.1, the suppressed runs: a hidden figure is said in words, as
 * elsewhere), what that is worth in kroner with the uncertainty, when it pays, and the caveats.
 */
import type { SteeringData } from '../app/steering/steering-data.ts';
import type { ShownRun } from '../app/effect/effect-runs.ts';
import { halfYearText } from '../domain/project-money.ts';
import { num, text, type Section, type Table } from './model.ts';

const kr = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const dec1 = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pct = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
/** A money figure the project leader has not entered. */
export const NOT_ENTERED = 'Ikke skrevet ind';
const kroner = (n: number) => `${kr.format(Math.round(n))} kr.`;

const PERIOD_WORDS: Record<number, string> = { 6: 'det første halve år', 12: 'det første år', 24: 'de første to år' };
const periodWords = (h: number) => PERIOD_WORDS[h] ?? `de første ${h} måneder`;

function moneyParagraph(d: SteeringData): string {
  const m = d.money;
  if (m.grant === null && m.ownFinancing === null && m.budgetTotal === 0 && m.spentTotal === 0) {
    return 'Projektlederen har endnu ikke skrevet projektets budget og forbrug ind, så der kan ikke regnes på, hvad projektet har kostet.';
  }
  const parts: string[] = [];
  if (m.grant !== null) parts.push(`Projektet har fået ${kroner(m.grant)} fra SIRI`);
  if (m.ownFinancing !== null) parts.push(`${parts.length ? 'og' : 'Kommunen har lagt'} ${kroner(m.ownFinancing)} i egenfinansiering`);
  const first = parts.length ? `${parts.join(' ')}. ` : '';
  const budget = m.budgetTotal > 0 ? `Budgettet er på ${kroner(m.budgetTotal)}` : 'Der er ikke lagt et budget ind';
  const spent = m.spentUntil ? `, og til og med ${halfYearText(m.spentUntil)} er der brugt ${kroner(m.spentTotal)}` : ', og der er ikke skrevet forbrug ind endnu';
  // A sentence ending in an amount ("… kr.") has its full stop already.
  const text = `${first}${budget}${spent}`;
  return text.endsWith('.') ? text : `${text}.`;
}

/** The horizon told in the text: 12 months when it has an estimate, else the longest one that has. */
function mainRun(runs: ShownRun[]): ShownRun | null {
  const shown = runs.filter((r) => !r.tooFew && r.outcomes.weeksOnSupport.effect !== null);
  return shown.find((r) => r.horizon === 12) ?? shown.at(-1) ?? null;
}

function effectParagraphs(d: SteeringData, r: ShownRun): string[] {
  const w = r.outcomes.weeksOnSupport;
  const fewer = w.effect! <= 0;
  const ci = w.ci ? ` (når usikkerheden regnes med, mellem ${dec1.format(Math.abs(w.ci[fewer ? 1 : 0]))} og ${dec1.format(Math.abs(w.ci[fewer ? 0 : 1]))} uger${w.ci[0] < 0 && w.ci[1] > 0 ? ', og det kan altså også være ingen forskel' : ''})` : '';
  const out = [
    'For at se, hvad projektet har gjort af forskel, er kvinderne sammenlignet med lignende kvinder uden for projektet: kvinder fra samme kommune, '
      + 'med samme udgangspunkt og alder og med samme historik på offentlig forsørgelse og løn, målt i statens registre.',
    `I ${periodWords(r.horizon)} efter, at de begyndte, var kvinderne i projektet i gennemsnit ${dec1.format(Math.abs(w.effect!))} uger ${fewer ? 'færre' : 'flere'} på offentlig forsørgelse end de lignende kvinder${ci}.`,
  ];
  const m1 = r.outcomes.maal1;
  out.push(m1.treated !== null && m1.controls !== null
    ? `${pct.format(100 * m1.treated)} % af kvinderne i projektet kom i job på mere end 18,5 timer om ugen eller i uddannelse i perioden, mod ${pct.format(100 * m1.controls)} % af de lignende kvinder.`
    : 'Hvor mange der kom i job eller uddannelse, vises ikke her, fordi tallene er så små, at enkelte kvinder kunne genkendes.');
  const inv = d.effect!.investment;
  const h = inv.horizons.find((x) => x.horizon === r.horizon);
  if (h) {
    const c = h.case;
    // kroner() ends in "kr.", which also ends the sentence.
    const bounds = c.atBounds ? ` Med usikkerheden er det mellem ${kroner(c.atBounds.fewest.kroner)} og ${kroner(c.atBounds.most.kroner)}` : '';
    // More weeks on support than the comparison cost money: said as such, not as a negative saving.
    let money = c.kroner >= 0
      ? `De sparede uger svarer til ${dec1.format(c.helaarspersoner)} helårspersoner og omkring ${kroner(c.kroner)} i offentlige ydelser.${bounds}`
      : `De ekstra uger på forsørgelse svarer til ${dec1.format(Math.abs(c.helaarspersoner))} helårspersoner og omkring ${kroner(-c.kroner)} mere i offentlige ydelser.${bounds}`;
    if (inv.cost !== null) {
      money += ` Holdt op mod projektets omkostning på ${kroner(inv.cost)} giver det ${c.net >= 0 ? `et overskud på ${kroner(c.net)}` : `et underskud på ${kroner(-c.net)}`} for de kvinder, der kan følges.`;
    }
    out.push(money);
    if (inv.breakEven) {
      const last = inv.horizons.at(-1)!.horizon;
      const when = (m: number | null) => (m === null ? `ikke inden for ${last} måneder` : `efter ${m} måneder`);
      out.push(`Hvis alle projektets kvinder sparer lige så meget som dem, der kunne sammenlignes, har projektet tjent sig hjem ${when(inv.breakEven.estimate.month)} `
        + `(med usikkerheden ${when(inv.breakEven.most?.month ?? null)} til ${when(inv.breakEven.fewest?.month ?? null)}).`);
    }
  }
  return out;
}

function moneyTable(d: SteeringData): Table {
  const m = d.money;
  // What has not been entered says so: a 0 would read as a project that cost nothing (issue 18).
  const entered = (has: boolean, v: number | null) => (has && v !== null ? num(v) : text(NOT_ENTERED));
  const rows = [
    [text('Bevilling fra SIRI'), entered(true, m.grant)],
    [text('Egenfinansiering'), entered(true, m.ownFinancing)],
    [text('Budget i alt'), entered(m.lines.some((l) => l.budget !== null), m.budgetTotal)],
    [text(m.spentUntil ? `Brugt til og med ${halfYearText(m.spentUntil)}` : 'Brugt'), entered(m.spentUntil !== null, m.spentTotal)],
  ];
  for (const h of d.effect?.investment.horizons ?? []) {
    rows.push([text(`Sparet i ydelser, ${periodWords(h.horizon)}`), num(h.case.kroner)]);
  }
  return { id: 'udvalg-oekonomi', caption: 'Hvad projektet har kostet, og hvad det har sparet (kroner)', source: 'plan', columns: ['Post', 'Kroner'], rows };
}

export function effectMoneySections(d: SteeringData): Section[] {
  if (!d.effect) return [];
  const r = mainRun(d.effect.runs.horizons);
  const paragraphs = [moneyParagraph(d)];
  // The caveats are about the effect and what it saves: without an effect figure there is nothing for them to qualify.
  if (r) {
    paragraphs.push(...effectParagraphs(d, r));
    paragraphs.push('Tallene er usikre. Registrene viser ikke fx motivation, sprog, helbred og familie, så en del af forskellen kan skyldes, hvem der kom med i projektet. '
      + 'Kun sparede offentlige ydelser er regnet med, til faste satser pr. uge – ikke skat af lønnen eller andre gevinster og udgifter.');
  } else paragraphs.push('Projektets effekt kan endnu ikke gøres op: der er for få kvinder, der kan følges længe nok og sammenlignes med lignende kvinder uden for projektet, til at et tal kan vises, uden at nogen kan genkendes.');
  return [{ heading: 'Effekt og økonomi', paragraphs, tables: [moneyTable(d)] }];
}
