/**
 * Demo gross groups with outreach (issue 13, build 1), for four projects: Aalborg, Aarhus, Viborg
 * and Ishøj-Vallensbæk (two municipalities). Each has two imported lists half a year apart (the
 * second marks who is new on it; some women of the first are no longer on it), a few women
 * added by hand, and an outreach log through every channel: contact
 * attempts, invitations, information meetings, declines with reasons, and enrolments — the
 * enrolled candidates are demo participants of the project, linked to their case, with the
 * enrolment on their enrolment day. Independent of the register data; deterministic per seed.
 * The dates lie in the projects' period (2019–2020), so `fremdrift retention` would erase the
 * candidates never enrolled (their retention period is long past).
 */
import { type DeclineReason, type OutreachChannel } from '../../core/codes.ts';
import { makeCpr } from '../../core/cpr.ts';
import { mulberry32, type Rng } from '../../core/prng.ts';
import { addDays } from '../../core/dates.ts';
import {
  demoParticipantsOf,
  insertCandidate,
  insertList,
  insertListEntries,
  insertOutreach,
  linkCandidate,
  markListed,
  type NewOutreach,
} from '../../db/recruitment.ts';
import { drawOrigin } from '../../demo/names.ts';
import type { Vault } from '../../security/vault.ts';

/** The connection the seed runs in (the demo seed's own transaction). */
type Q = Parameters<typeof insertCandidate>[0];

export const DEMO_RECRUITMENT_PROJECTS = [
  { key: 'aalborg', gross: 64, enrolled: 10 },
  { key: 'aarhus', gross: 40, enrolled: 6 },
  { key: 'viborg', gross: 56, enrolled: 8 },
  { key: 'ishoej-vallensbaek', gross: 60, enrolled: 9 },
] as const;

const LIST_1 = '2019-09-16';
const LIST_2 = '2020-03-16';
const BENEFITS = ['Kontanthjælp', 'Integrationsydelse', 'Uddannelseshjælp', 'Selvforsørgende', 'Ressourceforløb'];
const CHANNEL_WEIGHTS: readonly (readonly [OutreachChannel, number])[] = [
  ['telefon', 30],
  ['brev', 14],
  ['hjemmebesoeg', 10],
  ['boligsocial', 14],
  ['moske_forening', 10],
  ['rollemodel', 10],
  ['tv_medier', 6],
  ['andet', 6],
];
const REASON_WEIGHTS: readonly (readonly [DeclineReason, number])[] = [
  ['ikke_interesseret', 30],
  ['boernepasning', 20],
  ['helbred', 14],
  ['job_uddannelse', 10],
  ['familie', 10],
  ['andet_tilbud', 6],
  ['fraflyttet', 5],
  ['andet', 5],
];

export interface RecruitmentSeedSummary {
  candidates: number;
  outreach: number;
  enrolled: number;
}

const step = (kind: NewOutreach['kind'], occurredOn: string, o: Partial<NewOutreach> = {}): NewOutreach => ({
  kind,
  occurredOn,
  channel: null,
  declineReason: null,
  note: null,
  ...o,
});

/** One candidate's outreach from `start`: contact attempts, then perhaps a meeting, a decline. */
function outreachPlan(rng: Rng, start: string): NewOutreach[] {
  const out: NewOutreach[] = [];
  if (rng.chance(0.25)) return out; // not reached yet
  let day = addDays(start, rng.int(3, 60));
  const channel = rng.weighted(CHANNEL_WEIGHTS);
  out.push(step('kontakt', day, { channel }));
  if (rng.chance(0.3)) {
    day = addDays(day, rng.int(5, 20));
    out.push(step('kontakt', day, { channel: rng.weighted(CHANNEL_WEIGHTS) }));
  }
  if (rng.chance(0.35)) {
    const reason = rng.weighted(REASON_WEIGHTS);
    out.push(
      step('afslag', addDays(day, rng.int(1, 14)), {
        declineReason: reason,
        note: reason === 'andet' ? 'Vil vente, til den yngste er startet i skole.' : null,
      }),
    );
    return out;
  }
  if (rng.chance(0.65)) {
    day = addDays(day, rng.int(3, 21));
    out.push(step('invitation', day));
    if (rng.chance(0.7)) {
      day = addDays(day, rng.int(5, 14));
      out.push(step('deltog', day));
      if (rng.chance(0.3)) {
        const reason = rng.weighted(REASON_WEIGHTS);
        out.push(
          step('afslag', addDays(day, rng.int(1, 10)), {
            declineReason: reason,
            note: reason === 'andet' ? 'Har fået tilbud om sprogskole i stedet.' : null,
          }),
        );
      }
    }
  }
  return out;
}

export async function seedDemoRecruitment(q: Q, vault: Vault, opts: { seed?: number } = {}): Promise<RecruitmentSeedSummary> {
  const summary: RecruitmentSeedSummary = { candidates: 0, outreach: 0, enrolled: 0 };
  let serial = 0;
  for (const [pi, p] of DEMO_RECRUITMENT_PROJECTS.entries()) {
    const rng = mulberry32((opts.seed ?? 2019) * 31 + pi * 7919 + 13);
    const women = await demoParticipantsOf(q, p.key, '2019-10-15', '2020-12-31', p.enrolled);
    if (!women.length) continue;
    const projectId = women[0].projectId;
    const municipalities = [...new Set(women.map((w) => w.municipalityCode))];
    const ids: { id: string; municipality: string; onList1: boolean; onList2: boolean }[] = [];
    const add = (c: DemoCandidate) => addCandidate(q, vault, projectId, summary, c);
    const log = async (id: string, municipality: string, steps: NewOutreach[], participantId: string | null = null) => {
      for (const s of steps) {
        await insertOutreach(q, { id, municipalityCode: municipality, participantId }, s, null);
        summary.outreach++;
      }
    };
    // Women who were enrolled: on the first list, reached, most at a meeting, enrolled on their day.
    for (const w of women) {
      const id = await add({
        cpr: vault.decryptCpr(w.cprEnc),
        name: `${w.firstName} ${w.lastName}`,
        benefit: rng.pick(BENEFITS),
        origin: w.countryOfOrigin,
        municipality: w.municipalityCode,
        byHand: false,
        addedOn: LIST_1,
      });
      ids.push({ id, municipality: w.municipalityCode, onList1: true, onList2: w.enrolledOn >= LIST_2 });
      const first = addDays(w.enrolledOn, -rng.int(25, 50));
      const steps = [step('kontakt', first, { channel: rng.weighted(CHANNEL_WEIGHTS) })];
      if (rng.chance(0.8)) steps.push(step('invitation', addDays(first, 5)), step('deltog', addDays(first, 14)));
      steps.push(step('indskrevet', w.enrolledOn));
      await linkCandidate(q, id, w.id);
      await log(id, w.municipalityCode, steps, w.id);
      summary.enrolled++;
    }
    // The rest of the gross group: from the lists (a few only on the second) and some added by hand.
    const others = p.gross - women.length;
    for (let i = 0; i < others; i++) {
      const o = drawOrigin(rng);
      const birth = `${rng.int(1962, 2000)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const cpr = makeCpr(birth, 'K', 7000 + (serial++ % 2000));
      const byHand = i % 12 === 11;
      const onList1 = !byHand && i % 5 !== 4;
      const onList2 = !byHand && (!onList1 || i % 4 !== 0);
      const addedOn = byHand ? addDays(LIST_1, rng.int(20, 240)) : onList1 ? LIST_1 : LIST_2;
      const municipality = municipalities[i % municipalities.length];
      const id = await add({
        cpr,
        name: `${o.firstName} ${o.lastName}`,
        benefit: rng.pick(BENEFITS),
        origin: o.countryOfOrigin,
        municipality,
        byHand,
        addedOn,
      });
      ids.push({ id, municipality, onList1, onList2 });
      await log(id, municipality, outreachPlan(rng, addedOn));
    }
    await insertDemoLists(q, projectId, ids);
  }
  return summary;
}

interface DemoCandidate {
  cpr: string;
  name: string;
  benefit: string | null;
  origin: string | null;
  municipality: string;
  byHand: boolean;
  addedOn: string;
}

/** One candidate of the project (her CPR hashed and encrypted as an import would), counted in the summary. */
async function addCandidate(q: Q, vault: Vault, projectId: number, summary: RecruitmentSeedSummary, c: DemoCandidate): Promise<string> {
  const id = await insertCandidate(
    q,
    {
      projectId,
      municipality: c.municipality,
      cprHash: vault.hashCpr(c.cpr),
      cprEnc: vault.encryptCpr(c.cpr),
      name: c.name,
      benefit: c.benefit,
      origin: c.origin,
      addedByHand: c.byHand,
      addedOn: c.addedOn,
    },
    null,
  );
  summary.candidates++;
  return id;
}

/** The two lists: everyone on the first is new; on the second, those not on the first. */
async function insertDemoLists(
  q: Q,
  projectId: number,
  ids: { id: string; municipality: string; onList1: boolean; onList2: boolean }[],
): Promise<void> {
  const l1 = ids.filter((x) => x.onList1);
  const list1 = await insertList(
    q,
    projectId,
    { fileName: 'kandidater-2019-09.csv', rowsTotal: l1.length, rowsNew: l1.length, rowsSkipped: 0 },
    null,
    `${LIST_1}T09:00:00+02:00`,
  );
  await insertListEntries(
    q,
    list1,
    l1.map((x) => ({ candidateId: x.id, municipality: x.municipality, isNew: true })),
  );
  const l2 = ids.filter((x) => x.onList2);
  const list2 = await insertList(
    q,
    projectId,
    { fileName: 'kandidater-2020-03.csv', rowsTotal: l2.length, rowsNew: l2.filter((x) => !x.onList1).length, rowsSkipped: 1 },
    null,
    `${LIST_2}T09:00:00+01:00`,
  );
  await insertListEntries(
    q,
    list2,
    l2.map((x) => ({ candidateId: x.id, municipality: x.municipality, isNew: !x.onList1 })),
  );
  await markListed(
    q,
    l2.map((x) => x.id),
    LIST_2,
  );
}
