/** Demo meeting histories (inside seedDemo's transaction): meetings, agendas with minutes and decisions, actions tied to milestones, the yearly number. */
import {
  insertAction,
  insertMeeting,
  insertPoint,
  milestoneIdByNumber,
  projectIdByKey,
  saveMeetingsPerYear,
} from '../../db/steering/meetings.ts';
import { DEMO_MEETINGS } from '../../demo/meetings.ts';

export async function seedDemoMeetings(q: Parameters<typeof insertMeeting>[0]): Promise<{ meetings: number; actions: number }> {
  let meetings = 0;
  let actions = 0;
  for (const [key, plan] of Object.entries(DEMO_MEETINGS)) {
    const pid = await projectIdByKey(q, key);
    if (!pid) continue;
    await saveMeetingsPerYear(q, pid, plan.perYear, null);
    for (const m of plan.meetings) {
      const id = await insertMeeting(
        q,
        pid,
        { kind: m.kind, heldOn: m.heldOn, title: m.title, place: m.place, participants: m.participants },
        null,
      );
      meetings++;
      for (const p of m.points)
        await insertPoint(
          q,
          pid,
          id,
          { title: p.title, body: p.body ?? null, minutes: p.minutes ?? null, decision: p.decision ?? null },
          null,
        );
      for (const a of m.actions) {
        const milestoneId = a.milestoneNumber === undefined ? null : await milestoneIdByNumber(q, pid, a.milestoneNumber);
        await insertAction(
          q,
          pid,
          id,
          { description: a.description, owner: a.owner, dueDate: a.dueDate, status: a.status, milestoneId },
          null,
        );
        actions++;
      }
    }
  }
  return { meetings, actions };
}
