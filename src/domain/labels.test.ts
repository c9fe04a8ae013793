import { describe, expect, it } from 'vitest';
import { ALERT_CODES } from './alert-types.ts';
import { ACTIVITY_CATEGORIES, ACTIVITY_STATUSES, CONVERSATION_KINDS, EXIT_REASONS, GOAL_STATUSES, RECRUITMENT_CHANNELS, VISITATIONS } from './enums.ts';
import * as L from './labels.ts';

const pairs: [readonly (string | number)[], Record<string, string>][] = [
  [VISITATIONS, L.VISITATION_LABELS],
  [RECRUITMENT_CHANNELS, L.RECRUITMENT_CHANNEL_LABELS],
  [GOAL_STATUSES, L.GOAL_STATUS_LABELS],
  [ACTIVITY_CATEGORIES, L.ACTIVITY_CATEGORY_LABELS],
  [ACTIVITY_STATUSES, L.ACTIVITY_STATUS_LABELS],
  [CONVERSATION_KINDS, L.CONVERSATION_KIND_LABELS],
  [EXIT_REASONS, L.EXIT_REASON_LABELS],
  [ALERT_CODES, L.ALERT_CODE_LABELS],
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
