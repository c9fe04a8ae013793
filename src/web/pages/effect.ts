/** The "Effekt" page: effect against a matched comparison group at 6, 12 and 24 months, with balance and caveats. */
import type { Actor } from '../../core/actor.ts';
import type { EffectView } from '../../app/effect/effect-view.ts';
import type { PoolImportRow } from '../../db/effect/pool.ts';
import type { ShownEffect } from '../../effect/suppress.ts';
import { BALANCE_VARIABLES, OUTCOMES, SHARE_OUTCOMES } from '../../effect/types.ts';
import { BALANCE_LABELS, OUTCOME_LABELS, showInterval, showMean, showOutcomeValue, showSmd } from '../effect-labels.ts';
import { formatDateTime, formatNumber } from '../../core/format.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { showCount } from '../monitoring-labels.ts';
import { SUPPORT_CATEGORY_LABELS } from '../../core/labels.ts';
import { halfYearText } from '../../domain/project-money.ts';
import { showHelaar, showKroner, showKronerOere, showWeeks } from '../effect-money.ts';

function hiddenText(e: ShownEffect, threshold: number, o: (typeof OUTCOMES)[number]): string | null {
  const h = e.outcomes[o].hidden;
  if (h === 'faa') return `<${threshold}`;
  if (h === 'smaa_tal') return 'x';
  return null;
}

function horizonSection(e: ShownEffect, threshold: number) {
  const id = `h${e.horizon}`;
  return html`<section aria-labelledby="${id}" data-testid="horizon-${e.horizon}">
    <h2 id="${id}">Efter ${e.horizon} måneder</h2>
    <p data-testid="counts-${e.horizon}">Matchede deltagere: <strong>${showCount(e.matched)}</strong> af ${showCount(e.participants)} ·
      uden match: ${showCount(e.unmatched)} · indskrevet for sent til at kunne følges ${e.horizon} måneder: ${showCount(e.excludedShortWindow)}.
      ${e.medianMonth ? `Puljen er målt fra ${e.medianMonth} (deltagernes mediane indskrivningsmåned) til den rå forskel.` : ''}</p>
    ${
      e.tooFew
        ? html`<div class="alert alert-info" role="note"><div class="alert-body"><p class="alert-text">Færre end ${threshold} matchede deltagere: der vises ingen effekt, fordi tallene ville være for usikre og kunne pege på enkeltpersoner.</p></div></div>`
        : html`<div class="effect-grid">
      <div class="table-wrap"><table class="table table--zebra" data-testid="outcomes-${e.horizon}">
        <caption>Udfald inden for ${e.horizon} måneder fra indskrivning. Nævner: ${showCount(e.matched)} matchede deltagere, hver med op til ${e.controlsPerParticipant} kontroller.</caption>
        <thead><tr><th scope="col">Udfald</th><th scope="col" class="text-right">Deltagere</th><th scope="col" class="text-right">Sammenligningsgruppe</th>
          <th scope="col" class="text-right">Effekt</th><th scope="col" class="text-right">95 %-interval</th><th scope="col" class="text-right">Rå forskel (uden matching)</th></tr></thead>
        <tbody>${OUTCOMES.map((o) => {
          const share = SHARE_OUTCOMES.includes(o);
          const x = e.outcomes[o];
          const hidden = hiddenText(e, threshold, o);
          return html`<tr><th scope="row">${OUTCOME_LABELS[o]}</th>
            <td class="text-right">${hidden ?? showOutcomeValue(x.treated, share)}</td><td class="text-right">${hidden ?? showOutcomeValue(x.controls, share)}</td>
            <td class="text-right"><strong>${hidden ?? showOutcomeValue(x.effect, share, true)}</strong></td><td class="text-right">${hidden ?? showInterval(x.ci, share)}</td>
            <td class="text-right">${hidden ?? showOutcomeValue(x.raw, share, true)}</td></tr>`;
        })}</tbody></table></div>
      <aside class="effect-caveat" aria-label="Forbehold ved ${e.horizon} måneder">
        <p><strong>Sådan læses tallene.</strong> Effekten er forskellen mellem deltagerne og lignende kvinder uden for projektet
          (samme kommune, status og aldersgruppe, tæt på i ydelses- og løntimehistorik). Intervallet viser usikkerheden.
          Den rå forskel sammenligner med hele puljen uden matching og viser, hvor meget udvælgelsen alene betyder.</p>
        <p><strong>Forbehold.</strong> Registrene viser ikke motivation, sprog, helbred eller familie. Har projektet udvalgt kvinder på
          noget, registrene ikke ser, kan effekten være for høj eller for lav.</p>
      </aside></div>
      <div class="table-wrap"><table class="table table--zebra" data-testid="balance-${e.horizon}">
        <caption>Balance: standardiseret forskel i gennemsnit før matching (deltagere mod hele puljen) og efter (deltagere mod deres kontroller). Over 0,10 efter matching er en advarsel.</caption>
        <thead><tr><th scope="col">Variabel</th><th scope="col" class="text-right">Deltagere</th><th scope="col" class="text-right">Hele puljen</th>
          <th scope="col" class="text-right">Kontroller</th><th scope="col" class="text-right">Før</th><th scope="col" class="text-right">Efter</th><th scope="col">Vurdering</th></tr></thead>
        <tbody>${BALANCE_VARIABLES.map((v) => {
          const b = e.balance.find((x) => x.variable === v)!;
          return html`<tr><th scope="row">${BALANCE_LABELS[v]}</th><td class="text-right">${showMean(b.meanParticipants)}</td><td class="text-right">${showMean(b.meanPool)}</td>
            <td class="text-right">${showMean(b.meanControls)}</td><td class="text-right">${showSmd(b.smdBefore)}</td><td class="text-right">${showSmd(b.smdAfter)}</td>
            <td>${b.warning ? html`<strong data-testid="balance-warning">Advarsel: ikke balanceret</strong>` : 'Balanceret'}</td></tr>`;
        })}</tbody></table></div>`
    }
  </section>`;
}

export function effectPage(actor: Actor, csrf: string, v: EffectView, month: string) {
  const r = v.runs;
  const scopeText =
    v.scope === 'national'
      ? `Alle kommuners deltagere mod den nationale sammenligningspulje. Tal under ${v.threshold} vises som «<${v.threshold}», og tal, der ville afsløre dem, som «x».`
      : `Projektet ${v.choice!.project.name}: deltagere i ${actor.municipalityNames.join(' og ')} mod den nationale sammenligningspulje.`;
  return page(
    { title: 'Effekt', actor, csrf, path: '/effekt', heading: 'Effekt mod en matchet sammenligningsgruppe' },
    html`<p class="meta" data-testid="effect-meta">Definition effekt-2026.1 · ${scopeText}<br>
        Sammenligningspuljen: ${formatNumber(v.poolSize)} kvinder · beregnet ${formatDateTime(r.computedAt)}</p>
      ${v.poolSize === 0 ? html`<div class="alert alert-warning" role="note"><div class="alert-body"><p class="alert-text">Der er ikke indlæst en sammenligningspulje endnu${v.scope === 'national' ? html` – <a href="/effekt/pulje">indlæs puljen</a>` : ', så ingen deltager kan matches'}.</p></div></div>` : ''}
      <form method="get" action="/effekt" class="search-row">
        ${
          v.choice && v.choice.projects.length > 1
            ? html`<div class="form-group"><label class="form-label" for="projekt">Projekt</label>
              <select class="form-select" id="projekt" name="projekt">${v.choice.projects.map((p) => html`<option value="${p.id}"${p.id === v.choice!.project.id ? html` selected` : ''}>${p.name}</option>`)}</select></div>`
            : v.choice
              ? html`<input type="hidden" name="projekt" value="${v.choice.project.id}">`
              : ''
        }
        <div class="form-group"><label class="form-label" for="maaned">Rapportmåned</label>
          <span class="form-hint" id="maaned-hint">Kun kvinder, der kan følges hele perioden frem til denne måned, indgår.</span>
          <input class="form-input input-width-s" id="maaned" name="maaned" type="month" value="${month}" pattern="[0-9]{4}-[0-9]{2}" aria-describedby="maaned-hint"></div>
        <button class="button button-secondary" type="submit">Beregn</button>
      </form>
      <p><a href="/effekt.csv?maaned=${month}${v.choice ? `&projekt=${v.choice.project.id}` : ''}" data-testid="effect-csv">Hent tallene som CSV</a>${v.scope === 'national' ? html` · <a href="/effekt/pulje">Sammenligningspuljen</a>` : ''}</p>
      ${r.horizons.map((e) => horizonSection(e, v.threshold))}
      ${investmentSection(v)}`,
  );
}

const monthsText = (m: number | null, last: number) =>
  m === null ? `ikke inden for ${last} måneder` : m === 0 ? 'straks (ingen omkostning)' : `efter ${m} måneder`;

/** What the project cost, in words. */
function costText(v: EffectView): string {
  const i = v.investment;
  if (i.cost === null) {
    return v.scope === 'national'
      ? 'Ingen projekter har indtastet budget eller forbrug endnu, så der kan ikke regnes et nettoresultat.'
      : 'Projektlederen har ikke indtastet budget eller forbrug endnu (under Styring → Økonomi), så der kan ikke regnes et nettoresultat.';
  }
  if (v.scope === 'national')
    return `Omkostning: ${showKroner(i.cost)}, summen af det, ${v.projectsWithCost} projekter har indtastet (forbrug til dato, ellers budget).`;
  const m = v.money!;
  const basis =
    i.costBasis === 'forbrug'
      ? `forbrug til og med ${halfYearText(m.spentUntil!)}`
      : i.costBasis === 'budget'
        ? 'hele budgettet (der er ikke indtastet forbrug endnu)'
        : 'bevilling og egenfinansiering (der er ikke indtastet budget eller forbrug)';
  return `Projektets omkostning: ${showKroner(i.cost)} – ${basis}, som projektlederen har indtastet.`;
}

/** The investment case (spec §6): kroner saved against the cost, with the interval and break-even. */
function investmentSection(v: EffectView) {
  const i = v.investment;
  const last = i.horizons.at(-1)?.horizon ?? 24;
  const leaderLink = v.scope === 'project' ? html` <a href="/styring/oekonomi?projekt=${v.choice!.project.id}">Budget og forbrug</a>.` : '';
  return html`<section aria-labelledby="investering" data-testid="investment">
    <h2 id="investering">Investeringscase: hvad effekten er værd i kroner</h2>
    <p data-testid="investment-cost">${costText(v)}${leaderLink}</p>
    ${
      i.horizons.length === 0
        ? html`<div class="alert alert-info" role="note"><div class="alert-body"><p class="alert-text">Der kan ikke regnes en investeringscase, før der er en effekt at vise.</p></div></div>`
        : html`<div class="effect-grid">
      <div class="table-wrap"><table class="table table--zebra" data-testid="investment-table">
        <caption>Sparede uger på offentlig forsørgelse i kroner (effekten × matchede deltagere × ugesatsen), med 95 %-interval, mod omkostningen.</caption>
        <thead><tr><th scope="col">Periode</th><th scope="col" class="text-right">Matchede</th><th scope="col" class="text-right">Sparede uger</th>
          <th scope="col" class="text-right">Helårspersoner</th><th scope="col" class="text-right">Sparet</th><th scope="col" class="text-right">95 %-interval</th>
          <th scope="col" class="text-right">Netto (sparet − omkostning)</th></tr></thead>
        <tbody>${i.horizons.map(
          (
            h,
          ) => html`<tr data-testid="investment-${h.horizon}"><th scope="row">${h.horizon} måneder</th><td class="text-right">${h.matched}</td>
          <td class="text-right">${showWeeks(h.case.weeksSaved)}</td><td class="text-right">${showHelaar(h.case.helaarspersoner)}</td>
          <td class="text-right"><strong>${showKroner(h.case.kroner)}</strong></td>
          <td class="text-right">${h.case.atBounds ? `${showKroner(h.case.atBounds.fewest.kroner)} til ${showKroner(h.case.atBounds.most.kroner)}` : '–'}</td>
          <td class="text-right">${i.cost === null ? '–' : showKroner(h.case.net)}</td></tr>`,
        )}</tbody></table></div>
      <aside class="effect-caveat" aria-label="Forbehold ved investeringscasen">
        <p><strong>Forbehold.</strong> Kun offentlig forsørgelse regnes med, til standardsatser pr. uge – ikke skat af løn, ikke andre udgifter.
          Beløbet er ikke mere sikkert end effekten: intervallet kan gå fra underskud til overskud. Omkostningen er den, projektlederen har indtastet.</p>
      </aside></div>
      ${
        i.breakEven
          ? html`<p data-testid="break-even">Hvis alle ${i.participants} deltagere sparer lige så meget som de matchede, har projektet tjent sig hjem
        <strong>${monthsText(i.breakEven.estimate.month, last)}</strong> efter indskrivningen
        (med usikkerheden: ${monthsText(i.breakEven.most?.month ?? null, last)} til ${monthsText(i.breakEven.fewest?.month ?? null, last)}).
        ${i.breakEven.estimate.womenNeeded.map((w) => (w.women === null ? `Efter ${w.horizon} måneder er der ingen besparelse at regne med. ` : `Med besparelsen efter ${w.horizon} måneder skal ${w.women} kvinder igennem projektet, før det har betalt sig. `))}</p>`
          : ''
      }
      <div class="table-wrap"><table class="table table--zebra" data-testid="rates-used">
        <caption>Ugesatser brugt i beregningen, med kilde. Satserne vedligeholdes af en administrator.</caption>
        <thead><tr><th scope="col">Forsørgelse</th><th scope="col">År</th><th scope="col" class="text-right">Sats pr. uge</th><th scope="col">Kilde</th></tr></thead>
        <tbody>${i.ratesUsed.map((r) => html`<tr><th scope="row">${SUPPORT_CATEGORY_LABELS[r.category] ?? r.category}</th><td>${r.year}</td><td class="text-right">${showKronerOere(r.rate)}</td><td>${r.source}</td></tr>`)}</tbody></table></div>
      ${i.missingRates.length ? html`<p data-testid="missing-rates"><strong>Mangler sats</strong> (regnet som 0 kr.): ${i.missingRates.map((m) => `${SUPPORT_CATEGORY_LABELS[m.category] ?? m.category} ${m.year}`).join(', ')}.</p>` : ''}`
    }
  </section>`;
}

/** CSV of the shown (suppressed) figures: horizon;afsnit;navn;maal;vaerdi. */
export function effectCsv(v: EffectView): string {
  const lines = ['horisont;afsnit;navn;maal;vaerdi'];
  const cell = (x: unknown) => (x === null || x === undefined ? '' : String(x));
  for (const e of v.runs.horizons) {
    for (const k of ['participants', 'matched', 'unmatched', 'excludedShortWindow'] as const)
      lines.push(`${e.horizon};antal;${k};;${cell(e[k])}`);
    for (const o of OUTCOMES) {
      const x = e.outcomes[o];
      const hidden = hiddenText(e, v.threshold, o);
      const vals: [string, unknown][] = [
        ['treated', x.treated],
        ['controls', x.controls],
        ['effect', x.effect],
        ['ci_lower', x.ci?.[0]],
        ['ci_upper', x.ci?.[1]],
        ['raw', x.raw],
      ];
      for (const [k, val] of vals) lines.push(`${e.horizon};udfald;${o};${k};${hidden ?? cell(val)}`);
    }
    for (const b of e.balance)
      for (const k of ['smdBefore', 'smdAfter', 'warning'] as const) lines.push(`${e.horizon};balance;${b.variable};${k};${cell(b[k])}`);
  }
  const i = v.investment;
  lines.push(`;investering;omkostning;;${cell(i.cost)}`);
  for (const h of i.horizons) {
    const vals: [string, unknown][] = [
      ['weeksSaved', h.case.weeksSaved],
      ['helaarspersoner', h.case.helaarspersoner],
      ['kroner', h.case.kroner],
      ['kroner_lower', h.case.atBounds?.fewest.kroner],
      ['kroner_upper', h.case.atBounds?.most.kroner],
      ['net', i.cost === null ? null : h.case.net],
    ];
    for (const [k, val] of vals) lines.push(`${h.horizon};investering;sparet;${k};${cell(val)}`);
  }
  if (i.breakEven) lines.push(`;investering;break_even_maaned;;${cell(i.breakEven.estimate.month)}`);
  for (const r of i.ratesUsed) lines.push(`;sats;${r.category};${r.year};${r.rate}`);
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function poolPage(
  actor: Actor,
  csrf: string,
  imports: PoolImportRow[],
  size: number,
  o: { error?: string; notice?: string; cpr?: string; cprError?: string } = {},
) {
  return page(
    { title: 'Sammenligningspulje', actor, csrf, path: '/effekt' },
    html`<p>Puljen er de kvinder, projektdeltagerne kan sammenlignes med: en CSV-fil med kolonnerne <code>cpr</code> og <code>kommune</code>
        (navn eller kommunekode) og eventuelt <code>oprindelsesland</code>. En ny fil erstatter puljen. Kvinderne gemmes kun under en nøglet
        hash af CPR-nummeret med fødselsdato og kommune; de vises aldrig som personer. Deres ydelsesuger og løntimer indlæses som andre
        registerdata under <a href="/registerdata">Registerdata</a>.</p>
      ${o.error ? html`<div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-text">${o.error}</p></div></div>` : ''}
      ${o.notice ? html`<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">${o.notice}</p></div></div>` : ''}
      <p data-testid="pool-size">Kvinder i puljen nu: <strong>${formatNumber(size)}</strong></p>
      <form method="post" action="/effekt/pulje?_csrf=${encodeURIComponent(csrf)}" enctype="multipart/form-data" data-testid="pool-form">
        <div class="form-group">
          <label class="form-label" for="file">CSV-fil med puljen</label>
          <span class="form-hint" id="file-hint">Semikolon, komma eller tabulator; UTF-8 eller Windows-1252.</span>
          <input class="form-input" id="file" name="file" type="file" accept=".csv,.txt,text/csv" aria-describedby="file-hint" required>
        </div>
        <button type="submit" class="button button-primary">Indlæs pulje</button>
      </form>
      <h2>Indlæste puljer</h2>
      <div class="table-wrap"><table class="table table--zebra" data-testid="pool-imports">
        <caption class="sr-only">Indlæste puljelister med oprindelse</caption>
        <thead><tr><th scope="col">Nr.</th><th scope="col">Fil</th><th scope="col">SHA-256</th><th scope="col" class="text-right">Kvinder</th><th scope="col">Indlæst af</th><th scope="col">Tidspunkt</th></tr></thead>
        <tbody>${
          imports.length
            ? imports.map(
                (i) => html`<tr><td>${i.id}</td><td>${i.fileName}</td><td><code title="${i.sha256}">${i.sha256.slice(0, 12)}…</code></td>
              <td class="text-right">${formatNumber(i.rows)}</td><td>${i.importedByName}</td><td>${formatDateTime(i.importedAt)}</td></tr>`,
              )
            : html`<tr><td colspan="6">Ingen pulje er indlæst endnu.</td></tr>`
        }</tbody></table></div>
      <h2>Slet en kvinde fra puljen</h2>
      <p>Når en kvinde beder om at blive slettet, fjernes hun fra puljen, og hendes registerdata slettes, medmindre hun også er deltager.</p>
      <form method="post" action="/effekt/pulje/slet" data-testid="pool-erase-form">
        <input type="hidden" name="_csrf" value="${csrf}">
        <div class="form-group${o.cprError ? ' form-error' : ''}">
          <label class="form-label" for="cpr">CPR-nummer</label>
          ${o.cprError ? html`<span class="form-error-message" id="cpr-error"><span class="sr-only">Fejl: </span>${o.cprError}</span>` : ''}
          <input class="form-input input-width-s" id="cpr" name="cpr" type="text" inputmode="numeric" autocomplete="off" value="${o.cpr ?? ''}"${o.cprError ? html` aria-describedby="cpr-error" aria-invalid="true"` : ''}>
        </div>
        <button type="submit" class="button button-secondary">Slet fra puljen</button>
      </form>`,
  );
}
