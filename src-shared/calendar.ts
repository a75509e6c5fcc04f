/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD): whole days without time zones, as sales dates, visit
 * dates and review days are the office's calendar days. One module for main, the renderer and the
 * pure rules, so that "a month later" or "90 days ago" means the same everywhere.
 */

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of a moment: the office's "today" (the machine's time zone). */
export function calendarDate(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The ISO date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO date `days` days after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The same day `months` months later (earlier, when negative), clamped to that month's last day:
 * 2026-01-31 + 1 month = 2026-02-28; 2024-03-31 − 1 month = 2024-02-29. Monotonic in `date`: a later
 * day never gives an earlier result.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}
