/** Her course on the participant page: alerts, actions, plan, activities, conversations, progression, history, timeline. */
import type { CaseFile } from '../../../app/casework/case-file.ts';
import type { TimelineEntry } from '../../../domain/timeline.ts';
import { findActivityType } from '../../../domain/activities.ts';
import { FREMDRIFTSTRAPPEN, WHO5, findInstrument, scoreAssessment, type DistanceTravelled } from '../../../domain/instruments.ts';
import { childrenText, type FamilySituation } from '../../../domain/family.ts';
import { parseProjectInstrumentKey, projectInstrumentKey } from '../../../domain/project-instruments.ts';
import {
  ACTIVITY_STATUS_LABELS,
  CHILDCARE_LABELS,
  PARTNER_INVOLVEMENT_LABELS,
  CONVERSATION_KIND_LABELS,
  EXEMPTION_KIND_LABELS,
  FLERE_SKAL_MED_LABELS,
  GOAL_STATUS_LABELS,
  RECRUITMENT_CHANNEL_LABELS,
  SEVERITY_LABELS,
  VISITATION_LABELS,
  YES_NO,
} from '../../../core/labels.ts';
import type { CompanyConsent, FlereSkalMedGroup, RecruitmentChannel, Visitation } from '../../../core/codes.ts';
import type { CaseEnrolment } from '../../../db/casework/access.ts';
import type { Alert } from '../../../domain/alerts.ts';
import type { ExemptionPeriod } from '../../../domain/exemptions.ts';
import { html, type SafeHtml } from '../../html.ts';
import { formatDate } from '../../../core/format.ts';
import type { CaseSectionKey } from '../participant-nav.ts';
import { followUpSummary } from '../companies/follow-up-summary.ts';

export function alertList(alerts: Alert[]): SafeHtml {
  if (alerts.length === 0) return html`<p data-testid="no-alerts">Ingen varsler.</p>`;
  return html`<ul class="alert-list" data-testid="alerts">${alerts.map(
    (a) =>
      html`<li class="alert-item alert-item--${a.severity}" data-code="${a.code}"><strong>${SEVERITY_LABELS[a.severity]}:</strong> ${a.message}</li>`,
  )}</ul>`;
}

/** "Fritaget til …": she is exempt today and the follow-up rules pause. */
export function exemptNote(e: ExemptionPeriod): SafeHtml {
  const until = e.endDate ? `til ${formatDate(e.endDate)}` : `fra ${formatDate(e.startDate)}, uden slutdato`;
  return html`<p class="meta" data-testid="exempt-note"><strong>Fritaget ${until}</strong> (${EXEMPTION_KIND_LABELS[e.kind].toLowerCase()})</p>`;
}

/** What the company may be told about her, as her consent on the placement says. */
const consentNote = (c: CompanyConsent | null) =>
  c === 'navn'
    ? 'virksomheden må kende hende'
    : c === 'ingen'
      ? 'intet samtykke: virksomheden får intet at vide'
      : 'samtykke ikke registreret';

/** A link to the confirmation page (deleting is a correction; the audit log keeps what was deleted). */
const deleteButton = (action: string, _csrf: string, what: string) =>
  html`<a href="${action}">Slet<span class="sr-only"> ${what}</span></a>`;

const sign = (n: number) => (n > 0 ? `+${n}` : String(n));

function distance(d: DistanceTravelled | null, name: string) {
  if (!d) return html`<p>${name}: kræver mindst to målinger for at vise udviklingen.</p>`;
  return html`<p data-testid="distance-${name === WHO5.name ? 'who5' : 'trappen'}"><strong>${name}:</strong> fra ${d.total.from} (${formatDate(d.firstDate)}) til ${d.total.to} (${formatDate(d.latestDate)}), ændring ${sign(d.total.change)} over ${d.count} målinger.</p>`;
}

/** Her distance travelled on a project instrument's version: per dimension, with the step texts. */
function projectDistance(x: CaseFile['projectInstruments']['distance'][number]) {
  const { instrument, distance: d } = x;
  if (!d)
    return html`<p data-testid="distance-${instrument.key}">${instrument.name}: kræver mindst to målinger på samme version for at vise udviklingen.</p>`;
  const text = (dim: string, value: number) =>
    instrument.dimensions.find((y) => y.key === dim)?.steps.find((s) => s.value === value)?.text ?? '';
  return html`<div class="table-wrap"><table class="table table--compact" data-testid="distance-${instrument.key}">
    <caption>${instrument.name}: udvikling fra ${formatDate(d.firstDate)} til ${formatDate(d.latestDate)} (${d.count} målinger)</caption>
    <thead><tr><th scope="col">Dimension</th><th scope="col">Første måling</th><th scope="col">Seneste måling</th><th scope="col">Ændring</th></tr></thead>
    <tbody>${d.dimensions.map((c) => html`<tr><th scope="row">${c.name}</th><td>${c.from}: ${text(c.key, c.from)}</td><td>${c.to}: ${text(c.key, c.to)}</td><td>${sign(c.change)}</td></tr>`)}
      <tr><th scope="row">I alt</th><td>${d.total.from}</td><td>${d.total.to}</td><td>${sign(d.total.change)}</td></tr></tbody>
  </table></div>`;
}

function timeline(entries: TimelineEntry[]) {
  if (entries.length === 0) return html`<p>Intet registreret endnu.</p>`;
  return html`<ol class="timeline" data-testid="timeline">${entries.map(
    (t) =>
      html`<li class="timeline-entry timeline-${t.kind}"><span class="timeline-date">${formatDate(t.date)}</span> <strong>${t.title}</strong>${t.detail ? html`<br><span class="meta">${t.detail}</span>` : ''}</li>`,
  )}</ol>`;
}

/** What is expected of her so far when she has been enrolled less than a year. */
function paceNote(p: { expected: number; target: number }) {
  if (p.expected >= p.target) return '';
  if (p.expected === 0) return '; hun er nyindskrevet, så der forventes ingen endnu';
  return `; for den tid, hun har været indskrevet, forventes ${p.expected}`;
}

const CRITERION_LABELS: Record<string, string> = {
  koen: 'køn',
  alder: 'alder',
  oprindelse: 'oprindelse',
  forsoergelse: 'forsørgelse',
  cpr: 'CPR-nummer',
};

function enrolmentFacts(e: CaseEnrolment, f: CaseFile) {
  const steps = f.visitationSteps;
  const now = steps.length ? steps[steps.length - 1].to : null;
  return html`<dl class="facts" data-testid="enrolment-facts">
    <dt>Projekt</dt><dd><span class="badge-project">${e.projectName}</span></dd>
    <dt>Visitation</dt><dd>${
      now
        ? html`${VISITATION_LABELS[now]} siden ${formatDate(steps[steps.length - 1].change.date)} <span class="meta">(ved indskrivningen: ${VISITATION_LABELS[e.visitation as Visitation] ?? e.visitation})</span>`
        : (VISITATION_LABELS[e.visitation as Visitation] ?? e.visitation)
    }${f.enrolled ? html` <a href="/deltagere/${f.participant.id}/visitation">Ændr visitation</a>` : ''}</dd>
    <dt>Flere skal med</dt><dd>${e.flereSkalMed ? FLERE_SKAL_MED_LABELS[e.flereSkalMed as FlereSkalMedGroup] : 'Ikke screenet'}</dd>
    <dt>Rekrutteret via</dt><dd>${e.recruitmentChannel ? (RECRUITMENT_CHANNEL_LABELS[e.recruitmentChannel as RecruitmentChannel] ?? e.recruitmentChannel) : '–'}</dd>
    <dt>Sagsbehandler</dt><dd>${e.caseworkerName ?? '–'}</dd>
    <dt>Virksomhedskonsulent</dt><dd data-testid="consultant">${
      f.consultant
        ? html`${f.consultant.consultantName ?? '–'} <span class="meta">(fra ${formatDate(f.consultant.fromDate)})</span>`
        : 'Ingen'
    }${f.enrolled ? html` <a href="/deltagere/${f.participant.id}/virksomhedskonsulent">Skift virksomhedskonsulent</a>` : ''}</dd>
    ${
      e.unmetCriteria.length
        ? html`<dt>Indskrevet uden for målgruppen</dt><dd>${e.unmetCriteria.map((c) => CRITERION_LABELS[c] ?? c).join(', ')}: ${e.overrideReason ?? ''}</dd>`
        : ''
    }
    ${e.exitNote ? html`<dt>Bemærkning til udskrivning</dt><dd>${e.exitNote}</dd>` : ''}
  </dl>`;
}

/** Who was her company consultant from when (a wrong row is deleted and entered again). */
function consultantHistory(f: CaseFile, base: string, csrf: string) {
  return html`<div class="table-wrap"><table class="table table--zebra" data-testid="consultant-history">
    <caption>Virksomhedskonsulenter</caption>
    <thead><tr><th scope="col">Fra</th><th scope="col">Virksomhedskonsulent</th><th scope="col">Registreret af</th><th scope="col">Slet</th></tr></thead>
    <tbody>${f.consultantChanges.map(
      (c) => html`<tr><td>${formatDate(c.fromDate)}</td><td>${c.consultantId === null ? 'Ingen' : (c.consultantName ?? '–')}</td>
      <td>${c.createdByName ?? '–'}</td><td>${deleteButton(`${base}/virksomhedskonsulenter/${c.id}/slet`, csrf, `skift af virksomhedskonsulent ${formatDate(c.fromDate)}`)}</td></tr>`,
    )}</tbody>
  </table></div>`;
}

const interpreterText = (f: FamilySituation) =>
  f.interpreterNeeded === null
    ? f.interpreterLanguage
      ? `Ikke oplyst (sprog: ${f.interpreterLanguage})`
      : 'Ikke oplyst'
    : f.interpreterNeeded
      ? `Ja, ${f.interpreterLanguage ?? ''}`
      : `Nej${f.interpreterLanguage ? ` (sprog: ${f.interpreterLanguage})` : ''}`;

/** Her family situation now (on the overview), with the link to change it. */
function familyNow(f: CaseFile, base: string) {
  const now = f.family;
  return html`<h3 id="familie-heading">Familiesituation</h3>
    ${
      now
        ? html`<dl class="facts" data-testid="family-now"><dt>Gælder fra</dt><dd>${formatDate(now.fromDate)}</dd>${familyFacts(now)}</dl>`
        : html`<p data-testid="family-now">Ikke registreret.</p>`
    }
    <p><a href="${base}/familie">${now ? 'Ret familiesituation' : 'Registrér familiesituation'}</a></p>`;
}

const familyFacts = (x: FamilySituation) => html`
    <dt>Børn</dt><dd>${childrenText(x)}</dd>
    <dt>Børnepasning og dagtilbud</dt><dd>${x.childcare ? CHILDCARE_LABELS[x.childcare] : 'Ikke oplyst'}</dd>
    <dt>Partneren deltager</dt><dd>${x.partnerInvolvement ? PARTNER_INVOLVEMENT_LABELS[x.partnerInvolvement] : 'Ikke oplyst'}</dd>
    <dt>Tolk</dt><dd>${interpreterText(x)}</dd>`;

/** Each change of her family situation and what it was at her enrolment (a wrong row is deleted and entered again). */
function familyHistory(f: CaseFile, base: string, csrf: string) {
  const at = f.familyAtEnrolment;
  return f.familyChanges.length
    ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="family-history">
        <caption>Familiesituation over tid${at ? html` <span class="weight-normal">(ved indskrivningen: den fra ${formatDate(at.fromDate)})</span>` : ''}</caption>
        <thead><tr><th scope="col">Fra</th><th scope="col">Børn</th><th scope="col">Børnepasning</th><th scope="col">Partneren deltager</th><th scope="col">Tolk</th><th scope="col">Registreret af</th><th scope="col">Slet</th></tr></thead>
        <tbody>${f.familyChanges.map(
          (c) => html`<tr><td>${formatDate(c.fromDate)}</td><td>${childrenText(c)}</td>
          <td>${c.childcare ? CHILDCARE_LABELS[c.childcare] : '–'}</td><td>${c.partnerInvolvement ? PARTNER_INVOLVEMENT_LABELS[c.partnerInvolvement] : '–'}</td>
          <td>${interpreterText(c)}</td><td>${c.createdByName ?? '–'}</td>
          <td>${deleteButton(`${base}/familiesituationer/${c.id}/slet`, csrf, `familiesituation fra ${formatDate(c.fromDate)}`)}</td></tr>`,
        )}</tbody>
      </table></div>`
    : html`<p>Ingen familiesituation registreret.</p>`;
}

/** What each section of her page shows (the overview: alerts, next step, enrolment facts and plan). */
// Long because it is one switch with one HTML template per section of her page (overview, activities,
// exemptions, conversations, assessments, history, Danish, timeline); each case is short and reads on its own.
export function caseSection(f: CaseFile, csrf: string, entries: TimelineEntry[], section: CaseSectionKey = 'overblik'): SafeHtml {
  const id = f.participant.id;
  const base = `/deltagere/${id}`;
  const e = f.participant.enrolment;
  const extra = f.config.extraTypes;
  switch (section) {
    case 'overblik':
      return html`<section aria-labelledby="forloeb-heading" class="case-section">
    <h2 id="forloeb-heading">Forløb</h2>
    ${
      f.enrolled
        ? html`<h3>Varsler</h3>${
            f.exemptToday
              ? html`${exemptNote(f.exemptToday)}<p>Opfølgningsreglerne holder pause, og fristerne rykkes med fritagelsens længde.</p>`
              : ''
          }${alertList(f.alerts)}
        <p>${f.nextDue ? html`<strong>${f.nextDue.label}:</strong> senest ${formatDate(f.nextDue.date)}. ` : ''}Seneste kontakt: ${formatDate(f.lastContact)}.</p>
        ${f.pace ? html`<p data-testid="conversation-pace">Samtaler de seneste 12 måneder: ${f.pace.held} (mål ${f.pace.target} om året${paceNote(f.pace)}).</p>` : ''}`
        : html`<p>Borgeren er ikke indskrevet i et projekt i dag.</p>`
    }
    ${e ? enrolmentFacts(e, f) : ''}
    ${familyNow(f, base)}
    <h3>Plan</h3>
    ${
      f.plan
        ? html`<dl class="facts" data-testid="plan">
          <dt>Jobmål</dt><dd>${f.plan.jobGoal ?? '–'}</dd>
          <dt>ABC-jobstrategi</dt><dd>A: ${f.plan.abcStrategy.a ?? '–'} · B: ${f.plan.abcStrategy.b ?? '–'} · C: ${f.plan.abcStrategy.c ?? '–'}</dd>
          <dt>CV på Jobnet</dt><dd>${YES_NO(f.plan.cvOnJobnet)}${f.plan.cvDate ? ` (${formatDate(f.plan.cvDate)})` : ''}</dd>
          <dt>Familieplan</dt><dd>${YES_NO(f.plan.familyPlan)}</dd>
          <dt>Sundhedsplan</dt><dd>${YES_NO(f.plan.healthPlan)}</dd>
          <dt>Delmål</dt><dd>${
            f.plan.goals.length
              ? html`<ul>${f.plan.goals.map((g) => html`<li>${g.text} – frist ${formatDate(g.dueDate)} (${GOAL_STATUS_LABELS[g.status]})</li>`)}</ul>`
              : 'Ingen'
          }</dd>
        </dl>`
        : html`<p>Der er ikke lavet en plan endnu.</p>`
    }

  </section>`;
    case 'aktiviteter':
      return html`<div class="case-section" data-testid="section-aktiviteter">
    ${
      f.activities.length
        ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="activities">
          <thead><tr><th scope="col">Aktivitet</th><th scope="col">Udbyder / virksomhed</th><th scope="col">Periode</th><th scope="col">Timer/uge</th><th scope="col">Status</th><th scope="col">Ret eller slet</th></tr></thead>
          <tbody>${f.activities.map((a) => {
            const name = findActivityType(a.typeKey, extra)?.name ?? a.typeKey;
            return html`<tr><td>${name}</td><td>${a.companyId ? html`<a href="/virksomheder/${a.companyId}">${a.provider ?? `CVR ${a.cvr}`}</a>` : (a.provider ?? '–')}${a.cvr ? html` <span class="meta">(CVR ${a.cvr}; <span data-testid="company-consent">${consentNote(a.companyConsent)}</span>)</span>` : ''}${followUpSummary(a, f.followUps, f.today)}</td>
              <td>${formatDate(a.startDate)}–${a.endDate ? formatDate(a.endDate) : ''}</td><td>${a.hoursPerWeek == null ? '–' : String(a.hoursPerWeek).replace('.', ',')}</td>
              <td>${ACTIVITY_STATUS_LABELS[a.status]}</td>
              <td><a href="${base}/aktiviteter/${a.id}">Ret<span class="sr-only"> ${name} ${formatDate(a.startDate)}</span></a> ${deleteButton(`${base}/aktiviteter/${a.id}/slet`, csrf, `${name} ${formatDate(a.startDate)}`)}</td></tr>`;
          })}</tbody></table></div>`
        : html`<p>Ingen aktiviteter.</p>`
    }
  </div>`;
    case 'fritagelser':
      return html`<div class="case-section" data-testid="section-fritagelser">
    ${
      f.exemptions.length
        ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="exemptions">
          <thead><tr><th scope="col">Årsag</th><th scope="col">Periode</th><th scope="col">Begrundelse</th><th scope="col">Ret eller slet</th></tr></thead>
          <tbody>${f.exemptions.map((x) => {
            const what = `fritagelse ${formatDate(x.startDate)}`;
            return html`<tr><td>${EXEMPTION_KIND_LABELS[x.kind]}</td><td>${formatDate(x.startDate)}–${x.endDate ? formatDate(x.endDate) : ''}</td><td>${x.reason ?? '–'}</td>
              <td><a href="${base}/fritagelser/${x.id}">Ret<span class="sr-only"> ${what}</span></a> ${deleteButton(`${base}/fritagelser/${x.id}/slet`, csrf, what)}</td></tr>`;
          })}</tbody></table></div>`
        : html`<p>Ingen fritagelser.</p>`
    }
    <p><a href="${base}/fritagelser/ny">Registrer fritagelse (barsel, sygdom, ferie …)</a></p>

  </div>`;
    case 'samtaler':
      return html`<div class="case-section" data-testid="section-samtaler">
    ${
      f.conversations.length
        ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="conversations">
          <thead><tr><th scope="col">Dato</th><th scope="col">Type</th><th scope="col">Deltagere</th><th scope="col">Tolk</th><th scope="col">Notat</th><th scope="col">Ret eller slet</th></tr></thead>
          <tbody>${f.conversations.map(
            (c) => html`<tr><td>${formatDate(c.date)}</td><td>${CONVERSATION_KIND_LABELS[c.kind]}</td><td>${c.participants ?? '–'}</td>
            <td>${YES_NO(c.interpreterUsed)}</td><td>${c.note ?? ''}</td>
            <td><a href="${base}/samtaler/${c.id}">Ret<span class="sr-only"> samtale ${formatDate(c.date)}</span></a> ${deleteButton(`${base}/samtaler/${c.id}/slet`, csrf, `samtale ${formatDate(c.date)}`)}</td></tr>`,
          )}</tbody></table></div>`
        : html`<p>Ingen samtaler.</p>`
    }
  </div>`;
    case 'maalinger':
      return html`<div class="case-section" data-testid="section-maalinger">
    ${distance(f.distance.who5, WHO5.name)}
    ${distance(f.distance.trappen, FREMDRIFTSTRAPPEN.name)}
    ${f.projectInstruments.distance.map(projectDistance)}
    ${
      f.projectInstruments.scorable.length
        ? html`<ul class="action-list" data-testid="project-instrument-actions" aria-label="Projektets måleredskaber">${f.projectInstruments.scorable.map(
            (v) =>
              html`<li><a class="button button-secondary" href="${base}/maalinger/ny?redskab=${projectInstrumentKey(v.instrumentId, v.version)}">Ny måling: ${v.name}</a></li>`,
          )}</ul>`
        : ''
    }
    ${
      f.assessments.length
        ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="assessments">
          <thead><tr><th scope="col">Dato</th><th scope="col">Måleredskab</th><th scope="col">Score</th><th scope="col">Vurdering</th><th scope="col">Ret eller slet</th></tr></thead>
          <tbody>${[...f.assessments].reverse().map((a) => {
            const ins = findInstrument(a.instrumentKey, f.projectInstruments.instruments);
            const scored = ins ? scoreAssessment(ins, a.answers) : null;
            const flags = scored?.ok ? scored.value.flags.map((x) => x.text).join('; ') : '';
            // A project instrument's score shows the step text of each dimension, as given under its version.
            const steps =
              ins && parseProjectInstrumentKey(ins.key)
                ? html`<ul class="nobullet-list" data-testid="step-texts">${ins.dimensions.map((d) => html`<li><strong>${d.name}:</strong> ${a.answers[d.key]} – ${d.steps.find((s) => s.value === a.answers[d.key])?.text ?? ''}</li>`)}</ul>`
                : '';
            return html`<tr><td>${formatDate(a.date)}</td><td>${ins?.name ?? a.instrumentKey}${a.reportedBy === 'borger' ? html` <span class="badge-project" data-testid="self-reported">selvrapporteret</span>` : ''}</td><td>${a.total}</td><td>${steps || flags || '–'}</td>
              <td><a href="${base}/maalinger/${a.id}">Ret<span class="sr-only"> måling ${formatDate(a.date)}</span></a> ${deleteButton(`${base}/maalinger/${a.id}/slet`, csrf, `måling ${formatDate(a.date)}`)}</td></tr>`;
          })}</tbody></table></div>`
        : html`<p>Ingen målinger.</p>`
    }

  </div>`;
    case 'historik':
      return html`<div class="case-section" data-testid="section-historik">
    <h3>Visitation</h3>
    ${
      f.visitationSteps.length
        ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="visitation-history">
          <caption>Visitationshistorik</caption>
          <thead><tr><th scope="col">Dato</th><th scope="col">Fra</th><th scope="col">Til</th><th scope="col">Begrundelse</th><th scope="col">Registreret af</th><th scope="col">Slet</th></tr></thead>
          <tbody>${f.visitationSteps.map((st) => {
            const what = `visitationsændring ${formatDate(st.change.date)}`;
            return html`<tr><td>${formatDate(st.change.date)}</td><td>${VISITATION_LABELS[st.from]}</td><td>${VISITATION_LABELS[st.to]}</td><td>${st.change.reason ?? '–'}</td>
              <td>${st.change.createdByName ?? '–'}</td><td>${deleteButton(`${base}/visitationer/${st.change.id}/slet`, csrf, what)}</td></tr>`;
          })}</tbody></table></div>`
        : html`<p>Visitationen er ikke ændret siden indskrivningen.</p>`
    }
    <h3>Virksomhedskonsulent</h3>
    ${f.consultantChanges.length ? consultantHistory(f, base, csrf) : html`<p>Ingen skift registreret.</p>`}
    <h3>Familiesituation</h3>
    ${familyHistory(f, base, csrf)}
    <h3>Planhistorik</h3>
    ${
      f.planChanges.length
        ? html`<div class="table-wrap"><table class="table table--zebra" data-testid="plan-history">
          <thead><tr><th scope="col">Tidspunkt</th><th scope="col">Ændret af</th><th scope="col">Felt</th><th scope="col">Fra</th><th scope="col">Til</th></tr></thead>
          <tbody>${f.planChanges.flatMap((c) => c.changes.map((ch) => html`<tr><td>${c.changedAt}</td><td>${c.changedByName}</td><td>${ch.label}</td><td>${ch.from ?? '–'}</td><td>${ch.to ?? '–'}</td></tr>`))}</tbody></table></div>`
        : html`<p>Planen er ikke ændret endnu.</p>`
    }

  </div>`;
    case 'dansk':
      return html``; // her Danish tuition comes from its own provider (routes/danish.ts)
    case 'tidslinje':
      return html`<div class="case-section" data-testid="section-tidslinje">
    ${timeline(entries)}
  </div>`;
  }
}
