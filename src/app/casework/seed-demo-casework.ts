/**
 * Demo casework for the synthetic women: plans (with their first history entry), activities,
 * conversations, WHO-5 assessments and Fremdriftstrappen ratings (two or three for about half the women), dated up to `today` so that "Mine borgere" shows a
 * realistic mix of alerts (missed conversations, pauses between company-oriented offers,
 * missing CV/ABC strategy, low WHO-5). Deterministic for a seed and a date; bulk inserts.
 */
import {
  assessmentColumns,
  completeDemoCompanies,
  demoCaseWomen,
  demoEnrolments,
  insertDemoActivities,
  insertDemoAssessments,
  insertDemoConversations,
  insertDemoExemptionsAndVisitation,
  insertDemoPlans,
  type DemoCaseWoman,
} from '../../db/demo/casework.ts';
import type { SeedTx } from '../../db/demo/seed.ts';
import { deriveSeed, mulberry32, type Rng } from '../../core/prng.ts';
import { addDays, daysBetween, minDate } from '../../core/dates.ts';
import { cvrMod11Ok } from '../../domain/cvr.ts';
import { HIRING_TYPES } from '../../domain/companies.ts';
import { diffPlan, type Plan } from '../../domain/plan.ts';
import { todayInDenmark } from './today.ts';
import { FREMDRIFTSTRAPPEN } from '../../domain/fremdriftstrappen.ts';
import { suggestLanguage } from '../../i18n/languages.ts';
import type { CaseActivity } from '../../demo/case-file.ts';

const OTHER_TYPES = ['danskundervisning', 'kvindecafe', 'jobklub', 'sundhedskursus', 'mentor'] as const;
const COMPANIES = [
  'Storkøkkenet',
  'Plejecenter Solhaven',
  'Netto',
  'Rengøringsservice Nord',
  'Hotel Havnen',
  'Børnehuset Mælkebøtten',
  'Bageriet',
  'Genbrugsbutikken',
];
/** Indexes of COMPANIES that are public employers (DREAM's "Off." codes) and private ones. */
const PUBLIC_COMPANIES = [1, 5];
const PRIVATE_COMPANIES = [0, 2, 3, 4, 6, 7];
const JOBS = [
  ['Køkkenmedhjælper', 'Kok', 'Opvasker'],
  ['Social- og sundhedshjælper', 'Plejehjemsassistent', 'Servicemedarbejder på plejecenter'],
  ['Pædagogmedhjælper', 'Dagplejer', 'Køkkenhjælp i børnehave'],
  ['Butiksassistent', 'Kassemedarbejder', 'Varepåfylder'],
  ['Rengøringsassistent', 'Hotelmedarbejder', 'Rengøring på kontor'],
] as const;

/** Valid CVR numbers (modulus 11) for the demo companies. */
function demoCvrs(n: number): string[] {
  const out: string[] = [];
  for (let x = 31000000; out.length < n; x += 7) if (cvrMod11Ok(String(x))) out.push(String(x));
  return out;
}

type Woman = DemoCaseWoman;

export interface CaseworkSeedSummary {
  plans: number;
  activities: number;
  conversations: number;
  assessments: number;
}

const TRAPPEN_KEYS = FREMDRIFTSTRAPPEN.dimensions.map((d) => d.key);

const who5Answers = (rng: Rng, level: number) =>
  Object.fromEntries(['glad', 'rolig', 'aktiv', 'udhvilet', 'interesse'].map((k) => [k, Math.max(0, Math.min(5, level + rng.int(-1, 1)))]));

/** Column buffers for the bulk inserts, one set per table the seed writes; a woman's rows go in together. */
function caseworkColumns() {
  return {
    act: {
      pid: [] as string[],
      mun: [] as string[],
      type: [] as string[],
      prov: [] as (string | null)[],
      cvr: [] as (string | null)[],
      start: [] as string[],
      end: [] as (string | null)[],
      hours: [] as (number | null)[],
      status: [] as string[],
      by: [] as (number | null)[],
      consent: [] as (string | null)[],
    },
    con: {
      pid: [] as string[],
      mun: [] as string[],
      on: [] as string[],
      kind: [] as string[],
      who: [] as string[],
      tolk: [] as boolean[],
      note: [] as string[],
      by: [] as (number | null)[],
    },
    who5: assessmentColumns(),
    trappen: assessmentColumns(),
    plan: {
      pid: [] as string[],
      mun: [] as string[],
      data: [] as string[],
      by: [] as (number | null)[],
      on: [] as string[],
      name: [] as string[],
      changes: [] as string[],
    },
  };
}
type Columns = ReturnType<typeof caseworkColumns>;

/** What every woman's case file is seeded against: the seed, the date, the companies' CVRs and the case files. */
interface SeedContext {
  seed: number;
  today: string;
  cvrs: string[];
  caseFiles?: ReadonlyMap<string, readonly CaseActivity[]>;
}

export async function seedDemoCasework(
  q: SeedTx,
  opts: { seed?: number; today?: string; caseFiles?: ReadonlyMap<string, readonly CaseActivity[]> } = {},
): Promise<CaseworkSeedSummary> {
  const ctx: SeedContext = {
    seed: opts.seed ?? 2019,
    today: opts.today ?? todayInDenmark(),
    cvrs: demoCvrs(COMPANIES.length),
    caseFiles: opts.caseFiles,
  };
  const women = await demoCaseWomen(q);
  const cols = caseworkColumns();
  women.forEach((w, i) => seedCaseFile(cols, ctx, w, i));

  await insertDemoActivities(q, cols.act);
  await insertDemoConversations(q, cols.con);
  await insertDemoAssessments(q, 'who5', cols.who5);
  await insertDemoAssessments(q, 'fremdriftstrappen', cols.trappen);
  // "Min plan": each demo woman with a plan has it in the language her country of origin suggests
  // (Arabic, Somali, Tigrinya, Dari, Farsi, Turkish, Urdu, Ukrainian … or Danish).
  await insertDemoPlans(q, cols.plan, suggestLanguage);
  await seedDemoExemptionsAndVisitation(q, ctx.seed, ctx.today);
  await seedDemoCompanies(q, ctx.today);
  return {
    plans: cols.plan.pid.length,
    activities: cols.act.pid.length,
    conversations: cols.con.pid.length,
    assessments: cols.who5.pid.length + cols.trappen.pid.length,
  };
}

/**
 * One woman's case file (the i-th in `demoCaseWomen`'s order, by enrolment): conversations,
 * activities, plan, WHO-5 and Fremdriftstrappen. Each part draws from a stream of its own, and
 * every draw is made whatever today is, so her case file depends on the day only by what is cut
 * at it (and is the same on a later day up to then: the demo is prefix-stable from day to day).
 */
function seedCaseFile(cols: Columns, ctx: SeedContext, w: Woman, i: number): void {
  const own = deriveSeed(ctx.seed, 7000 + i);
  const rng = mulberry32(own);
  const end = w.exit ? minDate(w.exit, ctx.today) : ctx.today;
  if (w.on > end) return;
  const open = !w.exit || w.exit > ctx.today;
  // Who falls behind today (only open enrolments): each decides one kind of alert.
  // (Pauses between company-oriented offers come from her case file.)
  const late = rng.chance(0.15);
  const lateConversation = open && late;
  const lowWho5 = rng.chance(0.12);
  const part = (k: number) => mulberry32(deriveSeed(own, k));
  addConversations(cols, w, part(1), end, lateConversation);
  addActivities(cols, ctx, w, i, part(2), end);
  addPlan(cols, ctx.today, w, i, part(3), end);
  addWho5(cols, w, part(4), end, lowWho5);
  addTrappen(cols, ctx.seed, w, i, end);
}

/**
 * Conversations every 4–7 weeks from enrolment (the first in her first week); some have had none for
 * a while (the last 45–90 days). Drawn from enrolment on whatever today is, so a later day only adds talks.
 */
function addConversations(cols: Columns, w: Woman, rng: Rng, end: string, lateConversation: boolean): void {
  const con = cols.con;
  const silentDays = rng.int(45, 90);
  const convEnd = lateConversation ? addDays(end, -silentDays) : end;
  for (let d = addDays(w.on, rng.int(0, 7)); d <= convEnd; d = addDays(d, rng.int(28, 50))) {
    con.pid.push(w.pid);
    con.mun.push(w.mun);
    con.on.push(d);
    con.by.push(w.cw);
    const kind = rng.weighted([
      ['individuel', 6],
      ['virksomhed', 2],
      ['gruppe', 1],
      ['hjemmebesoeg', 1],
    ] as const);
    con.kind.push(kind);
    con.who.push(kind === 'virksomhed' ? 'Borger, virksomhedskonsulent' : 'Borger, sagsbehandler');
    con.tolk.push(rng.chance(0.4));
    con.note.push(rng.pick(['Status på forløbet.', 'Drøftet praktik og sprog.', 'Opfølgning på plan.', 'Aftalt næste skridt.']));
  }
}

/** Her company-oriented activities from her case file, and one other offer from her first weeks. */
function addActivities(cols: Columns, ctx: SeedContext, w: Woman, i: number, rng: Rng, end: string): void {
  const act = cols.act;
  let placements = 0;
  const addActivity = (type: string, start: string, actEnd: string | null, hours: number | null, company: number | null) => {
    act.pid.push(w.pid);
    act.mun.push(w.mun);
    act.type.push(type);
    act.prov.push(company === null ? (type === 'danskundervisning' ? 'Sprogcenteret' : 'Jobcentret') : COMPANIES[company]);
    act.cvr.push(company === null ? null : ctx.cvrs[company]);
    // Her consent on a placement: every fifth said no to the company being told about her (by her
    // position and the placement's, not the random stream, so the rest of the demo stays as it was).
    act.consent.push(company === null ? null : (i + placements++) % 5 === 4 ? 'ingen' : 'navn');
    act.start.push(start);
    act.end.push(actEnd);
    act.hours.push(hours);
    act.by.push(w.cw);
    act.status.push(start > ctx.today ? 'planlagt' : actEnd !== null && actEnd < ctx.today ? 'afsluttet' : 'i_gang');
  };
  // Company-oriented activities: her case file as the demo world tells it (src/demo/case-file.ts),
  // so each praktik or løntilskud shows in her DREAM weeks and each job in her paid hours.
  for (const a of ctx.caseFiles?.get(w.pid) ?? []) {
    const pool = a.publicEmployer ? PUBLIC_COMPANIES : PRIVATE_COMPANIES;
    addActivity(a.type, a.start, a.end, a.hoursPerWeek, pool[rng.int(0, pool.length - 1)]);
  }
  const other = rng.pick(OTHER_TYPES);
  const oStart = addDays(w.on, rng.int(0, 20));
  if (oStart <= end)
    addActivity(
      other,
      oStart,
      minDate(addDays(oStart, rng.int(10, 30) * 7), w.exit ?? addDays(oStart, 210)),
      rng.pick([4, 6, 9, null]),
      null,
    );
}

/** The plan, made in the first weeks; some still lack CV on Jobnet or the ABC strategy. */
function addPlan(cols: Columns, today: string, w: Woman, i: number, rng: Rng, end: string): void {
  if (!rng.chance(0.9)) return;
  const job = rng.pick(JOBS);
  const abc = rng.chance(0.9);
  const cv = rng.chance(0.88);
  const madeOn = addDays(w.on, rng.int(5, 25));
  // Made after today or after she left: not (yet) made.
  if (madeOn > end) return;
  const data: Plan = {
    jobGoal: job[0],
    abcStrategy: { a: job[1], b: job[0], c: abc ? job[2] : null },
    cvOnJobnet: cv,
    cvDate: cv ? madeOn : null,
    familyPlan: rng.chance(0.3),
    healthPlan: rng.chance(0.25),
    goals: [
      {
        id: `demo-${i}-1`,
        text: 'Dansk på niveau til praktik',
        dueDate: addDays(madeOn, 120),
        status: madeOn < addDays(today, -120) ? 'naaet' : 'i_gang',
      },
    ],
  };
  const plan = cols.plan;
  plan.pid.push(w.pid);
  plan.mun.push(w.mun);
  plan.data.push(JSON.stringify(data));
  plan.by.push(w.cw);
  plan.on.push(madeOn);
  plan.name.push(w.cwName ?? 'Sagsbehandler');
  plan.changes.push(JSON.stringify(diffPlan(null, data)));
}

/** WHO-5 two or three times for most women; the low ones stay low. */
function addWho5(cols: Columns, w: Woman, rng: Rng, end: string, lowWho5: boolean): void {
  if (!rng.chance(0.7)) return;
  let level = lowWho5 ? 1 : rng.int(2, 3);
  const n = rng.int(2, 3);
  const first = addDays(w.on, rng.int(7, 40));
  // Every few months from her first weeks (drawn whatever today is), up to today or her exit.
  const gap = rng.int(60, 200);
  for (let k = 0; k < n; k++) {
    const on = addDays(first, k * gap);
    if (on > end) break;
    if (!lowWho5) level = Math.min(5, level + rng.int(0, 1));
    const answers = who5Answers(rng, level);
    cols.who5.add(w, on, answers, 4 * Object.values(answers).reduce((a, b) => a + b, 0));
  }
}

/**
 * Fremdriftstrappen (issue 13): rated together with her at the start and again every few
 * months, for about half the women enrolled at least four months. Its own random stream, so
 * the rest of her case file is unchanged. Aktivitetsparat women start lower on the ladder and
 * move less on Dansk and Jobsøgning; most move a step or two on a few dimensions.
 */
function addTrappen(cols: Columns, seed: number, w: Woman, i: number, end: string): void {
  const tr = mulberry32(deriveSeed(seed, 9100 + i));
  if (!tr.chance(0.5)) return;
  const ready = w.visitation === 'jobparat';
  const level = Object.fromEntries(TRAPPEN_KEYS.map((k) => [k, Math.max(1, Math.min(5, (ready ? 3 : 2) + tr.int(-1, 0)))]));
  const n = tr.int(2, 3);
  const first = addDays(w.on, tr.int(14, 45));
  // Drawn whatever today is; the ratings after today (or her exit) are not made yet.
  const last = addDays(first, tr.int(120, 400));
  for (let k = 0; k < n; k++) {
    const on = addDays(first, Math.round((k / (n - 1)) * Math.max(0, daysBetween(first, last))));
    if (on > end) break;
    if (k > 0) {
      for (const key of TRAPPEN_KEYS) {
        const slow = !ready && (key === 'dansk' || key === 'jobsoegning');
        if (tr.chance(slow ? 0.2 : 0.4)) level[key] = Math.min(5, level[key] + 1);
        else if (tr.chance(0.05)) level[key] = Math.max(1, level[key] - 1);
      }
    }
    cols.trappen.add(
      w,
      on,
      level,
      Object.values(level).reduce((a, b) => a + b, 0),
    );
  }
}

const INDUSTRY: Record<string, [string, string]> = {
  Storkøkkenet: ['Storkøkken og kantine', 'Industrivej 4'],
  'Plejecenter Solhaven': ['Ældrepleje', 'Solhavevej 12'],
  Netto: ['Dagligvarehandel', 'Torvet 1'],
  'Rengøringsservice Nord': ['Rengøring', 'Nordre Ringvej 30'],
  'Hotel Havnen': ['Hotel og restaurant', 'Havnegade 8'],
  'Børnehuset Mælkebøtten': ['Dagtilbud', 'Mælkebøttevej 2'],
  Bageriet: ['Bageri', 'Bagerstræde 5'],
  Genbrugsbutikken: ['Genbrug og detail', 'Genbrugsgade 17'],
};
const CONTACT_NAMES = ['Mette Holm', 'Lars Winther', 'Susanne Krogh', 'Jens Bach', 'Hanne Lund', 'Peter Dahl'];

/** The companies the demo placements created get an industry, an address, a contact person, contacts and follow-ups (db/demo/casework.ts). */
async function seedDemoCompanies(q: SeedTx, today: string) {
  const names = Object.keys(INDUSTRY);
  await completeDemoCompanies(q, today, {
    names,
    industries: names.map((n) => INDUSTRY[n][0]),
    addresses: names.map((n) => INDUSTRY[n][1]),
    contactNames: CONTACT_NAMES,
    hiringTypes: HIRING_TYPES,
  });
}

/** Reasons a caseworker gives for an exemption of kind "andet" (other). */
const OTHER_EXEMPTION_REASONS = [
  'Rejst til hjemlandet på grund af dødsfald i familien.',
  'Forældremøder og indkøring af barn i dagtilbud.',
  'Venter på tolk til udredning hos lægen.',
] as const;

/**
 * Issue 13 in the demo: some women exempt today (barsel, sygdom; "Fritaget til …" on Mine
 * borgere), some with a past holiday or sickness that moved their deadlines, and some enrolled
 * as aktivitetsparat later changed to jobparat (Viborg's opvisitering). Own random streams, so
 * the rest of the demo does not change.
 */
async function seedDemoExemptionsAndVisitation(q: SeedTx, seed: number, today: string) {
  const rows = await demoEnrolments(q);
  const ex = {
    pid: [] as string[],
    mun: [] as string[],
    kind: [] as string[],
    start: [] as string[],
    end: [] as (string | null)[],
    reason: [] as (string | null)[],
    by: [] as (number | null)[],
  };
  const vc = {
    pid: [] as string[],
    mun: [] as string[],
    eid: [] as string[],
    on: [] as string[],
    to: [] as string[],
    reason: [] as string[],
    by: [] as (number | null)[],
  };
  // The i-th enrolment in order of enrolment; each part its own stream, every draw made whatever today is
  // (so a later day only adds to what a day has, but for the exemptions running today).
  rows.forEach((w, i) => {
    const rng = mulberry32(deriveSeed(seed, 13_000 + i));
    const past = mulberry32(deriveSeed(deriveSeed(seed, 13_000 + i), 1));
    const change = mulberry32(deriveSeed(deriveSeed(seed, 13_000 + i), 2));
    const end = w.exit && w.exit < today ? w.exit : today;
    const open = !w.exit || w.exit > today;
    const add = (kind: string, start: string, stop: string | null, reason: string | null) => {
      ex.pid.push(w.pid);
      ex.mun.push(w.mun);
      ex.kind.push(kind);
      ex.start.push(start);
      ex.end.push(stop);
      ex.reason.push(reason);
      ex.by.push(w.cw);
    };
    if (open && daysBetween(w.on, today) > 60 && rng.chance(0.05)) {
      const kind = rng.pick(['barsel', 'barsel', 'sygdom'] as const);
      add(kind, addDays(today, -rng.int(5, 40)), kind === 'barsel' && rng.chance(0.3) ? null : addDays(today, rng.int(10, 120)), null);
    }
    const hadPeriod = past.chance(0.08);
    const start = addDays(w.on, past.int(60, 700));
    const kind = past.pick(['ferie', 'sygdom'] as const);
    const days = past.int(10, 25);
    // A past period: over by her exit and 45 days before today (before any exemption running today).
    const over = addDays(start, days);
    if (hadPeriod && over <= end && over < addDays(today, -45)) {
      // About one in five past periods is of kind "andet" with its stated reason, drawn from a
      // stream of its own: the periods and every other draw stay as they were (the rules pause
      // the same way whatever the kind).
      const other = mulberry32(deriveSeed(seed, 130_000 + i));
      if (other.chance(0.2)) add('andet', start, addDays(start, days), other.pick(OTHER_EXEMPTION_REASONS));
      else add(kind, start, addDays(start, days), null);
    }
    const changes = change.chance(0.2);
    const changedOn = addDays(w.on, change.int(90, 720));
    const why = change.pick(['Ny vurdering efter praktik.', 'Klar til ordinære timer.', 'Helbred afklaret.']);
    if (w.visitation === 'aktivitetsparat' && changes && changedOn <= end) {
      vc.pid.push(w.pid);
      vc.mun.push(w.mun);
      vc.eid.push(w.eid);
      vc.on.push(changedOn);
      vc.to.push('jobparat');
      vc.reason.push(why);
      vc.by.push(w.cw);
    }
  });
  await insertDemoExemptionsAndVisitation(q, ex, vc);
}
