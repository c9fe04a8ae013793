/**
 * What the engine derives from the participants alone, made ahead while a reader thread reads
 * (`prepareParticipants`, register/load.ts): the same results as the engine's own, used only for
 * the array it was made of, and left to the engine when a participant cannot be read.
 */
import { describe, expect, it } from 'vitest';
import { monitor } from './engine.ts';
import { factColumns, prepareParticipants } from './participant-facts.ts';
import { inputOf } from './test-support.ts';
import type { Participant } from './types.ts';

const OPTS = { month: '2022-12', durableMonth: '2023-02', snapshotMonth: '2023-02', suppress: 0 };
const input = inputOf([
  { in: '2021-02-15', kommune: '851', weeks: { '2022-W10': 707 }, hours: { '2022-06': 20 } },
  { in: '2022-01-04', out: '2022-11-30', kommune: '101', visitation: 'jobparat', hours: { '2022-10': 160, '2022-11': 160 } },
  { in: '2020-05-01', born: '1960-03-03', kommune: '851', weeks: { '2022-W40': 651 } },
  { in: '2023-01-09', kommune: '461' },
]);

describe('prepareParticipants', () => {
  it('makes the facts, the CPR numbers and whether they repeat, as the engine would', () => {
    const p = prepareParticipants(input.participants)!;
    expect(p.of).toBe(input.participants);
    expect(p.facts).toEqual(factColumns(input.participants));
    expect(p.cprs).toEqual(input.participants.map((x) => x.cpr));
    expect(p.distinct).toBe(true);
    const twice: Participant[] = [...input.participants, { ...input.participants[0], id: 'igen' }];
    expect(prepareParticipants(twice)!.distinct).toBe(false);
  });

  it('gives the engine the results it finds itself', () => {
    expect(monitor({ ...input, prepared: prepareParticipants(input.participants)! }, OPTS)).toEqual(monitor(input, OPTS));
  });

  it('is ignored for another array of participants (the engine derives its own)', () => {
    const other = input.participants.map((p) => ({ ...p, indskrevet: '2019-01-02', kommune: '999' }));
    const wrong = prepareParticipants(other)!;
    const own = monitor(input, OPTS);
    expect(monitor({ ...input, prepared: wrong }, OPTS)).toEqual(own);
    expect(monitor({ ...input, participants: other }, OPTS)).not.toEqual(own); // the facts would have changed the results
  });

  it('is none for a participant the facts refuse, and the engine then refuses her as before', () => {
    const bad = [...input.participants, { ...input.participants[0], id: 'X', indskrevet: '31-02-2022' }];
    expect(prepareParticipants(bad)).toBeNull();
    expect(() => monitor({ ...input, participants: bad }, OPTS)).toThrow('Deltager X: ugyldig indskrivningsdato «31-02-2022».');
  });
});
