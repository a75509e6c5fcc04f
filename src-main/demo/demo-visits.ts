import { sql } from 'kysely';
import { fieldValue } from '../../src-shared/cards/card-fields';
import type { ReportPeriod, ReportUrgency } from '../../src-shared/visits/visit-report';
import { logDetail } from '../../src-shared/log-details';
import { PROSPECT_ORIGINS } from '../../src-shared/upkeep/upkeep';
import { loadCard } from '../cards/card-records';
import { addDays } from '../analysis/dates';
import { calendarDate, monthsBefore } from '../classification/calendar';
import { sessionOf, type Call } from '../router/call';
import { DEMO_IMPORT_FILE } from './demo-loader';
import { SeededRandom } from './seeded-random';
import { isWorkingDay } from '../../src-shared/visits/discipline';

/**
 * The weeks of visit reporting a demo office has behind it, so that the
 * inbox, the reporting discipline, the needs-attention list and the
 * prospects have something true to show: report schedules for the demo
 * reps (two daily, one monthly), their reports over the last 45 days with a
 * few days missed and a few filed late, the recent ones still waiting in
 * the custodian's inbox (some urgent, some proposing card changes, two about
 * new prospects), reviews of part of the cards, and prospects among the
 * cards without sales.
 *
 * History is written straight into the tables, dated when it happened, in
 * one transaction with one log row: replaying it through the channels would
 * date every report today and put log rows in the past.
 */

export interface DemoVisitsResult {
  reports: number;
  pending: number;
  reviews: number;
  prospects: number;
}

const HISTORY_DAYS = 45;
/** Reports newer than this are still in the inbox. */
const PENDING_DAYS = 6;

const FINDINGS = [
  '店内陈列整齐，主推我司新品，老板对促销政策满意。',
  '客户反映上月到货延迟两天，希望调整送货路线。',
  '竞争对手近期降价约5%，客户在观望，建议关注。',
  '新店装修中，预计下月开业，需求量将增加。',
  '回款正常，财务负责人更换，已留新联系方式。',
  '客户计划扩大冷柜面积，询问我司设备支持政策。',
  '节前备货充足，库存周转良好。',
  '老板外出，与店长沟通，了解到近期客流下降。',
] as const;

const PROPOSALS: readonly (readonly [path: string, values: readonly string[]])[] = [
  ['trading.salesActivity', ['节前促销活动效果好，销量环比增长约两成', '新品试销良好，已追加订货']],
  ['trading.problems', ['送货时间不稳定，客户有意见', '部分品项临期，需协助处理']],
  ['business.competitorRelations', ['与竞品经销商接触频繁，需防流失', '竞品已进场，但份额不大']],
  ['business.cooperationAttitude', ['合作意愿强，愿意参加季度订货会', '态度一般，更关注价格']],
  ['basic.phone', ['0571-88123456', '13905711234']],
] as const;

const PROSPECT_NAMES = ['杭州百汇生鲜超市有限公司', '宁波甬上便利连锁有限公司'] as const;

const NEXT_STEPS = ['寄送样品与报价单', '约见采购负责人', '邀请参加订货会', '提交试销方案'] as const;

const pad = (n: number) => String(n).padStart(2, '0');
function lastWorkingDayOfMonth(date: string): boolean {
  for (let next = addDays(date, 1); next.slice(0, 7) === date.slice(0, 7); next = addDays(next, 1)) {
    if (isWorkingDay(next)) return false;
  }
  return isWorkingDay(date);
}
/** A local time on a day, as the ISO instant the services would have stored. */
const at = (date: string, hour: number, minute: number) =>
  new Date(`${date}T${pad(hour)}:${pad(minute)}:00`).toISOString();

/** Loads the demo visit history as the calling custodian; meant for a new demo archive only. */
export async function loadDemoVisits(call: Call, seed: string): Promise<DemoVisitsResult> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const random = new SeededRandom(`${seed}-visits`);
  const today = calendarDate(office.now());
  const result: DemoVisitsResult = { reports: 0, pending: 0, reviews: 0, prospects: 0 };

  await office.transaction(async (trx, log) => {
    const reps = await trx
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['users.username', 'users.display_name'])
      .where('user_roles.role', '=', 'rep')
      .where('users.active', '=', 1)
      .orderBy('users.username')
      .execute();
    const schedules: Record<string, ReportPeriod> = {};
    reps.forEach((rep, i) => (schedules[rep.username] = i % 3 === 2 ? 'monthly' : 'daily'));
    const since = monthsBefore(today, 3).slice(0, 8) + '01';
    for (const rep of reps) {
      await trx
        .insertInto('rep_schedules')
        .values({
          username: rep.username,
          period: schedules[rep.username]!,
          since,
          set_at: office.now().toISOString(),
          set_by: session.displayName,
        })
        .onConflict((oc) => oc.column('username').doNothing())
        .execute();
    }

    const lastVisit = new Map<number, string>();
    const insertReport = async (report: {
      rep: { username: string; display_name: string };
      customerId: number | null;
      subject: 'customer' | 'prospect' | 'general';
      prospectName?: string;
      visitOn: string;
      period: ReportPeriod;
      urgency: ReportUrgency;
      submittedAt: string;
      pending: boolean;
      changes: { path: string; proposed: string; before: string }[];
    }) => {
      const { id } = await trx
        .insertInto('visit_reports')
        .values({
          rep_username: report.rep.username,
          rep_name: report.rep.display_name,
          subject: report.subject,
          customer_id: report.customerId,
          prospect_name: report.prospectName ?? '',
          visit_on: report.visitOn,
          period: report.period,
          urgency: report.urgency,
          findings: random.pick(FINDINGS),
          status: report.pending ? 'pending' : 'closed',
          submitted_at: report.submittedAt,
          reviewed_at: report.pending
            ? null
            : new Date(Date.parse(report.submittedAt) + 20 * 3600 * 1000).toISOString(),
          reviewed_by: report.pending ? null : session.displayName,
          review_note: '',
          card_version: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      let seq = 0;
      for (const change of report.changes) {
        await trx
          .insertInto('visit_changes')
          .values({
            report_id: id,
            seq: seq++,
            path: change.path,
            proposed: JSON.stringify(change.proposed),
            before: JSON.stringify(change.before),
            decision: report.pending ? 'pending' : 'rejected',
            applied: null,
            reason: report.pending ? '' : '与核实结果不符',
          })
          .execute();
      }
      if (report.customerId !== null && (lastVisit.get(report.customerId) ?? '') < report.visitOn) {
        lastVisit.set(report.customerId, report.visitOn);
      }
      result.reports += 1;
      if (report.pending) result.pending += 1;
    };

    for (const rep of reps) {
      const cards = (
        await trx
          .selectFrom('customers')
          .select('id')
          .where('assigned_rep', '=', rep.username)
          .where('status', '=', 'active')
          .orderBy('id')
          .limit(400)
          .execute()
      ).map((c) => c.id);
      if (cards.length === 0) continue;
      const period = schedules[rep.username]!;
      // Up to yesterday: a report of today would be dated later than the moment the demo is made.
      for (let back = HISTORY_DAYS; back >= 1; back--) {
        const day = addDays(today, -back);
        if (!isWorkingDay(day)) continue;
        // A daily rep misses about one day in twelve; the monthly rep files on a month's last working day.
        if (period === 'monthly' && !lastWorkingDayOfMonth(day)) continue;
        if (back > 1 && random.chance(1 / 12)) continue;
        const pending = back <= PENDING_DAYS;
        const visits = period === 'daily' ? random.int(1, 2) : 1;
        for (let v = 0; v < visits; v++) {
          const customerId = random.pick(cards);
          const late = back > 1 && random.chance(0.08);
          const submitted = late
            ? at(addDays(day, 2), 9, random.int(0, 59))
            : at(day, random.int(16, 19), random.int(0, 59));
          const changes: { path: string; proposed: string; before: string }[] = [];
          if (pending && random.chance(0.5)) {
            const { content } = await loadCard(trx, customerId);
            for (const [path, values] of random.sample(PROPOSALS, random.int(1, 2))) {
              changes.push({ path, proposed: random.pick(values), before: String(fieldValue(content, path) ?? '') });
            }
          }
          await insertReport({
            rep,
            customerId,
            subject: 'customer',
            visitOn: day,
            period,
            urgency: random.chance(0.12) ? 'urgent' : period === 'monthly' ? 'periodic' : 'routine',
            submittedAt: submitted,
            pending,
            changes,
          });
        }
      }
    }
    // Two new prospects met on the last visits, waiting for the custodian.
    for (const [i, name] of PROSPECT_NAMES.entries()) {
      const rep = reps[i % Math.max(reps.length, 1)];
      if (!rep) break;
      const day = addDays(today, -i - 1);
      await insertReport({
        rep,
        customerId: null,
        subject: 'prospect',
        prospectName: name,
        visitOn: day,
        period: schedules[rep.username]!,
        urgency: i === 0 ? 'urgent' : 'routine',
        submittedAt: at(day, 17, 30),
        pending: true,
        changes: [
          { path: 'basic.name', proposed: name, before: '' },
          { path: 'trading.salesActivity', proposed: '有意试销我司产品，需报价', before: '' },
        ],
      });
    }
    for (const [id, on] of lastVisit) {
      await trx.updateTable('customers').set({ last_visit_on: on }).where('id', '=', id).execute();
    }

    // About a third of the cards were reviewed some time in the last year.
    const cards = await trx
      .selectFrom('customers')
      .select(['id', 'prospect'])
      .where('status', '=', 'active')
      .orderBy('id')
      .execute();
    for (const card of cards) {
      if (!random.chance(0.35)) continue;
      const on = addDays(today, -random.int(5, 360));
      await trx
        .insertInto('card_reviews')
        .values({
          customer_id: card.id,
          reviewed_on: on,
          at: at(on, 10, random.int(0, 59)),
          by_username: session.username,
          by_name: session.displayName,
          note: '',
        })
        .execute();
      await trx.updateTable('customers').set({ reviewed_on: on }).where('id', '=', card.id).execute();
      result.reviews += 1;
    }

    // Cards that never bought anything: some of them are prospects the office is working on.
    const unsold = await sql<{ id: number }>`SELECT id FROM customers c WHERE status = 'active'
      AND NOT EXISTS (SELECT 1 FROM sales_lines s WHERE s.customer_id = c.id) ORDER BY id`.execute(trx);
    for (const { id } of unsold.rows) {
      if (!random.chance(0.3)) continue;
      await trx
        .updateTable('customers')
        .set({
          prospect: 1,
          prospect_origin: random.pick(PROSPECT_ORIGINS),
          next_step: random.pick(NEXT_STEPS),
          next_step_on: addDays(today, random.int(-10, 30)),
        })
        .where('id', '=', id)
        .execute();
      result.prospects += 1;
    }

    await log(
      trx,
      office.entry(connection, session, {
        action: 'visit_submit',
        target: DEMO_IMPORT_FILE,
        outcome: 'success',
        detail: logDetail([
          'demoVisits',
          { reports: result.reports, reviews: result.reviews, prospects: result.prospects },
        ]),
      }),
    );
  });
  return result;
}
