/**
 * Her timeline on the participant page: activities, conversations, assessments, plan changes and
 * enrolments newest first; monthly register statuses appear once a source is registered with
 * setRegisterStatusSource (the monitoring engine's hook).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { setRegisterStatusSource } from '../src/app/casework/case-timeline.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { loginAs } from './helpers/http.ts';

describe.each(backends())('casework timeline on %s', (backend) => {
  const srv = useTestServer(backend);
  afterAll(() => setRegisterStatusSource(async () => []));

  it('lists her history newest first and includes register statuses from the registered source', async () => {
    const woman = (await srv.t.db.query<{ id: string }>(
      `SELECT p.id FROM participant p JOIN casework_conversation c ON c.participant_id = p.id
       JOIN casework_activity a ON a.participant_id = p.id WHERE p.municipality_code = '851' LIMIT 1`)).rows[0].id;
    const asked: string[] = [];
    setRegisterStatusSource(async (_db, actor, id) => {
      asked.push(`${actor.username}:${id}`);
      return [{ month: '2021-03', level: 3, snapshot: 'Virksomhedspraktik' }];
    });
    const s = await loginAs(srv.app, 'sagsbehandler.aalborg');
    const res = await s.get(`/deltagere/${woman}/tidslinje`);
    expect(res.statusCode).toBe(200);
    expect(asked).toEqual([`sagsbehandler.aalborg:${woman}`]);
    const timeline = /data-testid="timeline">([\s\S]*?)<\/ol>/.exec(res.body)![1];
    expect(timeline).toContain('Registerstatus 2021-03: Mål 3: virksomhedsrettet tilbud');
    expect(timeline).toContain('Indskrevet i projektet');
    expect(timeline).toMatch(/Start: /);
    expect(timeline).toMatch(/Individuel samtale|Samtale på virksomhed|Gruppesamtale|Hjemmebesøg/);
    const dates = [...timeline.matchAll(/class="timeline-date">(\d+)\.(\d+)\.(\d{4})</g)].map(
      (m) => `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`,
    );
    expect(dates.length).toBeGreaterThan(3);
    expect([...dates].sort().reverse()).toEqual(dates);
  });
});
