import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src-main/router/connection';
import type { ArchiveSchema } from '../../src-main/store/schema';
import { disciplineOf } from '../../src-main/visits/schedules-service';
import { describeLogDetail } from '../../src-shared/log-details';
import type { OverdueReport, RepDiscipline, ReportingDiscipline } from '../../src-shared/contracts/visits';
import { classificationOffice, type ClassificationOffice } from '../classification/classification-office';

/**
 * Report schedules and the reporting discipline read from the archive. The
 * generated-data test fills the archive with seeded random reps, schedules
 * and reports and compares disciplineOf with a day-by-day count written
 * here independently of the rule's own code.
 */

const TODAY = '2026-11-27';

/** Adds a rep straight into the archive (no login needed: the discipline only reads users and reports). */
async function addRep(db: Kysely<ArchiveSchema>, username: string, displayName: string, active: boolean) {
  const at = '2026-01-01T00:00:00.000Z';
  const user = await db
    .insertInto('users')
    .values({
      username,
      display_name: displayName,
      active: active ? 1 : 0,
      must_change_password: 0,
      created_at: at,
      updated_at: at,
      password_changed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('user_roles').values({ user_id: user.id, role: 'rep' }).execute();
}

async function setSchedule(db: Kysely<ArchiveSchema>, username: string, period: string, since: string) {
  await db
    .insertInto('rep_schedules')
    .values({ username, period, since, set_at: '2026-01-01T00:00:00.000Z', set_by: 'keeper' })
    .onConflict((oc) => oc.column('username').doUpdateSet({ period, since }))
    .execute();
}

/** A report row as the submit service writes it; submitted at 10:00 local time of `submittedOn`. */
async function addReport(
  db: Kysely<ArchiveSchema>,
  rep: string,
  period: 'daily' | 'monthly',
  visitOn: string,
  submittedOn: string,
) {
  const [y, m, d] = submittedOn.split('-').map(Number) as [number, number, number];
  await db
    .insertInto('visit_reports')
    .values({
      rep_username: rep,
      rep_name: rep,
      subject: 'general',
      customer_id: null,
      prospect_name: '',
      visit_on: visitOn,
      period,
      urgency: 'routine',
      findings: '生成的报告',
      status: 'pending',
      submitted_at: new Date(y, m - 1, d, 10, 0, 0).toISOString(),
      reviewed_at: null,
      reviewed_by: null,
      review_note: '',
      card_version: null,
    })
    .execute();
}

describe('report schedules through the router', () => {
  let o: ClassificationOffice;
  let keeper: Connection;
  let wang: Connection;
  let checker: Connection;

  beforeAll(async () => {
    o = await classificationOffice();
    keeper = await o.login('keeper');
    wang = await o.login('rep.wang');
    checker = await o.login('checker');
  });
  afterAll(async () => o?.close());

  it('lists every active rep, "none" without a schedule, and saves a schedule with a log row', async () => {
    expect(await o.ok(keeper, 'visits.schedules', {})).toEqual([
      { username: 'rep.li', displayName: 'rep.li', active: true, period: 'none', since: null },
      { username: 'rep.wang', displayName: 'rep.wang', active: true, period: 'none', since: null },
    ]);
    const saved = await o.ok(keeper, 'visits.saveSchedule', {
      username: 'REP.WANG',
      period: 'daily',
      since: '2026-11-23',
    });
    expect(saved[1]).toEqual({
      username: 'rep.wang',
      displayName: 'rep.wang',
      active: true,
      period: 'daily',
      since: '2026-11-23',
    });
    await o.ok(keeper, 'visits.saveSchedule', { username: 'rep.wang', period: 'monthly', since: '2026-09-01' });
    expect(
      await o.fails(keeper, 'visits.saveSchedule', { username: 'keeper', period: 'daily', since: '2026-11-01' }),
    ).toBe('USER_NOT_FOUND');
    expect(
      await o.fails(keeper, 'visits.saveSchedule', { username: 'nobody', period: 'daily', since: '2026-11-01' }),
    ).toBe('USER_NOT_FOUND');
    expect(
      await o.fails(wang, 'visits.saveSchedule', { username: 'rep.wang', period: 'none', since: '2026-11-01' }),
    ).toBe('FORBIDDEN');
    const rows = await o
      .db()
      .selectFrom('access_log')
      .select(['username', 'target', 'detail'])
      .where('action', '=', 'schedule_change')
      .orderBy('seq')
      .execute();
    expect(rows).toEqual([
      {
        username: 'keeper',
        target: 'rep.wang',
        detail: JSON.stringify([['reportSchedule', { previous: 'none', period: 'daily', since: '2026-11-23' }]]),
      },
      {
        username: 'keeper',
        target: 'rep.wang',
        detail: JSON.stringify([['reportSchedule', { previous: 'daily', period: 'monthly', since: '2026-09-01' }]]),
      },
    ]);
    const shown = await o.ok(checker, 'accessLog.query', {
      filter: { action: 'schedule_change' as never },
      offset: 0,
      limit: 10,
    });
    expect(shown.rows.length).toBe(2);
    // The auditor reads the schedule in words, in either language.
    expect(describeLogDetail(rows[1]!.detail, 'zh')).toBe('报告要求：日报 → 月报，自 2026-09-01 起');
    expect(describeLogDetail(rows[1]!.detail, 'en')).toBe('report schedule: daily → monthly, from 2026-09-01');
  });

  it('keeps an inactive rep listed while they have a schedule, and leaves them out of the discipline', async () => {
    await addRep(o.db(), 'rep.gone', '离职业务员', false);
    await addRep(o.db(), 'rep.old', '早已离职', false);
    await setSchedule(o.db(), 'rep.gone', 'daily', '2026-11-02');
    const listed = await o.ok(keeper, 'visits.schedules', {});
    expect(listed.map((s) => [s.username, s.active, s.period])).toEqual([
      ['rep.li', true, 'none'],
      ['rep.wang', true, 'monthly'],
      ['rep.gone', false, 'daily'],
    ]);
    const discipline = await o.ok(keeper, 'visits.discipline', { from: '2026-11-01', to: '2026-11-30' });
    expect(discipline.reps.map((r) => r.username)).toEqual(['rep.li', 'rep.wang']);
  });

  it('gives a rep only their own row and overdue list', async () => {
    await o.ok(keeper, 'visits.saveSchedule', { username: 'rep.li', period: 'daily', since: '2026-11-23' });
    const all = await o.ok(keeper, 'visits.discipline', { from: '2026-09-01', to: '2026-11-30' });
    // rep.wang, monthly from September: September and October overdue, November open.
    expect(all.reps.find((r) => r.username === 'rep.wang')).toMatchObject({ expected: 3, overdue: 2, open: 1 });
    // rep.li, daily from Monday 23 November: 23–25 overdue (due 24–26), 26 and 27 open.
    expect(all.reps.find((r) => r.username === 'rep.li')).toMatchObject({ expected: 5, overdue: 3, open: 2 });
    expect(all.overdue.map((x) => [x.username, x.slot])).toEqual([
      ['rep.wang', '2026-09'],
      ['rep.wang', '2026-10'],
      ['rep.li', '2026-11-23'],
      ['rep.li', '2026-11-24'],
      ['rep.li', '2026-11-25'],
    ]);
    const own = await o.ok(wang, 'visits.discipline', { from: '2026-09-01', to: '2026-11-30' });
    expect(own.reps.map((r) => r.username)).toEqual(['rep.wang']);
    expect(own.overdue.map((x) => x.slot)).toEqual(['2026-09', '2026-10']);
    expect(await o.fails(wang, 'visits.discipline', { from: '2026-11-30', to: '2026-11-01' })).toBe('INVALID_INPUT');
    expect(await o.fails(checker, 'visits.discipline', { from: '2026-11-01', to: '2026-11-30' })).toBe('FORBIDDEN');
  });
});

// ---- generated data against an independent day-by-day count ----

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every calendar day from `from` to `to`, by stepping a UTC date one day at a time. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T12:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();
const working = (day: string) => weekday(day) >= 1 && weekday(day) <= 5;

interface Generated {
  username: string;
  displayName: string;
  period: 'daily' | 'monthly' | 'none';
  since: string;
  reports: { period: 'daily' | 'monthly'; visitOn: string; submittedOn: string }[];
}

/** The rule restated day by day: walk the calendar, decide each day whether it opens a slot and when it falls due. */
function bruteForce(reps: Generated[], from: string, to: string, today: string): ReportingDiscipline {
  const overdue: OverdueReport[] = [];
  const rows: RepDiscipline[] = [];
  const sorted = [...reps].sort((a, b) => (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0));
  for (const rep of sorted) {
    const row: RepDiscipline = {
      username: rep.username,
      displayName: rep.displayName,
      period: rep.period,
      expected: 0,
      submitted: 0,
      late: 0,
      overdue: 0,
      open: 0,
      reports: rep.reports.filter((r) => r.visitOn >= from && r.visitOn <= to).length,
    };
    rows.push(row);
    if (rep.period === 'none') continue;
    for (const day of days(from, to)) {
      if (day > today) break;
      let slot: string | null = null;
      let dueOn = '';
      let matching: Generated['reports'] = [];
      if (rep.period === 'daily' && working(day) && day >= rep.since) {
        slot = day;
        // Due: the first Monday-to-Friday day after it, found by walking forward.
        const week = new Date(`${day}T12:00:00Z`);
        week.setUTCDate(week.getUTCDate() + 7);
        dueOn = days(day, week.toISOString().slice(0, 10)).slice(1).find(working)!;
        matching = rep.reports.filter((r) => r.period === 'daily' && r.visitOn === day);
      }
      if (rep.period === 'monthly' && day.endsWith('-01') && day >= `${rep.since.slice(0, 7)}-01`) {
        slot = day.slice(0, 7);
        const next = new Date(`${day}T12:00:00Z`);
        next.setUTCMonth(next.getUTCMonth() + 1);
        next.setUTCDate(5);
        dueOn = next.toISOString().slice(0, 10);
        matching = rep.reports.filter((r) => r.period === 'monthly' && r.visitOn.startsWith(slot!));
      }
      if (slot === null) continue;
      row.expected += 1;
      if (matching.length > 0) {
        row.submitted += 1;
        const first = matching.map((r) => r.submittedOn).sort()[0]!;
        if (first > dueOn) row.late += 1;
      } else if (today > dueOn) {
        row.overdue += 1;
        const daysOverdue = days(dueOn, today).length - 1;
        overdue.push({
          username: rep.username,
          displayName: rep.displayName,
          period: rep.period,
          slot,
          dueOn,
          daysOverdue,
        });
      } else {
        row.open += 1;
      }
    }
  }
  overdue.sort((a, b) =>
    a.dueOn !== b.dueOn
      ? a.dueOn < b.dueOn
        ? -1
        : 1
      : a.displayName < b.displayName
        ? -1
        : a.displayName > b.displayName
          ? 1
          : 0,
  );
  return { from, to, today, reps: rows, overdue };
}

describe('reporting discipline on generated data', () => {
  let o: ClassificationOffice;
  let generated: Generated[];

  beforeAll(async () => {
    o = await classificationOffice();
    await o.login('keeper'); // opens the archive
    const db = o.db();
    const next = random(20261127);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const calendar = days('2026-05-01', TODAY);
    generated = [];
    const names = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛'];
    for (const [i, name] of names.entries()) {
      const username = `gen.${i}`;
      const period = pick(['daily', 'daily', 'monthly', 'monthly', 'none'] as const);
      const since = pick(days('2026-06-01', '2026-11-26'));
      const rep: Generated = { username, displayName: `业务员${name}`, period, since, reports: [] };
      await addRep(db, username, rep.displayName, true);
      if (period !== 'none' || next() < 0.5) await setSchedule(db, username, period, since);
      const count = Math.floor(next() * 120);
      for (let k = 0; k < count; k++) {
        const visitOn = pick(calendar);
        const reportPeriod = next() < 0.8 && period !== 'none' ? period : pick(['daily', 'monthly'] as const);
        const lateness = Math.floor(next() * next() * 12);
        const submitted = days(visitOn, TODAY)[Math.min(lateness, days(visitOn, TODAY).length - 1)]!;
        rep.reports.push({ period: reportPeriod, visitOn, submittedOn: submitted });
        await addReport(db, username, reportPeriod, visitOn, submitted);
      }
      generated.push(rep);
    }
    // The fixture's own reps have no schedule and no reports: they are in the lists with zeros.
    for (const username of ['rep.li', 'rep.wang']) {
      generated.push({ username, displayName: username, period: 'none', since: '', reports: [] });
    }
  });
  afterAll(async () => o?.close());

  const windows: [string, string, string][] = [
    ['2026-07-01', '2026-11-30', TODAY],
    ['2026-09-15', '2026-10-20', TODAY],
    ['2026-06-01', '2026-12-31', '2026-11-01'],
    ['2026-05-01', '2026-11-27', '2026-11-29'],
  ];

  it.each(windows)('matches the day-by-day count from %s to %s as of %s', async (from, to, today) => {
    const result = await disciplineOf(o.db(), { from, to }, today);
    // The generated set must exercise every outcome, or the comparison proves little.
    const totals = result.reps.reduce(
      (t, r) => ({ submitted: t.submitted + r.submitted, late: t.late + r.late, overdue: t.overdue + r.overdue }),
      { submitted: 0, late: 0, overdue: 0 },
    );
    expect(totals.submitted).toBeGreaterThan(10);
    expect(totals.late).toBeGreaterThan(0);
    expect(totals.overdue).toBeGreaterThan(10);
    expect(result).toEqual(bruteForce(generated, from, to, today));
  });

  it('gives one rep only their own row', async () => {
    const rep = generated.find((g) => g.period === 'daily')!;
    const result = await disciplineOf(
      o.db(),
      { from: '2026-07-01', to: '2026-11-30' },
      TODAY,
      rep.username.toUpperCase(),
    );
    expect(result).toEqual(bruteForce([rep], '2026-07-01', '2026-11-30', TODAY));
  });
});
