import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AttentionPage, AttentionRow } from '../../src-shared/contracts/upkeep';
import {
  attentionReasons,
  daysWithoutVisit,
  latestNoVisitBase,
  latestPastCycleBase,
  reviewDueOn,
} from '../../src-shared/upkeep/attention';
import type { AttentionReason, UpkeepRules } from '../../src-shared/upkeep/upkeep';
import type { CardScope } from '../cards/card-search';
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
  created_on: string;
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

/** The active cards in scope and filters, each with its three reason flags (0/1). */
function flaggedCards(rules: UpkeepRules, today: string, scope: CardScope, filter: AttentionFilter) {
  const where: RawBuilder<unknown>[] = [sql`status = 'active'`];
  if (scope.repUsername !== null) where.push(sql`assigned_rep = ${scope.repUsername} COLLATE NOCASE`);
  if (filter.rep !== undefined) where.push(sql`assigned_rep = ${filter.rep} COLLATE NOCASE`);
  if (filter.grade !== undefined) where.push(sql`grade = ${filter.grade}`);
  const reviewThreshold = byGrade(rules, (months) => latestPastCycleBase(today, months));
  const noVisitThreshold = latestNoVisitBase(today, rules.noVisitDays);
  const cycle = byGrade(rules, (months) => months);
  return sql`
    WITH cards AS (
      SELECT id, code, name, grade, assigned_rep, prospect, reviewed_on, unverified, last_visit_on,
        date(created_at, 'localtime') AS created_on,
        coalesce(reviewed_on, date(created_at, 'localtime')) AS review_base,
        coalesce(last_visit_on, date(created_at, 'localtime')) AS visit_base,
        ${reviewThreshold} AS review_threshold,
        ${cycle} AS cycle
      FROM customers
      WHERE ${sql.join(where, sql` AND `)}
    ),
    flagged AS (
      SELECT *,
        review_base <= review_threshold AS r_review,
        unverified > 0 AS r_unverified,
        visit_base <= ${noVisitThreshold} AS r_novisit
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
  const flagged = flaggedCards(rules, today, scope, filter);
  const listed = filter.reason ? REASON_FLAG[filter.reason] : sql`(r_review OR r_unverified OR r_novisit)`;
  const page = await sql<FlaggedRow>`${flagged}
    SELECT id, code, name, grade, assigned_rep, prospect, reviewed_on, unverified, last_visit_on, created_on
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

function toAttentionRow(rules: UpkeepRules, row: FlaggedRow, today: string): AttentionRow {
  const facts = {
    grade: row.grade,
    createdOn: row.created_on,
    reviewedOn: row.reviewed_on,
    lastVisitOn: row.last_visit_on,
    unverifiedSections: row.unverified,
  };
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    grade: row.grade,
    assignedRep: row.assigned_rep,
    prospect: row.prospect === 1,
    reasons: attentionReasons(rules, facts, today),
    reviewDueOn: reviewDueOn(rules, row.grade, row.reviewed_on, row.created_on),
    lastReviewedOn: row.reviewed_on,
    unverifiedSections: row.unverified,
    lastVisitOn: row.last_visit_on,
    daysWithoutVisit: daysWithoutVisit(facts, today),
  };
}
