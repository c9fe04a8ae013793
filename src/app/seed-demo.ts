/**
 * Fills an empty database with the demo: the agency, the demo municipalities, jobcentres,
 * projects, teams and users (password `demo`), and the synthetic cohort of women. Runs on the
 * system path with one audit record; only ever in demo mode. The writes are repositories in
 * src/db/demo/.
 */
import { auditAs, ownerTx, type Db } from '../db/door.ts';
import {
  insertDemoEnrolments,
  insertDemoMunicipality,
  insertDemoParticipants,
  insertDemoProject,
  insertDemoUser,
  insertOrganisation,
  insertTeam,
  isSeeded as anythingSeeded,
  linkOrganisationMunicipality,
  linkProjectMunicipality,
} from '../db/demo/seed.ts';
import { seedDemoConsultants } from '../db/demo/consultants.ts';
import { seedDemoDanish } from '../db/demo/danish.ts';
import { seedDemoSessions } from '../db/demo/group-sessions.ts';
import { DEMO_MUNICIPALITIES, DEMO_PROJECTS } from '../demo/municipalities.ts';
import { CURRENT_PROJECTS, currentProjectKey } from '../demo/current.ts';
import { demoWorld } from '../demo/world.ts';
import { demoRecorded } from '../demo/recorded.ts';
import type { CaseActivity } from '../demo/case-file.ts';
import { todayInDenmark } from './casework/today.ts';
import { hashPassword } from '../security/passwords.ts';
import type { Vault } from '../security/vault.ts';
import { seedDemoGoals } from './steering/seed-demo-goals.ts';
import { seedDemoMeetings } from './steering/seed-demo-meetings.ts';
import { seedDemoRecruitment } from './recruitment/seed-demo-recruitment.ts';

export const AGENCY_NAME = 'Styrelsen for International Rekruttering og Integration (SIRI)';

/** Named demo users; further caseworkers are numbered per jobcentre (sagsbehandler.aalborg2 …). */
const CASELOAD_TARGET = 40;

export interface SeedSummary {
  municipalities: number;
  projects: number;
  users: number;
  participants: number;
}

export function isSeeded(db: Db): Promise<boolean> {
  return anythingSeeded(db);
}

// Long because it is one ordered script inside one owner transaction: municipalities, organisations, projects,
// teams, users, women, enrolments and then each domain's demo seed, each step needing the ids the earlier ones
// returned. The order is the point; split up, the ids would travel between the pieces.
export async function seedDemo(db: Db, vault: Vault, opts: { seed?: number; size?: number; today?: string } = {}): Promise<SeedSummary> {
  const today = opts.today ?? todayInDenmark();
  // The historical KIB cohort and the current projects, with case files that agree with their register data.
  const world = demoWorld({ seed: opts.seed, size: opts.size, today });
  const women = world.women;
  const caseFiles = new Map<string, CaseActivity[]>();
  const pw = await hashPassword('demo');
  // Long for the same reason: the script is this one transaction.
  return ownerTx(db, async (q) => {
    for (const m of DEMO_MUNICIPALITIES) await insertDemoMunicipality(q, m.kode, m.navn);
    const agency = await insertOrganisation(q, 'styrelse', AGENCY_NAME);
    let users = 0;
    const addUser = async (username: string, name: string, role: string, org: number, team: number | null) => {
      users++;
      return insertDemoUser(q, { username, name, role, organisationId: org, teamId: team, passwordHash: pw });
    };
    await addUser('analytiker.siri', 'Anne Analytiker', 'analytiker', agency, null);
    await addUser('admin', 'Adam Administrator', 'administrator', agency, null);

    const caseworkersByProject = new Map<string, number[]>();
    const projectIds = new Map<string, number>();
    for (const p of DEMO_PROJECTS) {
      const org = await insertOrganisation(q, 'jobcenter', p.jobcenter);
      for (const k of p.kommuneKoder) await linkOrganisationMunicipality(q, org, k);
      const pid = await insertDemoProject(q, {
        key: p.key,
        name: p.navn,
        grantDkk: p.bevilling,
        from: p.periodeFra,
        to: p.periodeTil,
        planned: p.planlagteDeltagere,
      });
      projectIds.set(p.key, pid);
      for (const k of p.kommuneKoder) await linkProjectMunicipality(q, pid, k);
      // The jobcentre's current project (from 2025), run by the same team.
      const c = CURRENT_PROJECTS.find((x) => x.key === currentProjectKey(p.key))!;
      const cid = await insertDemoProject(q, {
        key: c.key,
        name: c.navn,
        grantDkk: c.bevilling,
        from: c.periodeFra,
        to: c.periodeTil,
        planned: c.planlagteDeltagere,
      });
      projectIds.set(c.key, cid);
      for (const k of c.kommuneKoder) await linkProjectMunicipality(q, cid, k);
      const team = await insertTeam(q, org, 'KIB-teamet');
      const place = p.jobcenter.replace('Jobcenter ', '');
      await addUser(`projektleder.${p.key}`, `Projektleder ${place}`, 'projektleder', org, team);
      const size = women.filter((w) => w.projectKey === p.key).length;
      const n = Math.max(1, Math.ceil(size / CASELOAD_TARGET / 2)); // about half are active at a time
      const ids: number[] = [];
      for (let i = 1; i <= n; i++) {
        ids.push(await addUser(`sagsbehandler.${p.key}${i === 1 ? '' : i}`, `Sagsbehandler ${i} ${place}`, 'sagsbehandler', org, team));
      }
      caseworkersByProject.set(p.key, ids);
      caseworkersByProject.set(c.key, ids);
    }

    // Women and their enrolments in bulk (arrays → unnest), caseworkers round-robin.
    const cols = {
      id: [] as string[],
      mun: [] as string[],
      hash: [] as string[],
      enc: [] as string[],
      fn: [] as string[],
      ln: [] as string[],
      bd: [] as string[],
      country: [] as string[],
    };
    const en = {
      pid: [] as string[],
      project: [] as number[],
      mun: [] as string[],
      on: [] as string[],
      vis: [] as string[],
      cw: [] as number[],
      exit: [] as (string | null)[],
      reason: [] as (string | null)[],
      fsm: [] as (number | null)[],
      channel: [] as (string | null)[],
    };
    const rr = new Map<string, number>();
    women.forEach((w, wi) => {
      const pid = crypto.randomUUID();
      caseFiles.set(pid, world.activities[wi]);
      cols.id.push(pid);
      cols.mun.push(w.kommuneKode);
      cols.hash.push(vault.hashCpr(w.cpr));
      cols.enc.push(vault.encryptCpr(w.cpr));
      cols.fn.push(w.firstName);
      cols.ln.push(w.lastName);
      cols.bd.push(w.birthDate);
      cols.country.push(w.countryOfOrigin);
      const cws = caseworkersByProject.get(w.projectKey)!;
      const i = rr.get(w.projectKey) ?? 0;
      rr.set(w.projectKey, i + 1);
      en.pid.push(pid);
      en.project.push(projectIds.get(w.projectKey)!);
      en.mun.push(w.kommuneKode);
      en.on.push(w.indskrevet);
      en.vis.push(w.visitation);
      en.cw.push(cws[i % cws.length]);
      en.exit.push(w.udskrevet);
      en.reason.push(w.exitReason);
      const rec = demoRecorded(wi, w.visitation);
      en.fsm.push(rec.flereSkalMed);
      en.channel.push(rec.channel);
    });
    await insertDemoParticipants(q, cols);
    await insertDemoEnrolments(q, en);
    await auditAs(
      q,
      { userId: 0, username: 'system', role: 'administrator', ip: 'localhost' },
      {
        action: 'demo_data',
        entity: 'participant',
        detail: { seed: opts.seed ?? 2019, participants: women.length },
      },
    );
    await (await import('./casework/seed-demo-casework.ts')).seedDemoCasework(q, { seed: opts.seed ?? 2019, today, caseFiles });
    await (await import('./casework/seed-demo-instruments.ts')).seedDemoInstruments(q, { seed: opts.seed ?? 2019, today });
    await seedDemoConsultants(q);
    await seedDemoSessions(q, today);
    await seedDemoDanish(q, today);
    await seedDemoGoals(q);
    await seedDemoMeetings(q);
    await (await import('./casework/seed-demo-family.ts')).seedDemoFamily(q, { seed: opts.seed ?? 2019, today });
    // The gross group and its outreach (issue 13): its own module, independent of register data.
    await seedDemoRecruitment(q, vault, { seed: opts.seed ?? 2019 });
    return {
      municipalities: DEMO_MUNICIPALITIES.length,
      projects: DEMO_PROJECTS.length + CURRENT_PROJECTS.length,
      users,
      participants: women.length,
    };
  });
}
