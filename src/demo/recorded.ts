/**
 * What caseworkers record at enrolment besides visitation (issue 13 build 4): the Flere skal med
 * group from STAR's screening and the recruitment channel. Deterministic per woman (her index in
 * the demo world), drawn without the world's random stream so that no other demo figure moves.
 * Jobparat women are mostly in group 1, aktivitetsparat women spread over 1–3; about one in
 * twelve has no group recorded and about one in twenty no channel.
 */
const mix = (i: number, salt: number) => {
  let h = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= h >>> 13;
  return ((h >>> 0) % 10_000) / 10_000;
};

const CHANNELS: readonly (readonly [string, number])[] = [
  ['jobcenter', 0.55],
  ['boligomraade', 0.12],
  ['netvaerk_forening', 0.12],
  ['rollemodel', 0.08],
  ['lokaltv', 0.05],
  ['andet', 0.03],
];

export function demoRecorded(index: number, visitation: string): { flereSkalMed: number | null; channel: string | null } {
  const g = mix(index, 1);
  const flereSkalMed =
    g < 0.08
      ? null
      : visitation === 'jobparat'
        ? g < 0.85
          ? 1
          : 2
        : visitation === 'aktivitetsparat'
          ? g < 0.35
            ? 1
            : g < 0.8
              ? 2
              : 3
          : g < 0.6
            ? 1
            : 2;
  let c = mix(index, 2);
  let channel: string | null = null;
  for (const [k, p] of CHANNELS) {
    if (c < p) {
      channel = k;
      break;
    }
    c -= p;
  }
  return { flereSkalMed, channel };
}
