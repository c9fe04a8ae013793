/**
 * The whole demo: case data and register data from one world, so from one date. Each seeder read
 * the clock itself, and a seed running over midnight in Denmark gave the register data the next
 * day's current-project women (their CPR numbers are drawn after the enrolments up to today): the
 * demo's women then had another woman's register weeks or none, and the committee brief counted
 * 6 of 66 women in job or education instead of 34.
 */
import type { Db } from '../db/door.ts';
import type { Vault } from '../security/vault.ts';
import { todayInDenmark } from './casework/today.ts';
import { seedDemoRegister } from './register/seed-demo-register.ts';
import { seedDemo } from './seed-demo.ts';

export async function seedDemoAll(deps: { db: Db; vault: Vault }, opts: { seed?: number; size?: number; today?: string } = {}) {
  const today = opts.today ?? todayInDenmark();
  const summary = await seedDemo(deps.db, deps.vault, { ...opts, today });
  const register = await seedDemoRegister(deps, { ...opts, today });
  return { summary, register, today };
}
