/**
 * Demo data for the projects' own instruments (issue 14 build 5): Aalborg's current project gets
 * its progressionstrappe (the application, seed 002: "en progressionstrappe for borgerens forløb,
 * der understøtter og synliggør faglig stillingtagen til retning og forventet progression"),
 * scale 1–5 with four dimensions, and about two in five of its women two scores on it, the first
 * in her first weeks and the second three to thirteen months later, both inside her enrolment and up to today. Own
 * random stream, so the rest of the demo does not change.
 */
import { deriveSeed, mulberry32 } from '../../core/prng.ts';
import { addDays, minDate } from '../../core/dates.ts';
import type { ProjectDimension } from '../../domain/project-instruments.ts';
import { demoWomenOfProject, insertDemoInstrument, insertDemoInstrumentScores } from '../../db/demo/instruments.ts';
import { assessmentColumns } from '../../db/demo/casework.ts';
import { projectIdOfKey, userIdOfName, type SeedTx } from '../../db/demo/seed.ts';

export const AALBORG_TRAPPE: { name: string; scaleMin: number; scaleMax: number; dimensions: ProjectDimension[] } = {
  name: 'Aalborgs progressionstrappe',
  scaleMin: 1,
  scaleMax: 5,
  dimensions: [
    {
      key: 'd1',
      name: 'Dansk i hverdag og job',
      steps: [
        'Taler kun lidt dansk og har brug for tolk',
        'Klarer enkle hverdagssituationer på dansk',
        'Kan føre en enkel samtale om arbejde på dansk',
        'Forstår instrukser på en arbejdsplads',
        'Bruger dansk uden besvær i job og hverdag',
      ],
    },
    {
      key: 'd2',
      name: 'Afklaring af jobmål',
      steps: [
        'Har intet jobmål endnu',
        'Har ønsker, men kender ikke vejen',
        'Har et realistisk jobmål',
        'Har afprøvet jobmålet i praktik',
        'Søger job inden for jobmålet',
      ],
    },
    {
      key: 'd3',
      name: 'Mødestabilitet',
      steps: [
        'Udebliver ofte uden afbud',
        'Møder op efter påmindelse',
        'Møder som regel op eller melder afbud',
        'Møder stabilt til aftaler og tilbud',
        'Møder stabilt på en arbejdsplads',
      ],
    },
    {
      key: 'd4',
      name: 'Netværk og børnepasning',
      steps: [
        'Intet netværk, børnepasning mangler',
        'Lidt netværk, børnepasning under afklaring',
        'Børnepasning på plads i dagtimerne',
        'Netværk og børnepasning støtter deltagelse',
        'Hverdagen hænger sammen med et job',
      ],
    },
  ],
};

export async function seedDemoInstruments(q: SeedTx, opts: { seed: number; today: string }): Promise<{ scores: number }> {
  const projectId = await projectIdOfKey(q, 'aalborg-2025');
  if (!projectId) return { scores: 0 };
  const leader = await userIdOfName(q, 'projektleder.aalborg');
  const t = AALBORG_TRAPPE;
  const { instrumentId, versionId } = await insertDemoInstrument(q, projectId, leader, t);
  const women = await demoWomenOfProject(q, projectId);
  const s = assessmentColumns();
  const key = `projekt-${instrumentId}-v1`;
  women.forEach((w, i) => {
    const rng = mulberry32(deriveSeed(opts.seed, 14_500 + i));
    const end = w.exit ? minDate(w.exit, opts.today) : opts.today;
    if (!rng.chance(0.4)) return;
    const first = addDays(w.on, rng.int(14, 40));
    // Drawn whatever today is, so her scores up to a day stay the same on later days.
    const second = addDays(first, rng.int(90, 400));
    if (second > end) return;
    const a1: Record<string, number> = {};
    const a2: Record<string, number> = {};
    for (const d of t.dimensions) {
      a1[d.key] = rng.int(1, 3);
      a2[d.key] = Math.max(
        1,
        Math.min(
          5,
          a1[d.key] +
            rng.weighted([
              [-1, 1],
              [0, 3],
              [1, 4],
              [2, 2],
            ] as const),
        ),
      );
    }
    for (const [on, a] of [
      [first, a1],
      [second, a2],
    ] as const)
      s.add(
        w,
        on,
        a,
        Object.values(a).reduce((x, y) => x + y, 0),
      );
  });
  await insertDemoInstrumentScores(q, key, versionId, s);
  return { scores: s.pid.length };
}
