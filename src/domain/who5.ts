/**
 * WHO-5 Trivselsindeks (Psykiatrisk Center Nordsjælland / WHO, free to use), the Danish
 * version: five items about the last two weeks, answered 0–5; raw sum × 4 gives 0–100.
 * Item wording as in KL's (Kommunernes Landsforening) FHIR questionnaire for WHO-5.
 * Frederikshavn's youth service logs it (seed 003). Flags: below 50 = risk of reduced
 * wellbeing; 28 or below = possible depression, refer for assessment.
 */
import type { Instrument, Step } from './instrument-types.ts';

export const WHO5_ANSWERS: Step[] = [
  { value: 5, text: 'Hele tiden' },
  { value: 4, text: 'Det meste af tiden' },
  { value: 3, text: 'Lidt mere end halvdelen af tiden' },
  { value: 2, text: 'Lidt mindre end halvdelen af tiden' },
  { value: 1, text: 'Lidt af tiden' },
  { value: 0, text: 'På intet tidspunkt' },
];

const item = (key: string, name: string) => ({ key, name, steps: WHO5_ANSWERS });

export const WHO5: Instrument = {
  key: 'who5',
  name: 'WHO-5 Trivselsindeks',
  intro: 'Vælg for hvert udsagn det svar, der passer bedst på, hvordan du har haft det i de sidste 2 uger.',
  dimensions: [
    item('glad', 'I de sidste 2 uger har jeg været glad og i godt humør'),
    item('rolig', 'I de sidste 2 uger har jeg følt mig rolig og afslappet'),
    item('aktiv', 'I de sidste 2 uger har jeg følt mig aktiv og energisk'),
    item('udhvilet', 'I de sidste 2 uger er jeg vågnet frisk og udhvilet'),
    item('interesse', 'I de sidste 2 uger har min dagligdag været fyldt med ting, der interesserer mig'),
  ],
  scoring: {
    kind: 'sum',
    multiplier: 4,
    // Most severe first: computeAlerts and lists show the first flag as the headline.
    flags: [
      { code: 'mulig_depression', text: 'mulig depression – henvis til vurdering', when: { op: 'lte', value: 28 } },
      { code: 'nedsat_trivsel', text: 'risiko for nedsat trivsel', when: { op: 'lt', value: 50 } },
    ],
  },
};
