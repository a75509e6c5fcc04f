import { sql, type Kysely } from 'kysely';
import { AGEING_BUCKETS } from '../../src-shared/analysis/analysis';
import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import type { CardOverview } from '../../src-shared/contracts/home';
import { addDays } from '../../src-shared/calendar';
import { attentionReasons, cycleMonthsOf, reviewDueOn } from '../../src-shared/upkeep/attention';
import { twelveMonthsTo } from '../analysis/dates';
import { ageBalance, BUCKET_STARTS } from '../analysis/fifo-ageing';
import { calendarDate } from '../classification/calendar';
import { KedangError } from '../errors';
import { cardsCountingFor } from '../home/sales-figures';
import { toProspectRow } from '../prospects/prospects-service';
import { sessionOf, type Call } from '../router/call';
import type { ArchiveSchema } from '../store/schema';
import { loadUpkeepRules } from '../upkeep/upkeep-rules';
import { reviewsOf } from '../upkeep/upkeep-service';
import { summaryQuery, toSummary } from '../visits/report-rows';
import { loadCard } from './card-records';
import { inScope, scopeOf } from './card-search';
import { mergedFamily } from './cards-service';
import { attentionFactsOf } from '../upkeep/attention-list';

/**
 * 客户综合视图 (method 四.3 "use it rather than store it"): beside the
 * archive data of one card, its sales totals, its credit position, its
 * visit reports and its upkeep, all as of today. Lines dated after today
 * (an import ahead of the calendar) are left out of every figure.
 *
 * Not logged on its own: it is read when the card is opened, and opening
 * the card is already logged as a view.
 */

/** Sales totals of the card's lines (its own and those of cards merged into it) up to today. */
async function salesOf(db: Kysely<ArchiveSchema>, ids: number[], today: string) {
  const last12 = twelveMonthsTo(today);
  const year = today.slice(0, 4);
  const lastYear = String(Number(year) - 1);
  const [b1, b2, b3] = BUCKET_STARTS.map((days) => addDays(today, -days + 1)) as [string, string, string];
  const result = await sql<{
    last12: number | null;
    this_year: number | null;
    last_year: number | null;
    total: number | null;
    lines: number;
    first_on: string | null;
    last_on: string | null;
    recent0: number | null;
    recent1: number | null;
    recent2: number | null;
  }>`SELECT
      sum(CASE WHEN sold_on >= ${last12.from} THEN amount_cents ELSE 0 END) AS last12,
      sum(CASE WHEN sold_on >= ${`${year}-01-01`} THEN amount_cents ELSE 0 END) AS this_year,
      sum(CASE WHEN sold_on BETWEEN ${`${lastYear}-01-01`} AND ${`${lastYear}-12-31`} THEN amount_cents ELSE 0 END)
        AS last_year,
      sum(amount_cents) AS total,
      count(*) AS lines,
      min(sold_on) AS first_on,
      max(sold_on) AS last_on,
      sum(CASE WHEN amount_cents > 0 AND sold_on >= ${b1} THEN amount_cents ELSE 0 END) AS recent0,
      sum(CASE WHEN amount_cents > 0 AND sold_on >= ${b2} AND sold_on < ${b1} THEN amount_cents ELSE 0 END) AS recent1,
      sum(CASE WHEN amount_cents > 0 AND sold_on >= ${b3} AND sold_on < ${b2} THEN amount_cents ELSE 0 END) AS recent2
    FROM sales_lines
    WHERE customer_id IN (${sql.join(ids)}) AND sold_on <= ${today}`.execute(db);
  const r = result.rows[0]!;
  const received = await db
    .selectFrom('receipts')
    .select((eb) => eb.fn.sum<number | null>('amount_cents').as('cents'))
    .where('customer_id', 'in', ids)
    .where('received_on', '<=', today)
    .executeTakeFirst();
  return {
    sales: {
      last12mCents: Number(r.last12 ?? 0),
      thisYearCents: Number(r.this_year ?? 0),
      lastYearCents: Number(r.last_year ?? 0),
      totalCents: Number(r.total ?? 0),
      lines: Number(r.lines),
      firstSaleOn: r.first_on,
      lastSaleOn: r.last_on,
    },
    receivedCents: Number(received?.cents ?? 0),
    recent: [Number(r.recent0 ?? 0), Number(r.recent1 ?? 0), Number(r.recent2 ?? 0)] as [number, number, number],
  };
}

export async function cardOverview(
  call: Call,
  input: ParsedInputOf<'cards.overview'>,
): Promise<OutputOf<'cards.overview'>> {
  const { office } = call;
  const db = office.requireArchive().db;
  const { row, content } = await loadCard(db, input.id);
  if (!inScope(row.assigned_rep, scopeOf(sessionOf(call)))) throw new KedangError('CARD_NOT_FOUND');
  const today = calendarDate(office.now());
  const rules = await loadUpkeepRules(db);

  const { sales, receivedCents, recent } = await salesOf(db, await cardsCountingFor(db, row.id), today);
  const outstandingCents = sales.totalCents - receivedCents;
  const limitCents = content.trading.creditLimit === null ? null : Math.round(content.trading.creditLimit * 100);
  const aged = ageBalance(outstandingCents, recent);
  const credit: CardOverview['credit'] = {
    limitCents,
    receivedCents,
    outstandingCents,
    availableCents: limitCents === null ? null : limitCents - outstandingCents,
    overLimit: limitCents !== null && outstandingCents > limitCents,
    paymentTermsDays: content.trading.paymentTermsDays,
    ageing: AGEING_BUCKETS.map((bucket, i) => ({ bucket, cents: aged[i]! })),
  };

  // Reports filed on cards merged into this one are about the same customer.
  const family = await mergedFamily(db, row.id);
  const counts = await db
    .selectFrom('visit_reports')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number | null>(sql`status = 'pending'`).as('pending'),
    ])
    .where('customer_id', 'in', family)
    .executeTakeFirst();
  const recentReports = await summaryQuery(db)
    .where('r.customer_id', 'in', family)
    .orderBy('r.visit_on', 'desc')
    .orderBy('r.id', 'desc')
    .limit(5)
    .execute();

  const [lastReview] = await reviewsOf(db, row.id, 1);
  const facts = attentionFactsOf(row);
  const createdOn = facts.createdOn;
  return {
    id: row.id,
    asOf: today,
    prospect: row.prospect === 1 ? toProspectRow(row) : null,
    convertedAt: row.converted_at,
    sales,
    credit,
    visits: {
      total: Number(counts?.total ?? 0),
      pending: Number(counts?.pending ?? 0),
      lastVisitOn: row.last_visit_on,
      recent: recentReports.map(toSummary),
    },
    upkeep: {
      lastReview: lastReview ?? null,
      cycleMonths: cycleMonthsOf(rules, row.grade),
      reviewDueOn: reviewDueOn(rules, row.grade, row.reviewed_on, createdOn),
      // Only active cards are kept current; an archived or merged card is never on the list.
      reasons: row.status === 'active' ? attentionReasons(rules, facts, today) : [],
    },
  };
}
