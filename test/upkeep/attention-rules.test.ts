import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from '../../src-shared/calendar';
import { attentionReasons, latestNoVisitBase, latestPastCycleBase } from '../../src-shared/upkeep/attention';
import { DEFAULT_UPKEEP_RULES } from '../../src-shared/upkeep/upkeep';

describe('upkeep rules on dates', () => {
  it('adds months clamped to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-12-15', 3)).toBe('2026-03-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('finds the exact latest base day past its cycle (checked against every day of four years)', () => {
    const todays = ['2026-02-28', '2028-02-29', '2026-03-31', '2026-11-30', '2026-07-15', '2027-01-01'];
    for (const today of todays) {
      for (const months of [1, 2, 3, 6, 11, 12, 24]) {
        const threshold = latestPastCycleBase(today, months);
        for (let day = addDays(today, -1500); day <= today; day = addDays(day, 1)) {
          expect(addMonths(day, months) <= today, `${today} ${months} ${day}`).toBe(day <= threshold);
        }
      }
    }
    expect(latestPastCycleBase('2026-02-28', 3)).toBe('2025-11-30');
    expect(latestPastCycleBase('2028-02-29', 12)).toBe('2027-02-28');
  });

  it('counts days without a visit from the last visit or the creation day', () => {
    expect(latestNoVisitBase('2026-03-01', 90)).toBe('2025-12-01');
    expect(daysBetween('2025-12-01', '2026-03-01')).toBe(90);
    const card = {
      grade: 'A',
      createdOn: '2025-12-01',
      reviewedOn: '2026-01-10',
      lastVisitOn: null,
      unverifiedSections: 0,
    };
    expect(attentionReasons(DEFAULT_UPKEEP_RULES, card, '2026-02-28')).toEqual([]);
    expect(attentionReasons(DEFAULT_UPKEEP_RULES, card, '2026-03-01')).toEqual(['noVisit']);
    expect(attentionReasons(DEFAULT_UPKEEP_RULES, { ...card, unverifiedSections: 1 }, '2026-04-10')).toEqual([
      'review',
      'unverified',
      'noVisit',
    ]);
    expect(attentionReasons(DEFAULT_UPKEEP_RULES, { ...card, lastVisitOn: '2026-02-01' }, '2026-04-09')).toEqual([]);
  });
});
