import type { Period } from '../../src-shared/analysis/analysis';
import { addDays } from '../../src-shared/calendar';

export { addDays };

/** The months (YYYY-MM) a period touches, first to last. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  for (;;) {
    const text = `${year}-${String(month).padStart(2, '0')}`;
    months.push(text);
    if (text >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** The month number SQL computes for a YYYY-MM-DD date (year × 12 + month), to index monthsOf. */
export function monthNumber(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
}

/** The twelve months up to and including a date: the default period of the analyses and the benchmark. */
export function twelveMonthsTo(to: string): Period {
  const year = Number(to.slice(0, 4)) - 1;
  const sameDayLastYear = `${year}${to.slice(4)}`;
  // 29 February a year earlier does not exist: the period then starts on 1 March.
  const valid =
    !Number.isNaN(Date.parse(`${sameDayLastYear}T00:00:00Z`)) && addDays(sameDayLastYear, 0) === sameDayLastYear;
  return { from: valid ? addDays(sameDayLastYear, 1) : `${year}-03-01`, to };
}
