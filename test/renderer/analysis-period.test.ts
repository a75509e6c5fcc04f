import { describe, expect, it } from 'vitest';
import { comparisonPeriods, PeriodSchema } from '../../src-shared/analysis/analysis';
import {
  localToday,
  monthWithin,
  PERIOD_PRESETS,
  periodProblem,
  presetOf,
  presetPeriod,
} from '../../src-renderer/analysis/period';

describe('the analysis period picker', () => {
  it('gives the last twelve months as eleven whole months and this month up to today', () => {
    expect(presetPeriod('last12Months', '2026-05-14')).toEqual({ from: '2025-06-01', to: '2026-05-14' });
    expect(presetPeriod('last12Months', '2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetPeriod('last12Months', '2026-01-01')).toEqual({ from: '2025-02-01', to: '2026-01-01' });
  });

  it('gives this year to date, the whole of last year and the previous calendar quarter', () => {
    expect(presetPeriod('thisYear', '2026-05-14')).toEqual({ from: '2026-01-01', to: '2026-05-14' });
    expect(presetPeriod('lastYear', '2026-05-14')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetPeriod('lastQuarter', '2026-05-14')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetPeriod('lastQuarter', '2026-07-01')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(presetPeriod('lastQuarter', '2026-12-31')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    // In the first quarter the previous one is last year's fourth.
    expect(presetPeriod('lastQuarter', '2026-02-10')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });

  it('makes periods main accepts, on every day of a leap year', () => {
    for (let day = 0; day < 366; day++) {
      const today = new Date(Date.UTC(2028, 0, 1 + day)).toISOString().slice(0, 10);
      for (const preset of PERIOD_PRESETS) {
        const period = presetPeriod(preset, today);
        expect(PeriodSchema.safeParse(period).success, `${preset} on ${today}`).toBe(true);
        expect(period.to <= today).toBe(true);
        expect(presetOf(period, today)).not.toBeNull();
      }
    }
  });

  it('recognises the preset a period is, and none for typed dates', () => {
    expect(presetOf({ from: '2025-06-01', to: '2026-05-14' }, '2026-05-14')).toBe('last12Months');
    expect(presetOf({ from: '2025-06-02', to: '2026-05-14' }, '2026-05-14')).toBeNull();
  });

  it('cuts a trend month to the analysed period, so a bar lists only the customers it counts', () => {
    const period = { from: '2025-06-15', to: '2026-05-14' };
    expect(monthWithin('2025-06', period)).toEqual({ from: '2025-06-15', to: '2025-06-30' });
    expect(monthWithin('2026-02', period)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthWithin('2028-02', { from: '2028-01-01', to: '2028-12-31' })).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    expect(monthWithin('2026-05', period)).toEqual({ from: '2026-05-01', to: '2026-05-14' });
  });

  it('explains typed dates that are not a period', () => {
    expect(periodProblem('2026-01-01', '2026-03-31')).toBeNull();
    expect(periodProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(periodProblem('', '2026-03-31')).toBe('analysis.period.missing');
    expect(periodProblem('2026-1-1', '2026-03-31')).toBe('analysis.period.missing');
    expect(periodProblem('2026-04-01', '2026-03-31')).toBe('analysis.period.order');
    expect(periodProblem('2016-01-01', '2026-12-31')).toBeNull();
    expect(periodProblem('2015-12-31', '2026-01-01')).toBe('analysis.period.tooLong');
    // Exactly what main accepts.
    for (const [from, to] of [
      ['2016-01-01', '2026-12-31'],
      ['2015-12-31', '2026-01-01'],
    ] as const) {
      expect(PeriodSchema.safeParse({ from, to }).success).toBe(periodProblem(from, to) === null);
    }
  });

  it("reads today from the office's local calendar", () => {
    expect(localToday(new Date(2026, 4, 14, 23, 59))).toBe('2026-05-14');
    expect(localToday(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
  });

  it('compares the default period with a previous one of the same length', () => {
    const { previous, lastYear } = comparisonPeriods(presetPeriod('last12Months', '2026-05-14'));
    expect(lastYear).toEqual({ from: '2024-06-01', to: '2025-05-14' });
    expect(previous.to).toBe('2025-05-31');
  });
});
