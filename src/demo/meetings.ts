/**
 * The demo projects' meeting history (issue 14, item 7): Viborg's steering group four times a
 * year as its application promises, Ishøj and Vallensbæk's three times a year (with one year
 * short of it, so the plan's warning shows), each with an agenda, minutes, decisions and
 * follow-up actions, and a committee meeting after the project's last month whose decision the
 * committee brief shows. Synthetic: the people are roles, not names.
 */
import type { ActionStatus, MeetingKind } from '../core/codes.ts';

export interface DemoPoint {
  title: string;
  body?: string;
  minutes?: string;
  decision?: string;
}
export interface DemoAction {
  description: string;
  owner: string;
  dueDate: string;
  status: ActionStatus;
  milestoneNumber?: number;
}
export interface DemoMeeting {
  kind: MeetingKind;
  heldOn: string;
  title: string;
  place: string;
  participants: string;
  points: DemoPoint[];
  actions: DemoAction[];
}
export interface DemoMeetingPlan {
  perYear: number;
  meetings: DemoMeeting[];
}

const QUARTER = ['1. kvartal', '2. kvartal', '3. kvartal', '4. kvartal'];

function steeringMeeting(place: string, participants: string, heldOn: string, i: number, last: boolean): DemoMeeting {
  const q = QUARTER[Math.floor((Number(heldOn.slice(5, 7)) - 1) / 3)];
  const year = heldOn.slice(0, 4);
  const next = (months: number) => {
    const d = new Date(`${heldOn}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + months);
    return d.toISOString().slice(0, 10);
  };
  return {
    kind: 'styregruppe',
    heldOn,
    title: `Styregruppemøde ${q} ${year}`,
    place,
    participants,
    points: [
      ...(i > 0 ? [{ title: 'Godkendelse af referat fra sidste møde', decision: 'Referatet blev godkendt.' }] : []),
      {
        title: 'Status på rekruttering og indskrivning',
        body: 'Projektlederen gennemgår indskrivningen mod planen.',
        minutes: 'Indskrivningen følger planen; der er flest henvisninger fra sagsbehandlerne.',
        decision: 'Styregruppen tog orienteringen til efterretning.',
      },
      {
        title: 'Virksomhedssamarbejdet',
        minutes: 'Flere virksomheder har taget imod kvinder i praktik.',
        decision:
          i % 2
            ? 'Virksomhedskonsulenten besøger tre nye virksomheder før næste møde.'
            : 'Styregruppen godkendte oplægget til et virksomhedsnetværk.',
      },
      { title: 'Budget og forbrug', minutes: 'Forbruget ligger tæt på budgettet.' },
      { title: 'Eventuelt' },
    ],
    actions: [
      {
        description: `Opdater milepælsplanen efter mødet i ${q.toLowerCase()} ${year}`,
        owner: 'Projektleder',
        dueDate: next(1),
        status: last ? 'aaben' : 'udfoert',
      },
      {
        description: 'Følg op på kvinder, der har afbrudt forløbet',
        owner: 'Teamleder, KIB-teamet',
        dueDate: next(2),
        status: last ? 'i_gang' : 'udfoert',
        milestoneNumber: 1,
      },
    ],
  };
}

function quarterly(from: string, to: string, everyMonths: number, skip: string[] = []): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  while (d.toISOString().slice(0, 10) <= to) {
    const iso = d.toISOString().slice(0, 10);
    if (!skip.includes(iso)) out.push(iso);
    d.setUTCMonth(d.getUTCMonth() + everyMonths);
  }
  return out;
}

function plan(place: string, participants: string, dates: string[], committee: DemoMeeting, perYear: number): DemoMeetingPlan {
  return { perYear, meetings: [...dates.map((d, i) => steeringMeeting(place, participants, d, i, i === dates.length - 1)), committee] };
}

export const DEMO_MEETINGS: Record<string, DemoMeetingPlan> = {
  viborg: plan(
    'Jobcenter Viborg, mødelokale 2',
    'Jobcenterchef (formand)\nAfdelingsleder, integration\nProjektleder\nTeamleder, KIB-teamet\nRepræsentant for SIRI',
    quarterly('2019-09-23', '2022-12-31', 3),
    {
      kind: 'udvalg',
      heldOn: '2023-01-23',
      title: 'Beskæftigelsesudvalget januar 2023',
      place: 'Viborg Rådhus, udvalgsværelse 1',
      participants: 'Beskæftigelsesudvalget\nJobcenterchef\nProjektleder',
      points: [
        {
          title: 'Orientering om projektet «Flere indvandrerkvinder i beskæftigelse»',
          body: 'Orientering til udvalget ved projektets afslutning.',
          decision: 'Udvalget tog orienteringen til efterretning og ønsker at høre om forankringen af indsatsen i juni 2023.',
        },
      ],
      actions: [
        {
          description: 'Plan for forankring af indsatsen forelægges udvalget',
          owner: 'Jobcenterchef',
          dueDate: '2023-06-15',
          status: 'aaben',
        },
      ],
    },
    4,
  ),
  'ishoej-vallensbaek': plan(
    'Jobcenter Ishøj-Vallensbæk',
    'Jobcenterchef, Ishøj (formand)\nJobcenterchef, Vallensbæk\nProjektleder\nVirksomhedskonsulent',
    // Three a year; in 2021 one meeting was cancelled.
    quarterly('2019-11-05', '2022-12-31', 4, ['2021-07-05']),
    {
      kind: 'udvalg',
      heldOn: '2023-02-06',
      title: 'Beskæftigelses- og integrationsudvalget februar 2023',
      place: 'Ishøj Rådhus',
      participants: 'Beskæftigelses- og integrationsudvalget\nProjektleder',
      points: [{ title: 'Orientering om projektet', body: 'Slutorientering; beslutningen skrives ind efter mødet.' }],
      actions: [],
    },
    3,
  ),
};
