/**
 * Steering group and committee meetings (issue 14, item 7) through the HTTP routes, on both
 * backends: the meeting plan with its yearly warning and setting; the agenda drawn from Styring
 * (open actions from the last meeting, goals behind target, milestones past their date), edited,
 * reordered and deleted; actions overdue on Styring; the committee brief's "Beslutning" from the
 * committee meeting's recorded decision; Danish errors with values kept; who may read and edit;
 * every change audited. Apart from the demo's meeting histories (the last test), it runs on a fresh
 * municipality of its own (test/helpers/world.ts) whose project runs September 2019 – December 2022,
 * with a milestone plan of its own and a second fresh municipality as the other jobcentre.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from './helpers/db.ts';
import { fold, pdfText } from './helpers/downloads.ts';
import { expectRejected, loginAs, pageText, type Session } from './helpers/http.ts';
import { useTestServer } from './helpers/server.ts';
import { addMilestone, createMunicipality, type TestMunicipality } from './helpers/world.ts';

const BRIEF = 'maaned=2022-12&varig=2023-02&status=2023-02';

describe.each(backends())('steering meetings on %s', (backend) => {
  const s = useTestServer(backend);
  let pid = 0;
  let pl: Session;
  let m: TestMunicipality;
  let other: TestMunicipality;
  let otherProjectsMilestone = 0;
  const meetingIdOf = (location: string | string[] | number | undefined) => Number(/\/styring\/moeder\/(\d+)/.exec(String(location))![1]);
  const newMeeting = async (f: Record<string, string>) => {
    const res = await pl.post(`/styring/moeder/ny?projekt=${pid}`, { place: '', participants: '', ...f });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    return meetingIdOf(res.headers.location);
  };
  const audits = async (entity: string) =>
    (await s.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE entity = $1', [entity])).rows[0].n;

  beforeAll(async () => {
    // Three women enrolled in 2020 (so "Mindst én kvinde indskrevet" is reached by 2020) with no
    // register data (so none reaches Mål 1 or 2); a milestone plan with one milestone past its date
    // and open, one reached, one dropped and one not yet due.
    m = await createMunicipality(s.t.db, { women: 3, enrolledOn: '2020-03-02', projectStart: '2019-09-01', projectEnd: '2022-12-31' });
    other = await createMunicipality(s.t.db, { women: 0 });
    for (const [number, dueDate, status] of [
      [1, '2020-06-01', 'i_gang'],
      [2, '2020-03-01', 'naaet'],
      [3, '2021-03-01', 'udgaaet'],
      [4, '2099-12-01', 'ikke_startet'],
    ] as const)
      await addMilestone(s.t.db, m, { number, content: `Milepæl nummer ${number}`, dueDate, status });
    otherProjectsMilestone = await addMilestone(s.t.db, other, { number: 1, content: 'Den anden kommunes milepæl', dueDate: '2020-06-01' });
    pid = m.projectId;
    pl = await loginAs(s.app, m.leader.username);
  });

  it('plans meetings with Danish errors for bad input, and warns when a year has fewer steering group meetings than promised', async () => {
    const bad = await pl.post(`/styring/moeder/ny?projekt=${pid}`, {
      kind: 'styregruppe',
      heldOn: '31.2.2021',
      title: 'x',
      place: '',
      participants: '',
    });
    expectRejected(bad, '31. februar 2021 findes ikke.', 'Skriv en overskrift på mindst 2 tegn', 'value="31.2.2021"');
    const noKind = await pl.post(`/styring/moeder/ny?projekt=${pid}`, {
      kind: 'fest',
      heldOn: '1.3.2021',
      title: 'Møde',
      place: '',
      participants: '',
    });
    expectRejected(noKind, 'Vælg, hvilket slags møde det er.');
    expect(await audits('styringsmoede')).toBe(0);

    for (const [d, t] of [
      ['15.3.2021', 'Styregruppemøde marts 2021'],
      ['14.6.2021', 'Styregruppemøde juni 2021'],
      ['20.9.2021', 'Styregruppemøde september 2021'],
    ]) {
      await newMeeting({ kind: 'styregruppe', heldOn: d, title: t });
    }
    const plan = pageText((await pl.get(`/styring/moeder?projekt=${pid}`)).body);
    // Four a year by default; the project runs September 2019 – December 2022, so 2019 asks for 2 (4 × 4/12).
    expect(plan).toContain('Projektet holder for få styregruppemøder');
    expect(plan).toContain('2021: 3 styregruppemøder planlagt, der skal være mindst 4.');
    expect(plan).toContain('2019: 0 styregruppemøder planlagt, der skal være mindst 2.');
    expect(plan).toContain('Styregruppemøde juni 2021');

    const badSetting = await pl.post(`/styring/moeder/antal?projekt=${pid}`, { meetingsPerYear: '0' });
    expectRejected(badSetting, 'Antallet skal være mellem 1 og 24 møder om året.');
    expect((await pl.post(`/styring/moeder/antal?projekt=${pid}`, { meetingsPerYear: '3' })).statusCode).toBe(303);
    const after = pageText((await pl.get(`/styring/moeder?projekt=${pid}`)).body);
    expect(after).not.toContain('2021: 3 styregruppemøder');
    expect(after).toContain('2019: 0 styregruppemøder planlagt, der skal være mindst 1.');
    expect(await audits('styringsmoede')).toBe(3);
    expect(await audits('styringsmoede_antal')).toBe(1);
  });

  it('draws the agenda from Styring: open actions from the last meeting, goals behind target, milestones past their date', async () => {
    // Two goals of our own: one far out of reach, one certainly reached.
    for (const g of [
      {
        title: 'Alle kvinder i job eller uddannelse',
        measure: 'maal_1_eller_2',
        targetKind: 'andel',
        targetValue: '100',
        deadline: '31-12-2022',
      },
      { title: 'Mindst én kvinde indskrevet', measure: 'indskrevne', targetKind: 'antal', targetValue: '1', deadline: '31-12-2020' },
    ])
      expect((await pl.post(`/styring/maal/ny?projekt=${pid}`, { ...g, population: 'alle', note: '' })).statusCode).toBe(303);

    const first = await newMeeting({ kind: 'styregruppe', heldOn: '1.2.2022', title: 'Styregruppemøde februar 2022' });
    const milestone = (
      await s.t.db.query<{ id: number; number: number }>(
        'SELECT id, number FROM project_milestone WHERE project_id = $1 ORDER BY number LIMIT 1',
        [pid],
      )
    ).rows[0];
    const action = (f: Record<string, string>) =>
      pl.post(`/styring/moeder/${first}/handlinger/ny?projekt=${pid}`, { milestoneId: '', ...f });
    const badAction = await action({ description: 'Ring til virksomhederne', owner: '', dueDate: '1.13.2022', status: 'aaben' });
    expectRejected(badAction, 'Skriv, hvem der er ansvarlig for handlingen.', 'Måned 13 findes ikke.', 'Ring til virksomhederne');
    const foreign = await action({
      description: 'Følg op',
      owner: 'Projektleder',
      dueDate: '1.3.2022',
      status: 'aaben',
      milestoneId: String(otherProjectsMilestone),
    });
    expectRejected(foreign, 'Vælg en milepæl fra projektets milepælsplan.');
    expect(
      (
        await action({
          description: 'Indkald virksomhedsnetværket',
          owner: 'Projektleder Aalborg',
          dueDate: '1.3.2022',
          status: 'aaben',
          milestoneId: String(milestone.id),
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (await action({ description: 'Send budgetopfølgning til SIRI', owner: 'Økonomikonsulent', dueDate: '15.2.2022', status: 'udfoert' }))
        .statusCode,
    ).toBe(303);

    // The owner chosen among the project's users (stored with the user and her name), a user of
    // another jobcentre refused in Danish, and free text kept for owners outside, e.g. "Styregruppen".
    const user = async (u: string) =>
      (await s.t.db.query<{ id: number; name: string }>('SELECT id, display_name AS name FROM app_user WHERE username = $1', [u])).rows[0];
    const own = await user(m.caseworker.username);
    const foreignUser = await user(other.caseworker.username);
    const form = await pl.get(`/styring/moeder/${first}/handlinger/ny?projekt=${pid}`);
    expect(form.body).toContain(`<option value="${own.id}">${own.name}</option>`);
    expect(form.body).not.toContain(`>${foreignUser.name}</option>`);
    const refused = await action({
      description: 'Tal med Aarhus',
      ownerUserId: String(foreignUser.id),
      owner: '',
      dueDate: '1.3.2022',
      status: 'aaben',
    });
    expectRejected(refused, 'Vælg en ansvarlig blandt projektets medarbejdere, eller skriv en anden.');
    expect(
      (
        await action({
          description: 'Book lokaler til kvindecaféen',
          ownerUserId: String(own.id),
          owner: '',
          dueDate: '1.4.2022',
          status: 'udfoert',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await action({
          description: 'Godkend revideret budget',
          ownerUserId: '',
          owner: 'Styregruppen',
          dueDate: '1.4.2022',
          status: 'udfoert',
        })
      ).statusCode,
    ).toBe(303);
    const owners = (
      await s.t.db.query<{ description: string; owner: string; uid: number | null }>(
        `SELECT description, owner, owner_user_id AS uid FROM steering_meeting_action WHERE meeting_id = $1 AND description IN ('Book lokaler til kvindecaféen', 'Godkend revideret budget') ORDER BY description`,
        [first],
      )
    ).rows;
    expect(owners).toEqual([
      { description: 'Book lokaler til kvindecaféen', owner: own.name, uid: own.id },
      { description: 'Godkend revideret budget', owner: 'Styregruppen', uid: null },
    ]);
    const booked = (
      await s.t.db.query<{ id: number }>(`SELECT id FROM steering_meeting_action WHERE description = 'Book lokaler til kvindecaféen'`)
    ).rows[0].id;
    const edit = await pl.get(`/styring/moeder/${first}/handlinger/${booked}?projekt=${pid}`);
    expect(edit.body).toContain(`<option value="${own.id}" selected>${own.name}</option>`);

    const second = await newMeeting({ kind: 'styregruppe', heldOn: '2.5.2022', title: 'Styregruppemøde maj 2022' });
    expect((await pl.post(`/styring/moeder/${second}/hent-punkter?projekt=${pid}`, {})).statusCode).toBe(303);
    const page = await pl.get(`/styring/moeder/${second}?projekt=${pid}`);
    const agenda = pageText(page.body.slice(page.body.indexOf('data-testid="agenda"'), page.body.indexOf('<h2>Opfølgningshandlinger')));
    expect(agenda).toContain('Godkendelse af referat fra sidste møde');
    expect(agenda).toContain('Styregruppemøde februar 2022, 1.2.2022.');
    expect(agenda).toContain('Opfølgning: Indkald virksomhedsnetværket');
    expect(agenda).toContain('Frist 1.3.2022, overskredet');
    expect(agenda).not.toContain('Send budgetopfølgning'); // done
    expect(agenda).toContain('Resultatmål ikke nået: Alle kvinder i job eller uddannelse');
    expect(agenda).toContain('mod målsætningen 100 %');
    expect(agenda).not.toContain('Mindst én kvinde indskrevet');
    // Every milestone past its date and neither reached nor dropped, and no other (hand count from the plan).
    const overdue = (
      await s.t.db.query<{ number: number }>(
        `SELECT number FROM project_milestone WHERE project_id = $1 AND due_date < current_date AND status NOT IN ('naaet', 'udgaaet') ORDER BY number`,
        [pid],
      )
    ).rows;
    const onTime = (
      await s.t.db.query<{ number: number }>(
        `SELECT number FROM project_milestone WHERE project_id = $1 AND NOT (due_date < current_date AND status NOT IN ('naaet', 'udgaaet'))`,
        [pid],
      )
    ).rows;
    expect(overdue.length).toBeGreaterThan(0);
    for (const m of overdue) expect(agenda).toContain(`Milepæl ${m.number} er forsinket`);
    for (const m of onTime) expect(agenda).not.toContain(`Milepæl ${m.number} er forsinket`);
    const points = (
      await s.t.db.query<{ id: number; title: string; position: number }>(
        'SELECT id, title, position FROM steering_meeting_point WHERE meeting_id = $1 ORDER BY position',
        [second],
      )
    ).rows;
    expect(points.map((p) => p.position)).toEqual(points.map((_, i) => i + 1));
    expect(points[points.length - 1].title).toBe('Eventuelt');

    // "Hent punkter" again, and twice at once (a double click): nothing is added a second time.
    const again = await pl.post(`/styring/moeder/${second}/hent-punkter?projekt=${pid}`, {});
    expect(again.headers.location).toContain('gemt=hentet-ingen');
    expect(pageText((await pl.get(String(again.headers.location))).body)).toContain(
      'Dagsordenen har allerede alle punkter fra overblikket. Intet er tilføjet.',
    );
    await Promise.all([1, 2].map(() => pl.post(`/styring/moeder/${second}/hent-punkter?projekt=${pid}`, {})));
    const afterAgain = (
      await s.t.db.query<{ id: number }>('SELECT id FROM steering_meeting_point WHERE meeting_id = $1 ORDER BY position', [second])
    ).rows;
    expect(afterAgain.map((p) => p.id)).toEqual(points.map((p) => p.id));
    // A point deleted from the agenda comes back on the next draw, and "Eventuelt" stays last.
    const goalPoint = points.find((p) => p.title.startsWith('Resultatmål ikke nået'))!;
    expect((await pl.post(`/styring/moeder/${second}/punkter/${goalPoint.id}/slet?projekt=${pid}`, {})).statusCode).toBe(303);
    expect((await pl.post(`/styring/moeder/${second}/hent-punkter?projekt=${pid}`, {})).headers.location).toContain('gemt=hentet&');
    const redrawn = (
      await s.t.db.query<{ id: number; title: string; position: number }>(
        'SELECT id, title, position FROM steering_meeting_point WHERE meeting_id = $1 ORDER BY position',
        [second],
      )
    ).rows;
    expect(redrawn.map((p) => p.title).sort()).toEqual(points.map((p) => p.title).sort());
    expect(redrawn.map((p) => p.position)).toEqual(redrawn.map((_, i) => i + 1));
    expect(redrawn[redrawn.length - 1].title).toBe('Eventuelt');
    points.splice(0, points.length, ...redrawn);

    // The leader reorders, edits and deletes points.
    const last = points[points.length - 1];
    expect((await pl.post(`/styring/moeder/${second}/punkter/${last.id}/flyt?projekt=${pid}`, { retning: 'op' })).statusCode).toBe(303);
    const moved = (await s.t.db.query<{ position: number }>('SELECT position FROM steering_meeting_point WHERE id = $1', [last.id])).rows[0]
      .position;
    expect(moved).toBe(points.length - 1);
    const badPoint = await pl.post(`/styring/moeder/${second}/punkter/${points[0].id}?projekt=${pid}`, {
      title: '',
      body: '',
      minutes: '',
      decision: 'Godkendt',
    });
    expectRejected(badPoint, 'Skriv punktets overskrift (mindst 2 tegn).', 'Godkendt');
    expect(
      (
        await pl.post(`/styring/moeder/${second}/punkter/${points[0].id}?projekt=${pid}`, {
          title: points[0].title,
          body: '',
          minutes: 'Ingen bemærkninger.',
          decision: 'Referatet blev godkendt.',
        })
      ).statusCode,
    ).toBe(303);
    const confirm = await pl.get(`/styring/moeder/${second}/punkter/${points[1].id}/slet?projekt=${pid}`);
    expect(pageText(confirm.body)).toContain('Vil du slette punktet «Opfølgning: Indkald virksomhedsnetværket»');
    expect((await pl.post(`/styring/moeder/${second}/punkter/${points[1].id}/slet?projekt=${pid}`, {})).statusCode).toBe(303);
    const remaining = (
      await s.t.db.query<{ position: number }>('SELECT position FROM steering_meeting_point WHERE meeting_id = $1 ORDER BY position', [
        second,
      ])
    ).rows;
    expect(remaining.map((p) => p.position)).toEqual(remaining.map((_, i) => i + 1));

    // The minutes' print view carries the decision and the actions; the agenda's print view neither.
    expect(pageText((await pl.get(`/styring/moeder/${second}/referat?projekt=${pid}`)).body)).toContain(
      'Beslutning: Referatet blev godkendt.',
    );
    const printedAgenda = pageText((await pl.get(`/styring/moeder/${second}/dagsorden?projekt=${pid}`)).body);
    expect(printedAgenda).toContain('Dagsorden: Styregruppemøde maj 2022');
    expect(printedAgenda).not.toContain('Referatet blev godkendt');
    expect(pageText((await pl.get(`/styring/moeder/${first}/referat?projekt=${pid}`)).body)).toContain(
      `Indkald virksomhedsnetværket Projektleder Aalborg 1.3.2022 Åben Nr. ${milestone.number}`,
    );
    // The same as tagged PDFs.
    const pdf = await pl.get(`/styring/moeder/${second}/referat.pdf?projekt=${pid}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const pdfMinutes = fold(pdfText(pdf.rawPayload));
    expect(pdfMinutes).toContain('Referat: Styregruppemøde maj 2022');
    expect(pdfMinutes).toContain('Beslutning: Referatet blev godkendt.');
    const pdfAgenda = fold(pdfText((await pl.get(`/styring/moeder/${second}/dagsorden.pdf?projekt=${pid}`)).rawPayload));
    expect(pdfAgenda).toContain('Dagsorden: Styregruppemøde maj 2022');
    expect(pdfAgenda).toContain('Godkendelse af referat fra sidste møde');
    expect(pdfAgenda).not.toContain('Referatet blev godkendt');
    expect(fold(pdfText((await pl.get(`/styring/moeder/${first}/referat.pdf?projekt=${pid}`)).rawPayload))).toContain(
      'Indkald virksomhedsnetværket',
    );
  });

  it('shows open actions past their due date on Styring, and not done ones', async () => {
    const styring = await pl.get(`/styring?projekt=${pid}`);
    expect(styring.statusCode).toBe(200);
    const section = pageText(styring.body.slice(styring.body.indexOf('data-testid="meetings-section"')));
    expect(section).toContain('1 handling fra møderne har overskredet fristen');
    expect(section).toContain('Indkald virksomhedsnetværket');
    expect(section).not.toContain('Send budgetopfølgning');
    const cw = await loginAs(s.app, m.caseworker.username);
    expect(pageText((await cw.get(`/styring?projekt=${pid}`)).body)).toContain('Indkald virksomhedsnetværket');
    // The action tied to a milestone stands under it in the milestone plan, linked to its meeting.
    const plan = await pl.get(`/styring/milepaele?projekt=${pid}`);
    const milestone = (
      await s.t.db.query<{ id: number }>('SELECT milestone_id AS id FROM steering_meeting_action WHERE description = $1', [
        'Indkald virksomhedsnetværket',
      ])
    ).rows[0].id;
    const under = pageText(plan.body.slice(plan.body.indexOf(`data-testid="milestone-actions-${milestone}"`)).split('</span>')[0]);
    expect(under).toContain('Handlinger fra møder: Indkald virksomhedsnetværket (åben, frist 1.3.2022)');
    expect(plan.body).not.toContain('Send budgetopfølgning');
  });

  it('fills the committee brief\'s "Beslutning" from the decision recorded at the committee meeting it goes to, and follows a correction', async () => {
    const brief = async () => {
      const body = pageText((await pl.get(`/styring/rapporter/udvalg?projekt=${pid}&${BRIEF}`)).body);
      return body.slice(body.indexOf('Beslutning'), body.indexOf('Bilag'));
    };
    expect(await brief()).toContain('Udvalgets beslutning skrives ind efter mødet.');
    // A committee meeting before the report month is not the one the brief goes to.
    await newMeeting({ kind: 'udvalg', heldOn: '10.11.2022', title: 'Beskæftigelsesudvalget november 2022' });
    const committee = await newMeeting({ kind: 'udvalg', heldOn: '24.1.2023', title: 'Beskæftigelsesudvalget januar 2023' });
    expect(await brief()).toContain('Udvalgets beslutning skrives ind efter mødet den 24.1.2023.');
    const point = (f: Record<string, string>) =>
      pl.post(`/styring/moeder/${committee}/punkter/ny?projekt=${pid}`, { body: '', minutes: '', ...f });
    expect((await point({ title: 'Orientering om projektet', decision: 'Udvalget tog orienteringen til efterretning.' })).statusCode).toBe(
      303,
    );
    expect(await brief()).toContain('Udvalget besluttede på mødet den 24.1.2023: Udvalget tog orienteringen til efterretning.');
    // Corrected in the minutes, corrected in the brief.
    const pointId = (await s.t.db.query<{ id: number }>('SELECT id FROM steering_meeting_point WHERE meeting_id = $1', [committee])).rows[0]
      .id;
    expect(
      (
        await pl.post(`/styring/moeder/${committee}/punkter/${pointId}?projekt=${pid}`, {
          title: 'Orientering om projektet',
          body: '',
          minutes: '',
          decision: 'Udvalget tog orienteringen til efterretning og ønsker en status i juni.',
        })
      ).statusCode,
    ).toBe(303);
    const corrected = await brief();
    expect(corrected).toContain('ønsker en status i juni');
    expect(corrected).not.toContain('skrives ind efter mødet');
  });

  it('lets caseworkers read but not edit, hides the meetings from another jobcentre, and audits every change and deletion', async () => {
    const meeting = (
      await s.t.db.query<{ id: number }>(
        `SELECT id FROM steering_meeting WHERE project_id = $1 AND title = 'Styregruppemøde februar 2022'`,
        [pid],
      )
    ).rows[0].id;
    const cw = await loginAs(s.app, m.caseworker.username);
    const read = await cw.get(`/styring/moeder/${meeting}?projekt=${pid}`);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain('Tilføj handling');
    expect((await cw.post(`/styring/moeder/${meeting}/slet?projekt=${pid}`, {})).statusCode).toBe(403);
    expect(
      (await cw.post(`/styring/moeder/ny?projekt=${pid}`, { kind: 'styregruppe', heldOn: '1.1.2022', title: 'Forsøg' })).statusCode,
    ).toBe(403);

    const elsewhere = await loginAs(s.app, other.leader.username);
    for (const url of [`/styring/moeder/${meeting}?projekt=${pid}`, `/styring/moeder/${meeting}`, `/styring/moeder/${meeting}/referat`]) {
      const res = await elsewhere.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('Indkald virksomhedsnetværket');
    }
    expect((await elsewhere.post(`/styring/moeder/${meeting}/slet`, {})).statusCode).toBe(404);
    expect((await elsewhere.post(`/styring/moeder/${meeting}/punkter/ny`, { title: 'Indbrud' })).statusCode).toBe(404);

    const before = await audits('styringsmoede');
    const confirm = pageText((await pl.get(`/styring/moeder/${meeting}/slet?projekt=${pid}`)).body);
    expect(confirm).toContain('Vil du slette mødet «Styregruppemøde februar 2022» 1.2.2022 med dagsorden, referat og 4 handlinger');
    expect((await pl.post(`/styring/moeder/${meeting}/slet?projekt=${pid}`, {})).statusCode).toBe(303);
    expect((await s.t.db.query('SELECT 1 FROM steering_meeting_action WHERE meeting_id = $1', [meeting])).rowCount).toBe(0);
    const del = (
      await s.t.db.query<{ detail: { actions: { description: string }[] } }>(
        `SELECT detail FROM audit_log WHERE entity = 'styringsmoede' AND action = 'slet' ORDER BY id DESC LIMIT 1`,
      )
    ).rows[0];
    expect(del.detail.actions.map((a) => a.description).sort()).toEqual([
      'Book lokaler til kvindecaféen',
      'Godkend revideret budget',
      'Indkald virksomhedsnetværket',
      'Send budgetopfølgning til SIRI',
    ]);
    expect(await audits('styringsmoede')).toBe(before + 1);
    expect(await audits('moedehandling')).toBe(4);
    expect(await audits('dagsordenspunkt')).toBeGreaterThanOrEqual(5);
    // Gone from Styring with its meeting.
    expect(pageText((await pl.get(`/styring?projekt=${pid}`)).body)).toContain('Ingen handlinger fra møderne har overskredet fristen.');
  });

  it("has demo meeting histories: Viborg four a year with the committee's decision in its brief, Ishøj and Vallensbæk three a year with 2021 short", async () => {
    const viborg = await loginAs(s.app, 'projektleder.viborg');
    const vplan = pageText((await viborg.get('/styring/moeder')).body);
    expect(vplan).toContain('Der er planlagt mindst 4 styregruppemøder om året i hele projektperioden.');
    // 2019-09-23 and every third month to 2022-12-23: 14 steering group meetings, and the committee in January 2023.
    const vpid = (await s.t.db.query<{ id: number }>(`SELECT id FROM project WHERE key = 'viborg'`)).rows[0].id;
    const kinds = (
      await s.t.db.query<{ kind: string; n: number }>(
        'SELECT kind, count(*)::int AS n FROM steering_meeting WHERE project_id = $1 GROUP BY kind ORDER BY kind',
        [vpid],
      )
    ).rows;
    expect(kinds).toEqual([
      { kind: 'styregruppe', n: 14 },
      { kind: 'udvalg', n: 1 },
    ]);
    // Open past their date: the last steering group meeting's two actions and the committee's one.
    const styring = pageText((await viborg.get('/styring')).body);
    expect(styring).toContain('3 handlinger fra møderne har overskredet fristen');
    const brief = pageText((await viborg.get(`/styring/rapporter/udvalg?${BRIEF}`)).body);
    expect(brief).toContain(
      'Udvalget besluttede på mødet den 23.1.2023: Udvalget tog orienteringen til efterretning og ønsker at høre om forankringen af indsatsen i juni 2023.',
    );

    const ishoej = await loginAs(s.app, 'projektleder.ishoej-vallensbaek');
    const iplan = pageText((await ishoej.get('/styring/moeder')).body);
    expect(iplan).toContain('Projektet skal holde 3 styregruppemøder om året');
    expect(iplan).toContain('2021: 2 styregruppemøder planlagt, der skal være mindst 3.');
    expect(iplan).not.toContain('2020: ');
    expect(pageText((await ishoej.get(`/styring/rapporter/udvalg?${BRIEF}`)).body)).toContain(
      'Udvalgets beslutning skrives ind efter mødet den 6.2.2023.',
    );
  });
});
