import type { Period } from '../../src-shared/analysis/analysis';
import { calendarDate } from '../../src-shared/calendar';

/** The period picker's ready-made choices; 'custom' is whatever dates the user typed. */
export const PERIOD_PRESETS = ['last12Months', 'thisYear', 'lastYear', 'lastQuarter'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Last day of month m (1–12) of year y. */
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Today in the office's local time as YYYY-MM-DD (the date on the office's calendar, not UTC). */
export function localToday(now: Date = new Date()): string {
  return calendarDate(now);
}

/**
 * The dates of a preset on `today` (YYYY-MM-DD):
 * - last 12 months: the eleven whole months before this one and this month up to today, so the
 *   monthly trend has twelve bars and only the current one is partial;
 * - this year: 1 January up to today (comparable with the same dates last year);
 * - last year: the whole previous calendar year;
 * - last quarter: the previous whole calendar quarter.
 */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const [y, m] = today.split('-').map(Number) as [number, number, number];
  switch (preset) {
    case 'last12Months': {
      const start = m === 12 ? { y, m: 1 } : { y: y - 1, m: m + 1 };
      return { from: iso(start.y, start.m, 1), to: today };
    }
    case 'thisYear':
      return { from: iso(y, 1, 1), to: today };
    case 'lastYear':
      return { from: iso(y - 1, 1, 1), to: iso(y - 1, 12, 31) };
    case 'lastQuarter': {
      const quarter = Math.floor((m - 1) / 3); // 0..3, this quarter
      const qy = quarter === 0 ? y - 1 : y;
      const firstMonth = quarter === 0 ? 10 : (quarter - 1) * 3 + 1;
      return { from: iso(qy, firstMonth, 1), to: iso(qy, firstMonth + 2, lastDay(qy, firstMonth + 2)) };
    }
  }
}

/** The preset that gives exactly this period today, if any (the picker shows it as chosen). */
export function presetOf(period: Period, today: string): PeriodPreset | null {
  return (
    PERIOD_PRESETS.find((p) => {
      const q = presetPeriod(p, today);
      return q.from === period.from && q.to === period.to;
    }) ?? null
  );
}

/** One month (YYYY-MM) of the trend, cut to the analysed period: what a click on its bar lists. */
export function monthWithin(month: string, period: Period): Period {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = `${month}-01`;
  const to = `${month}-${pad(lastDay(y, m))}`;
  return { from: from < period.from ? period.from : from, to: to > period.to ? period.to : to };
}

/** Why typed dates are not a period main accepts (a string key), or null when they are fine. */
export function periodProblem(
  from: string,
  to: string,
): 'analysis.period.missing' | 'analysis.period.order' | 'analysis.period.tooLong' | null {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (!date.test(from) || !date.test(to)) return 'analysis.period.missing';
  if (from > to) return 'analysis.period.order';
  // The same limit as PeriodSchema: at most ten calendar years apart.
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 10) return 'analysis.period.tooLong';
  return null;
}
