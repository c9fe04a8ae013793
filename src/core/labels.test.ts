import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES,
  AGENDA_SOURCES,
  MEETING_KINDS,
  ACTIVITY_CATEGORIES,
  ACTIVITY_STATUSES,
  ALERT_CODES,
  DECLINE_REASONS,
  OUTREACH_CHANNELS,
  OUTREACH_KINDS,
  COMPANY_CONTACT_KINDS,
  CONVERSATION_KINDS,
  EXEMPTION_KINDS,
  EXIT_REASONS,
  GOAL_OUTCOMES,
  GOAL_STATUSES,
  MEASURES,
  MILESTONE_STATUSES,
  RECRUITMENT_CHANNELS,
  REPORT_SECTIONS,
  ROLES,
  VISITATIONS,
} from './codes.ts';
import * as L from './labels.ts';

const pairs: [readonly (string | number)[], Record<string, string>][] = [
  [VISITATIONS, L.VISITATION_LABELS],
  [RECRUITMENT_CHANNELS, L.RECRUITMENT_CHANNEL_LABELS],
  [GOAL_STATUSES, L.GOAL_STATUS_LABELS],
  [ACTIVITY_CATEGORIES, L.ACTIVITY_CATEGORY_LABELS],
  [ACTIVITY_STATUSES, L.ACTIVITY_STATUS_LABELS],
  [CONVERSATION_KINDS, L.CONVERSATION_KIND_LABELS],
  [EXIT_REASONS, L.EXIT_REASON_LABELS],
  [EXEMPTION_KINDS, L.EXEMPTION_KIND_LABELS],
  [OUTREACH_CHANNELS, L.OUTREACH_CHANNEL_LABELS],
  [OUTREACH_KINDS, L.OUTREACH_KIND_LABELS],
  [DECLINE_REASONS, L.DECLINE_REASON_LABELS],
  [ALERT_CODES, L.ALERT_CODE_LABELS],
  [COMPANY_CONTACT_KINDS, L.COMPANY_CONTACT_KIND_LABELS],
  [VISITATIONS, L.VISITATION_SHORT_LABELS],
  [ROLES, L.ROLE_LABELS],
  [MEASURES, L.MEASURE_LABELS],
  [MILESTONE_STATUSES, L.MILESTONE_STATUS_LABELS],
  [REPORT_SECTIONS, L.REPORT_SECTION_LABELS],
  [GOAL_OUTCOMES, L.GOAL_OUTCOME_LABELS],
  [MEETING_KINDS, L.MEETING_KIND_LABELS],
  [AGENDA_SOURCES, L.AGENDA_SOURCE_LABELS],
  [ACTION_STATUSES, L.ACTION_STATUS_LABELS],
];

describe('labels', () => {
  it('gives every stored value one distinct, non-empty Danish label', () => {
    for (const [values, labels] of pairs) {
      expect(Object.keys(labels).sort()).toEqual(values.map(String).sort());
      const texts = values.map((v) => labels[String(v)]);
      expect(texts.every((t) => t.trim().length > 1)).toBe(true);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });
});

describe('labelOf', () => {
  it('renders a known code as its label and an unknown one as itself', () => {
    expect(L.labelOf(L.VISITATION_SHORT_LABELS, 'jobparat')).toBe('Jobparat');
    expect(L.labelOf(L.EXIT_REASON_LABELS, 'job_ordinaer')).toBe('Job (ordinære vilkår)');
    expect(L.labelOf(L.VISITATION_SHORT_LABELS, 'ukendt_kode')).toBe('ukendt_kode');
  });
});
