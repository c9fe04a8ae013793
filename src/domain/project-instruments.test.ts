import { describe, expect, it } from 'vitest';
import { distanceTravelled } from './assessment.ts';
import {
  currentVersion,
  definitionValues,
  parseDefinition,
  parseProjectInstrumentKey,
  projectInstrumentKey,
  sameDefinition,
  toInstrument,
  type ProjectInstrumentVersion,
} from './project-instruments.ts';

const lines = (n: number, w = 'Trin') => Array.from({ length: n }, (_, i) => `${w} ${i + 1}`).join('\n');

describe('project instrument definitions', () => {
  it('needs exactly one text per step on a 1–10 scale, and says how many there are', () => {
    const r = parseDefinition({ name: 'Slagelses værktøj', scaleMin: '1', scaleMax: '10', 'dim1.name': 'Sprog', 'dim1.steps': lines(9) });
    expect(r).toEqual({
      ok: false,
      errors: { 'dim1.steps': 'Dimensionen "Sprog" skal have en tekst for hvert trin: 10 trin (1–10), én linje pr. trin. Der er 9.' },
    });
    const ok = parseDefinition({
      name: 'Slagelses værktøj',
      scaleMin: '1',
      scaleMax: '10',
      'dim1.name': 'Sprog',
      'dim1.steps': `\n${lines(10)}\n\n`,
    });
    expect(ok.ok && ok.value.dimensions).toEqual([{ key: 'd1', name: 'Sprog', steps: lines(10).split('\n') }]);
  });

  it('skips empty slots, numbers the kept dimensions in order, and refuses duplicates and nameless step texts', () => {
    const r = parseDefinition({
      name: 'X',
      scaleMin: '0',
      scaleMax: '2',
      'dim1.name': 'A',
      'dim1.steps': lines(3),
      'dim3.name': 'B',
      'dim3.steps': lines(3),
    });
    expect(r.ok && r.value.dimensions.map((d) => [d.key, d.name])).toEqual([
      ['d1', 'A'],
      ['d2', 'B'],
    ]);
    const bad = parseDefinition({
      name: 'X',
      scaleMin: '0',
      scaleMax: '2',
      'dim1.name': 'A',
      'dim1.steps': lines(3),
      'dim2.name': 'a',
      'dim2.steps': lines(3),
      'dim3.steps': lines(3),
    });
    expect(bad.ok ? {} : bad.errors).toEqual({
      'dim2.name': 'Der er allerede en dimension, der hedder "a".',
      'dim3.name': 'Giv dimension nr. 3 et navn.',
    });
    expect(parseDefinition({ name: 'X', scaleMin: 'en', scaleMax: '5' })).toMatchObject({
      ok: false,
      errors: { scaleMin: 'Skalaens laveste trin skal være et helt tal fra 0 til 10.' },
    });
  });

  it('round-trips through the form values, and an unchanged form is the same definition', () => {
    const r = parseDefinition({ name: 'T', scaleMin: '1', scaleMax: '3', 'dim1.name': 'A', 'dim1.steps': lines(3) });
    if (!r.ok) throw new Error('expected ok');
    const again = parseDefinition(definitionValues(r.value));
    expect(again.ok && sameDefinition(again.value, r.value)).toBe(true);
    expect(sameDefinition(r.value, { ...r.value, name: 'U' })).toBe(false);
  });
});

describe('project instrument versions', () => {
  const v = (version: number, over: Partial<ProjectInstrumentVersion> = {}): ProjectInstrumentVersion => ({
    id: version * 10,
    instrumentId: 7,
    projectId: 1,
    version,
    name: 'Trappen',
    scaleMin: 0,
    scaleMax: 2,
    createdAt: '',
    usedAt: null,
    retiredAt: null,
    dimensions: [{ key: 'd1', name: 'Sprog', steps: ['nul', 'en', 'to'] }],
    ...over,
  });

  it('takes new scores on the newest version only, and none when it is retired', () => {
    expect(currentVersion([v(1), v(2)])?.version).toBe(2);
    expect(currentVersion([v(1), v(2, { retiredAt: '2026-01-01' })])).toBeNull();
  });

  it("is an instrument per version (steps from the scale's lowest value), so distance never mixes versions", () => {
    const i1 = toInstrument(v(1));
    const i2 = toInstrument(v(2));
    expect(i1.key).toBe(projectInstrumentKey(7, 1));
    expect(parseProjectInstrumentKey(i2.key)).toEqual({ instrumentId: 7, version: 2 });
    expect(parseProjectInstrumentKey('who5')).toBeNull();
    expect(i1.dimensions[0].steps).toEqual([
      { value: 0, text: 'nul' },
      { value: 1, text: 'en' },
      { value: 2, text: 'to' },
    ]);
    const scores = [
      { instrumentKey: i1.key, date: '2026-01-01', answers: { d1: 0 } },
      { instrumentKey: i2.key, date: '2026-02-01', answers: { d1: 1 } },
      { instrumentKey: i2.key, date: '2026-05-01', answers: { d1: 2 } },
    ];
    expect(distanceTravelled(i1, scores)).toBeNull();
    expect(distanceTravelled(i2, scores)?.dimensions[0]).toMatchObject({ from: 1, to: 2, change: 1 });
  });
});
