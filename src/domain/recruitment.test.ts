import { describe, expect, it } from 'vitest';
import { outreachEvent } from './test-support.ts';
import { candidateErasureDue, candidateStage, outreachSchema, recruitmentFunnel } from './recruitment.ts';

const ev = outreachEvent;

describe('recruitment funnel', () => {
  const candidates = [
    { addedOn: '2024-01-10', events: [] },
    {
      addedOn: '2024-01-10',
      events: [ev('kontakt', '2024-02-01', { channel: 'telefon' }), ev('kontakt', '2024-02-05', { channel: 'brev' })],
    },
    {
      addedOn: '2024-01-10',
      events: [
        ev('kontakt', '2024-02-03', { channel: 'telefon' }),
        ev('invitation', '2024-02-10'),
        ev('deltog', '2024-03-01'),
        ev('indskrevet', '2024-03-20'),
      ],
    },
    { addedOn: '2024-02-15', events: [ev('deltog', '2024-03-01'), ev('afslag', '2024-03-02', { declineReason: 'boernepasning' })] },
    {
      addedOn: '2024-02-15',
      events: [
        ev('kontakt', '2024-03-05', { channel: 'rollemodel' }),
        ev('afslag', '2024-03-06', { declineReason: 'helbred' }),
        ev('afslag', '2024-04-01', { declineReason: 'familie' }),
      ],
    },
  ];

  it('counts each woman once per stage reached, by the channel of her first contact attempt', () => {
    const f = recruitmentFunnel(candidates);
    expect(f.total).toEqual({ gross: 5, contacted: 4, invited: 1, informed: 2, enrolled: 1, declined: 2 });
    expect(f.byChannel).toEqual([
      { channel: 'telefon', counts: { gross: 2, contacted: 2, invited: 1, informed: 1, enrolled: 1, declined: 0 } },
      { channel: 'rollemodel', counts: { gross: 1, contacted: 1, invited: 0, informed: 0, enrolled: 0, declined: 1 } },
      { channel: 'ukendt', counts: { gross: 1, contacted: 1, invited: 0, informed: 1, enrolled: 0, declined: 1 } },
      { channel: 'ikke_kontaktet', counts: { gross: 1, contacted: 0, invited: 0, informed: 0, enrolled: 0, declined: 0 } },
    ]);
    // Her latest decline's reason counts.
    expect(f.declinedByReason).toEqual([
      { reason: 'boernepasning', count: 1 },
      { reason: 'familie', count: 1 },
    ]);
  });

  it('by month: added, first step, first meeting, enrolment, latest decline', () => {
    const f = recruitmentFunnel(candidates);
    expect(
      f.byMonth.map((m) => [m.month, m.counts.gross, m.counts.contacted, m.counts.informed, m.counts.enrolled, m.counts.declined]),
    ).toEqual([
      ['2024-01', 3, 0, 0, 0, 0],
      ['2024-02', 2, 2, 0, 0, 0],
      ['2024-03', 0, 2, 2, 1, 1],
      ['2024-04', 0, 0, 0, 0, 1],
    ]);
  });

  it('counts only what happened up to a day', () => {
    const f = recruitmentFunnel(candidates, '2024-02-29');
    expect(f.total).toEqual({ gross: 5, contacted: 2, invited: 1, informed: 0, enrolled: 0, declined: 0 });
    expect(recruitmentFunnel(candidates, '2024-01-31').total.gross).toBe(3);
  });

  it('a woman enrolled after declining counts as enrolled, not declined', () => {
    const c = { addedOn: '2024-01-01', events: [ev('afslag', '2024-01-05', { declineReason: 'helbred' }), ev('indskrevet', '2024-06-01')] };
    expect(candidateStage(c)).toBe('indskrevet');
    expect(recruitmentFunnel([c]).total.declined).toBe(0);
  });
});

describe('outreach input', () => {
  it('asks for a channel on a contact attempt and a reason on a decline, in Danish', () => {
    const r = outreachSchema.safeParse({ kind: 'kontakt', occurredOn: '3.2.2025', channel: '', declineReason: '', note: '' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain('Vælg hvordan hun blev kontaktet.');
    const d = outreachSchema.safeParse({ kind: 'afslag', occurredOn: '3.2.2025', channel: '', declineReason: '', note: '' });
    expect(d.error?.issues.map((i) => i.message)).toContain('Vælg hvorfor hun takkede nej.');
    expect(outreachSchema.safeParse({ kind: 'indskrevet', occurredOn: '3.2.2025' }).success).toBe(false);
  });
});

describe('candidate erasure', () => {
  it('is due the set number of months after her last outreach or listing, whichever is later', () => {
    expect(candidateErasureDue('2024-01-31', null, 12)).toBe('2025-01-31');
    expect(candidateErasureDue('2024-01-31', '2024-03-15', 12)).toBe('2025-03-15');
    expect(candidateErasureDue('2024-03-31', '2024-01-02', 1)).toBe('2024-04-30');
  });
});
