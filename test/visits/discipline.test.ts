import { describe, expect, it } from 'vitest';
import {
  computeDiscipline,
  isWorkingDay,
  monthlyDueOn,
  nextWorkingDay,
  type DisciplineReport,
  type DisciplineRep,
} from '../../src-shared/visits/discipline';

/**
 * The reporting-discipline rule on hand-checked dates. November 2026:
 * Mon 2, 9, 16, 23, 30; Fri 6, 13, 20, 27. 2026-11-27 (a Friday) is "today".
 */

const report = (username: string, period: 'daily' | 'monthly', visitOn: string, submittedOn = visitOn) =>
  ({ username, period, visitOn, submittedOn }) satisfies DisciplineReport;

const WANG: DisciplineRep = { username: 'rep.wang', displayName: '王业务', period: 'daily', since: '2026-11-19' };
const LI: DisciplineRep = { username: 'rep.li', displayName: '李业务', period: 'monthly', since: '2026-08-15' };

describe('working days and due days', () => {
  it('counts Monday to Friday and rolls over weekends, month and year ends', () => {
    expect(['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30'].map(isWorkingDay)).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(nextWorkingDay('2026-11-26')).toBe('2026-11-27');
    expect(nextWorkingDay('2026-11-27')).toBe('2026-11-30');
    expect(nextWorkingDay('2026-11-28')).toBe('2026-11-30');
    // Public holidays are not modelled: 1 January is a working day like any Friday.
    expect(nextWorkingDay('2026-12-31')).toBe('2027-01-01');
    expect(nextWorkingDay('2027-01-01')).toBe('2027-01-04');
    expect(monthlyDueOn('2026-11')).toBe('2026-12-05');
    expect(monthlyDueOn('2026-12')).toBe('2027-01-05');
    expect(monthlyDueOn('2027-01')).toBe('2027-02-05');
  });
});

describe('daily reports', () => {
  const reports = [
    report('rep.wang', 'daily', '2026-11-19'), // on time
    report('rep.wang', 'daily', '2026-11-19', '2026-11-26'), // a second one for the same day: the first decides
    report('rep.wang', 'daily', '2026-11-20', '2026-11-24'), // Friday's, due Monday 23: late
    // Monday 23: nothing → due 24, overdue 3 days.
    report('rep.wang', 'monthly', '2026-11-24'), // a monthly report does not meet a daily slot → due 25, overdue 2 days
    report('rep.wang', 'daily', '2026-11-25', '2026-11-26'), // due 26: on time
    // Thursday 26: nothing, due Friday 27 = today: still open. Friday 27: due Monday 30, open.
    report('rep.wang', 'daily', '2026-11-21'), // a Saturday: no slot, but a report in the window
    report('rep.wang', 'daily', '2026-11-10'), // before the schedule began: counted, no slot
    report('rep.wang', 'daily', '2026-10-30'), // outside the window
    report('REP.WANG', 'daily', '2026-11-16'), // user names compare without case
  ];

  it('counts slots from the schedule start to today, late, overdue and open exactly', () => {
    const result = computeDiscipline([WANG], reports, { from: '2026-11-01', to: '2026-11-30' }, '2026-11-27');
    expect(result.reps).toEqual([
      {
        username: 'rep.wang',
        displayName: '王业务',
        period: 'daily',
        expected: 7,
        submitted: 3,
        late: 1,
        overdue: 2,
        open: 2,
        reports: 8,
      },
    ]);
    expect(result.overdue).toEqual([
      {
        username: 'rep.wang',
        displayName: '王业务',
        period: 'daily',
        slot: '2026-11-23',
        dueOn: '2026-11-24',
        daysOverdue: 3,
      },
      {
        username: 'rep.wang',
        displayName: '王业务',
        period: 'daily',
        slot: '2026-11-24',
        dueOn: '2026-11-25',
        daysOverdue: 2,
      },
    ]);
  });

  it('cuts the slots at the window: a window ending on a Sunday, one starting after the schedule', () => {
    const sunday = computeDiscipline([WANG], reports, { from: '2026-11-01', to: '2026-11-22' }, '2026-11-27');
    // 19 and 20 only; 21 and 22 are the weekend.
    expect(sunday.reps[0]).toMatchObject({ expected: 2, submitted: 2, late: 1, overdue: 0, open: 0, reports: 6 });
    const later = computeDiscipline([WANG], reports, { from: '2026-11-24', to: '2026-12-31' }, '2026-11-27');
    // 24, 25, 26, 27: nothing after today is expected yet.
    expect(later.reps[0]).toMatchObject({ expected: 4, submitted: 1, late: 0, overdue: 1, open: 2, reports: 2 });
    expect(later.overdue.map((o) => o.slot)).toEqual(['2026-11-24']);
  });

  it('turns an open slot overdue the day after its due day', () => {
    const friday = computeDiscipline([WANG], [], { from: '2026-11-27', to: '2026-11-27' }, '2026-11-27');
    expect(friday.reps[0]).toMatchObject({ expected: 1, overdue: 0, open: 1 });
    const monday = computeDiscipline([WANG], [], { from: '2026-11-27', to: '2026-11-27' }, '2026-11-30');
    expect(monday.reps[0]).toMatchObject({ expected: 1, overdue: 0, open: 1 });
    const tuesday = computeDiscipline([WANG], [], { from: '2026-11-27', to: '2026-11-27' }, '2026-12-01');
    expect(tuesday.overdue).toEqual([
      {
        username: 'rep.wang',
        displayName: '王业务',
        period: 'daily',
        slot: '2026-11-27',
        dueOn: '2026-11-30',
        daysOverdue: 1,
      },
    ]);
  });
});

describe('monthly reports', () => {
  const reports = [
    report('rep.li', 'daily', '2026-07-20'), // before the schedule, in the window
    report('rep.li', 'monthly', '2026-08-31', '2026-09-04'), // August: due 5 September, on time
    // September: nothing → due 5 October, overdue 53 days on 27 November.
    report('rep.li', 'monthly', '2026-10-20', '2026-11-06'), // October: due 5 November, late
    // November: due 5 December, open. December has not begun.
  ];

  it('expects one report per month from the schedule month on, due on the 5th of the next month', () => {
    const result = computeDiscipline([LI], reports, { from: '2026-07-01', to: '2026-12-31' }, '2026-11-27');
    expect(result.reps).toEqual([
      {
        username: 'rep.li',
        displayName: '李业务',
        period: 'monthly',
        expected: 4,
        submitted: 2,
        late: 1,
        overdue: 1,
        open: 1,
        reports: 3,
      },
    ]);
    expect(result.overdue).toEqual([
      {
        username: 'rep.li',
        displayName: '李业务',
        period: 'monthly',
        slot: '2026-09',
        dueOn: '2026-10-05',
        daysOverdue: 53,
      },
    ]);
  });

  it('counts a month only when its first day is in the window', () => {
    const result = computeDiscipline([LI], reports, { from: '2026-08-10', to: '2026-10-31' }, '2026-11-27');
    // September and October; August began before the window.
    expect(result.reps[0]).toMatchObject({ expected: 2, submitted: 1, late: 1, overdue: 1, open: 0, reports: 2 });
  });

  it('keeps December open until 5 January and overdue from the 6th', () => {
    const december = [report('rep.li', 'monthly', '2026-12-15', '2027-01-05')];
    const range = { from: '2026-12-01', to: '2026-12-31' };
    expect(computeDiscipline([LI], [], range, '2027-01-05').reps[0]).toMatchObject({ expected: 1, open: 1 });
    expect(computeDiscipline([LI], [], range, '2027-01-06').overdue[0]).toMatchObject({
      slot: '2026-12',
      dueOn: '2027-01-05',
      daysOverdue: 1,
    });
    expect(computeDiscipline([LI], december, range, '2027-01-06').reps[0]).toMatchObject({ submitted: 1, late: 0 });
  });
});

describe('several reps', () => {
  it('lists reps by name, "none" with zero slots, and the overdue oldest due day first, then by name', () => {
    const zhao: DisciplineRep = { username: 'rep.zhao', displayName: '赵业务', period: 'none', since: null };
    const chen: DisciplineRep = { username: 'rep.chen', displayName: '陈业务', period: 'daily', since: '2026-11-23' };
    const result = computeDiscipline(
      [zhao, WANG, LI, chen],
      [report('rep.zhao', 'daily', '2026-11-20')],
      { from: '2026-11-23', to: '2026-11-24' },
      '2026-11-27',
    );
    expect(result.reps.map((r) => [r.username, r.expected, r.overdue, r.reports])).toEqual([
      ['rep.li', 0, 0, 0],
      ['rep.wang', 2, 2, 0],
      ['rep.zhao', 0, 0, 0],
      ['rep.chen', 2, 2, 0],
    ]);
    // Names compare by code point: 李 (U+674E) < 王 (U+738B) < 赵 (U+8D75) < 陈 (U+9648).
    expect(result.overdue.map((o) => [o.dueOn, o.username])).toEqual([
      ['2026-11-24', 'rep.wang'],
      ['2026-11-24', 'rep.chen'],
      ['2026-11-25', 'rep.wang'],
      ['2026-11-25', 'rep.chen'],
    ]);
  });
});
