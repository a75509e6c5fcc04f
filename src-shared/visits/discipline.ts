import type { OverdueReport, RepDiscipline, ReportingDiscipline } from '../contracts/visits';
import type { ReportPeriod } from './visit-report';
import { dateOfDay, daysBetween, dayNumber } from '../calendar';

/**
 * The rep's reporting discipline (method 三.1: 日报 every working day, 月报
 * every month): which reports the office expected of each rep in a window,
 * which came, which came late, and which are overdue. A pure rule on plain
 * data so that it can be checked day by day without a database.
 *
 * Working days are Monday to Friday; public holidays are not modelled (an
 * office that does not expect a report on a holiday sees it as overdue and
 * knows why).
 */

/** A monthly report is due on this day of the following month. */
export const MONTHLY_DUE_DAY = 5;

export interface DisciplineRep {
  username: string;
  displayName: string;
  period: ReportPeriod | 'none';
  /** First day reports are expected (YYYY-MM-DD); null when the rep has no schedule. */
  since: string | null;
}

export interface DisciplineReport {
  username: string;
  period: ReportPeriod;
  /** The visit day (YYYY-MM-DD). */
  visitOn: string;
  /** The local calendar day the report was submitted (YYYY-MM-DD). */
  submittedOn: string;
}

/** Monday to Friday. */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The first working day after a date: when a daily report of that date is due. */
export function nextWorkingDay(date: string): string {
  let day = dayNumber(date) + 1;
  while (!isWorkingDay(dateOfDay(day))) day += 1;
  return dateOfDay(day);
}

/** The due day of a monthly report (YYYY-MM): the 5th of the next month. */
export function monthlyDueOn(month: string): string {
  const year = Number(month.slice(0, 4));
  // The month's 1-based number is the 0-based index of the month after it (December → January next year).
  const next = new Date(Date.UTC(year, Number(month.slice(5, 7)), MONTHLY_DUE_DAY));
  return next.toISOString().slice(0, 10);
}

interface Slot {
  slot: string;
  dueOn: string;
}

function dailySlots(since: string, range: { from: string; to: string }, today: string): Slot[] {
  const first = since > range.from ? since : range.from;
  const last = range.to < today ? range.to : today;
  const slots: Slot[] = [];
  for (let day = dayNumber(first); day <= dayNumber(last); day += 1) {
    const date = dateOfDay(day);
    if (isWorkingDay(date)) slots.push({ slot: date, dueOn: nextWorkingDay(date) });
  }
  return slots;
}

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

function monthlySlots(since: string, range: { from: string; to: string }, today: string): Slot[] {
  const slots: Slot[] = [];
  // A month counts when its first day lies in the window, it is not before the schedule's month,
  // and it has begun by today.
  let month = range.from.slice(0, 7);
  if (`${month}-01` < range.from) month = nextMonth(month);
  const sinceMonth = since.slice(0, 7);
  if (month < sinceMonth) month = sinceMonth;
  const lastMonth = today.slice(0, 7);
  while (`${month}-01` <= range.to && month <= lastMonth) {
    slots.push({ slot: month, dueOn: monthlyDueOn(month) });
    month = nextMonth(month);
  }
  return slots;
}

function byName(a: { displayName: string; username: string }, b: { displayName: string; username: string }): number {
  if (a.displayName !== b.displayName) return a.displayName < b.displayName ? -1 : 1;
  return a.username < b.username ? -1 : a.username > b.username ? 1 : 0;
}

/**
 * Expected against submitted reports for each rep over [from, to] as of
 * `today`. A slot is met by a report of the schedule's period for that day
 * (daily) or month (monthly), whatever its subject; a report submitted
 * after the slot's due day is late but counts. A slot without a report is
 * overdue once its due day has passed, open until then.
 */
export function computeDiscipline(
  reps: readonly DisciplineRep[],
  reports: readonly DisciplineReport[],
  range: { from: string; to: string },
  today: string,
): ReportingDiscipline {
  // Usernames compare without case, as the database does.
  const reportsOf = new Map<string, DisciplineReport[]>();
  for (const report of reports) {
    const key = report.username.toLowerCase();
    const list = reportsOf.get(key);
    if (list) list.push(report);
    else reportsOf.set(key, [report]);
  }

  const overdue: OverdueReport[] = [];
  const rows: RepDiscipline[] = [...reps].sort(byName).map((rep) => {
    const own = reportsOf.get(rep.username.toLowerCase()) ?? [];
    const row: RepDiscipline = {
      username: rep.username,
      displayName: rep.displayName,
      period: rep.period,
      expected: 0,
      submitted: 0,
      late: 0,
      overdue: 0,
      open: 0,
      reports: own.filter((r) => r.visitOn >= range.from && r.visitOn <= range.to).length,
    };
    if (rep.period === 'none' || rep.since === null || range.from > range.to) return row;
    const period = rep.period;

    // The earliest submission for each slot decides whether it was on time.
    const firstSubmitted = new Map<string, string>();
    for (const report of own) {
      if (report.period !== period) continue;
      const slot = period === 'daily' ? report.visitOn : report.visitOn.slice(0, 7);
      const known = firstSubmitted.get(slot);
      if (known === undefined || report.submittedOn < known) firstSubmitted.set(slot, report.submittedOn);
    }

    const slots = period === 'daily' ? dailySlots(rep.since, range, today) : monthlySlots(rep.since, range, today);
    for (const { slot, dueOn } of slots) {
      row.expected += 1;
      const submittedOn = firstSubmitted.get(slot);
      if (submittedOn !== undefined) {
        row.submitted += 1;
        if (submittedOn > dueOn) row.late += 1;
      } else if (today > dueOn) {
        row.overdue += 1;
        overdue.push({
          username: rep.username,
          displayName: rep.displayName,
          period,
          slot,
          dueOn,
          daysOverdue: daysBetween(dueOn, today),
        });
      } else {
        row.open += 1;
      }
    }
    return row;
  });

  overdue.sort((a, b) => {
    if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
    const names = byName(a, b);
    if (names !== 0) return names;
    return a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0;
  });

  return { from: range.from, to: range.to, today, reps: rows, overdue };
}
