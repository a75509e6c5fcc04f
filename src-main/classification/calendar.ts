/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) for the derived classes. Sales dates are the ERP's
 * calendar days, so everything here is whole days without time zones.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of a moment: the office's "today" (the machine's time zone). */
export function calendarDate(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** The same day `months` months earlier; a day the earlier month lacks becomes its last day (31 March − 1 → 28/29 February). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The next calendar day. */
export function nextDay(date: string): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The first day of the `months` months ending on `asOf` (both ends included): asOf minus the months
 * plus one day. The 12 months ending 2026-11-27 run from 2025-11-28; those ending 2024-02-29 from
 * 2023-03-01.
 */
export function windowStart(asOf: string, months: number): string {
  return nextDay(monthsBefore(asOf, months));
}
