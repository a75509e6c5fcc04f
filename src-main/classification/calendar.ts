import { addDays, addMonths } from '../../src-shared/calendar';

/**
 * Calendar words of the derived classes, over the shared calendar (src-shared/calendar.ts). Sales
 * dates are the ERP's calendar days, so everything here is whole days without time zones.
 */

export { calendarDate } from '../../src-shared/calendar';

/** The same day `months` months earlier; a day the earlier month lacks becomes its last day (31 March − 1 → 28/29 February). */
export function monthsBefore(date: string, months: number): string {
  return addMonths(date, -months);
}

/** The next calendar day. */
export function nextDay(date: string): string {
  return addDays(date, 1);
}
/**
 * The first day of the `months` months ending on `asOf` (both ends included): asOf minus the months
 * plus one day. The 12 months ending 2026-11-27 run from 2025-11-28; those ending 2024-02-29 from
 * 2023-03-01.
 */
export function windowStart(asOf: string, months: number): string {
  return nextDay(monthsBefore(asOf, months));
}
