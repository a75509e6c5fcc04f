import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AttentionPage, AttentionRow } from '../../src-shared/contracts/upkeep';
import {
  attentionReasons,
  daysWithoutVisit,
  latestNoVisitBase,
  latestPastCycleBase,
  reviewDueOn,
  type AttentionFacts,
} from '../../src-shared/upkeep/attention';
import type { AttentionReason, UpkeepRules } from '../../src-shared/upkeep/upkeep';
import type { CardScope } from '../cards/card-search';
import { addDays, calendarDate } from '../../src-shared/calendar';
import { localDayOf } from './local-days';
import type { ArchiveSchema } from '../store/schema';

/**
 * The "needs attention" list as one SQL query over the cards (100,000 of them): the thresholds are
 * computed exactly in JS (src-shared/upkeep/attention.ts) and compared with each card's base days,
 * so SQL never does the clamped month arithmetic for the filter. The order needs each card's due
 * day, which SQL computes with the same clamping (the smaller of "+N months" and the end of the
 * N-th month after); the page's reasons and due days come from the shared rules again.
 */

export interface AttentionFilter {
  reason?: AttentionReason;
  rep?: string;
  grade?: string;
}

interface FlaggedRow {
  id: number;
  code: string;
  name: string;
  grade: string;
  assigned_rep: string;
  prospect: number;
  reviewed_on: string | null;
  unverified: number;
  last_visit_on: string | null;
  created_at: string;
}

const REASON_FLAG: Record<AttentionReason, RawBuilder<unknown>> = {
  review: sql.ref('r_review'),
  unverified: sql.ref('r_unverified'),
  noVisit: sql.ref('r_novisit'),
};

/** A CASE over the grades that have their own cycle, or the default value alone. */
function byGrade<T>(rules: UpkeepRules, value: (months: number) => T): RawBuilder<unknown> {
  const grades = Object.entries(rules.reviewCycleMonths);
  const otherwise = value(rules.defaultCycleMonths);
  if (grades.length === 0) return sql`${otherwise}`;
  const whens = grades.map(([grade, months]) => sql`WHEN ${grade} THEN ${value(months)}`);
  return sql`CASE grade ${sql.join(whens, sql` `)} ELSE ${otherwise} END`;
}

/** The moment a local day starts, as the ISO text card creation times are stored in. */
function localDayStart(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/**
 * The active cards in scope and filters, each with its three reason flags (0/1). A card never reviewed
 * (or never visited) counts from its creation day: rather than turning every creation time into a local
 * day (SQLite's 'localtime' costs a second over 100,000 cards), its time is compared with the moment the
 * day after the threshold begins, which is exact.
 */
function flaggedCards(
  rules: UpkeepRules,
  today: string,
  scope: CardScope,
  filter: AttentionFilter,
  createdOn: RawBuilder<unknown>,
) {
  const where: RawBuilder<unknown>[] = [sql`status = 'active'`];
  if (scope.repUsername !== null) where.push(sql`assigned_rep = ${scope.repUsername} COLLATE NOCASE`);
  if (filter.rep !== undefined) where.push(sql`assigned_rep = ${filter.rep} COLLATE NOCASE`);
  if (filter.grade !== undefined) where.push(sql`grade = ${filter.grade}`);
  const reviewDay = byGrade(rules, (months) => latestPastCycleBase(today, months));
  const reviewMoment = byGrade(rules, (months) => localDayStart(addDays(latestPastCycleBase(today, months), 1)));
  const noVisitDay = latestNoVisitBase(today, rules.noVisitDays);
  const noVisitMoment = localDayStart(addDays(noVisitDay, 1));
  const cycle = byGrade(rules, (months) => months);
  return sql`
    WITH cards AS (
      SELECT id, code, name, grade, assigned_rep, prospect, reviewed_on, unverified, last_visit_on, created_at,
        coalesce(reviewed_on, ${createdOn}) AS review_base,
        ${cycle} AS cycle
      FROM customers
      WHERE ${sql.join(where, sql` AND `)}
    ),
    flagged AS (
      SELECT *,
        CASE WHEN reviewed_on IS NOT NULL THEN reviewed_on <= ${reviewDay} ELSE created_at < ${reviewMoment} END
          AS r_review,
        unverified > 0 AS r_unverified,
        CASE WHEN last_visit_on IS NOT NULL THEN last_visit_on <= ${noVisitDay} ELSE created_at < ${noVisitMoment} END
          AS r_novisit
      FROM cards
    )`;
}

/** One page of the list, most overdue first (earliest review due day, then code), with counts per reason. */
export async function attentionPage(
  db: Kysely<ArchiveSchema>,
  rules: UpkeepRules,
  today: string,
  scope: CardScope,
  filter: AttentionFilter,
  offset: number,
  limit: number,
): Promise<AttentionPage> {
  // The order needs each card's review base day, the creation day for a card never reviewed.
  const span = await db
    .selectFrom('customers')
    .select((eb) => [eb.fn.min('created_at').as('first'), eb.fn.max('created_at').as('last')])
    .executeTakeFirst();
  const createdOn = localDayOf(sql.ref('created_at'), span?.first ?? today, span?.last ?? today);
  const flagged = flaggedCards(rules, today, scope, filter, createdOn);
  const listed = filter.reason ? REASON_FLAG[filter.reason] : sql`(r_review OR r_unverified OR r_novisit)`;
  const page = await sql<FlaggedRow>`${flagged}
    SELECT id, code, name, grade, assigned_rep, prospect, reviewed_on, unverified, last_visit_on, created_at
    FROM flagged
    WHERE ${listed}
    ORDER BY min(date(review_base, '+' || cycle || ' months'),
                 date(review_base, 'start of month', '+' || (cycle + 1) || ' months', '-1 day')),
             code, id
    LIMIT ${limit} OFFSET ${offset}`.execute(db);
  const totals = await sql<{
    listed: number | null;
    review: number | null;
    unverified: number | null;
    no_visit: number | null;
  }>`${flagged}
    SELECT sum(${listed}) AS listed, sum(r_review) AS review, sum(r_unverified) AS unverified,
      sum(r_novisit) AS no_visit
    FROM flagged`.execute(db);
  const t = totals.rows[0];
  return {
    rows: page.rows.map((row) => toAttentionRow(rules, row, today)),
    total: Number(t?.listed ?? 0),
    counts: {
      review: Number(t?.review ?? 0),
      unverified: Number(t?.unverified ?? 0),
      noVisit: Number(t?.no_visit ?? 0),
    },
    today,
  };
}

/** What the attention rules look at on a card's row; its creation day is the local day it was created. */
export function attentionFactsOf(
  row: Pick<FlaggedRow, 'grade' | 'created_at' | 'reviewed_on' | 'last_visit_on' | 'unverified'>,
): AttentionFacts {
  return {
    grade: row.grade,
    createdOn: calendarDate(new Date(row.created_at)),
    reviewedOn: row.reviewed_on,
    lastVisitOn: row.last_visit_on,
    unverifiedSections: row.unverified,
  };
}

function toAttentionRow(rules: UpkeepRules, row: FlaggedRow, today: string): AttentionRow {
  const facts = attentionFactsOf(row);
  const createdOn = facts.createdOn;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    grade: row.grade,
    assignedRep: row.assigned_rep,
    prospect: row.prospect === 1,
    reasons: attentionReasons(rules, facts, today),
    reviewDueOn: reviewDueOn(rules, row.grade, row.reviewed_on, createdOn),
    lastReviewedOn: row.reviewed_on,
    unverifiedSections: row.unverified,
    lastVisitOn: row.last_visit_on,
    daysWithoutVisit: daysWithoutVisit(facts, today),
  };
}
