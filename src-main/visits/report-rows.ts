import { sql, type Kysely, type Selectable } from 'kysely';
import type { ProposedChangeDto, VisitReportDto, VisitReportSummary } from '../../src-shared/contracts/visits';
import {
  reportNumber,
  type ChangeDecision,
  type ProposedValue,
  type ReportPeriod,
  type ReportStatus,
  type ReportSubject,
  type ReportUrgency,
} from '../../src-shared/visits/visit-report';
import { KedangError } from '../errors';
import type { ArchiveSchema } from '../store/schema';

/**
 * Reading visit reports as list lines: the one query every list starts
 * from (inbox, the rep's own, a card's, the start pages), so that all of
 * them show the same columns and counts.
 */

export type VisitReportRow = Selectable<ArchiveSchema['visit_reports']>;

/** The reports joined with their card and their change counts; callers add where, order and paging. */
export function summaryQuery(db: Kysely<ArchiveSchema>) {
  return db
    .selectFrom('visit_reports as r')
    .leftJoin('customers as c', 'c.id', 'r.customer_id')
    .selectAll('r')
    .select(['c.code as customer_code', 'c.name as customer_name'])
    .select((eb) => [
      eb
        .selectFrom('visit_changes as vc')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('vc.report_id', '=', 'r.id')
        .as('change_count'),
      eb
        .selectFrom('visit_changes as vc')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('vc.report_id', '=', 'r.id')
        .where('vc.decision', 'in', ['accepted', 'edited'])
        .as('applied_count'),
    ]);
}

export type SummaryRow = VisitReportRow & {
  customer_code: string | null;
  customer_name: string | null;
  change_count: number | null;
  applied_count: number | null;
};

export function toSummary(row: SummaryRow): VisitReportSummary {
  return {
    id: row.id,
    number: reportNumber(row.id),
    repUsername: row.rep_username,
    repName: row.rep_name,
    subject: row.subject as ReportSubject,
    customer:
      row.customer_id !== null && row.customer_code !== null
        ? { id: row.customer_id, code: row.customer_code, name: row.customer_name ?? '' }
        : null,
    prospectName: row.prospect_name,
    visitOn: row.visit_on,
    period: row.period as ReportPeriod,
    urgency: row.urgency as ReportUrgency,
    status: row.status as ReportStatus,
    submittedAt: row.submitted_at,
    changeCount: Number(row.change_count ?? 0),
    appliedCount: Number(row.applied_count ?? 0),
    reviewedAt: row.reviewed_at,
    reviewedBy: row.reviewed_by,
  };
}

type SummaryQuery = ReturnType<typeof summaryQuery>;

/** The pending inbox order, for the inbox and the custodian's start page alike: urgent first, then oldest submitted. */
export function urgentFirst(query: SummaryQuery): SummaryQuery {
  return query
    .orderBy(sql<number>`CASE r.urgency WHEN 'urgent' THEN 0 ELSE 1 END`)
    .orderBy('r.submitted_at', 'asc')
    .orderBy('r.id', 'asc');
}

/** How many reports wait in the inbox, and how many of them are urgent (whatever the inbox's filter). */
export async function pendingCounts(db: Kysely<ArchiveSchema>): Promise<{ pending: number; urgent: number }> {
  const counts = await db
    .selectFrom('visit_reports')
    .where('status', '=', 'pending')
    .select((eb) => [
      eb.fn.countAll<number>().as('pending'),
      eb.fn.sum<number | null>(sql`urgency = 'urgent'`).as('urgent'),
    ])
    .executeTakeFirstOrThrow();
  return { pending: Number(counts.pending), urgent: Number(counts.urgent ?? 0) };
}

/** A stored value (JSON text) back as the value. */
export const storedValue = (text: string | null): ProposedValue =>
  text === null ? null : (JSON.parse(text) as ProposedValue);

/** One report with its changes; `current` is filled by the caller when wanted. */
export async function reportDto(db: Kysely<ArchiveSchema>, id: number): Promise<VisitReportDto> {
  const row = (await summaryQuery(db).where('r.id', '=', id).executeTakeFirst()) as SummaryRow | undefined;
  if (!row) throw new KedangError('REPORT_NOT_FOUND');
  const changes = await db.selectFrom('visit_changes').selectAll().where('report_id', '=', id).orderBy('seq').execute();
  return {
    ...toSummary(row),
    findings: row.findings,
    reviewNote: row.review_note,
    cardVersion: row.card_version,
    changes: changes.map((c): ProposedChangeDto => ({
      path: c.path,
      proposed: storedValue(c.proposed),
      before: storedValue(c.before),
      decision: c.decision as ChangeDecision,
      applied: storedValue(c.applied),
      reason: c.reason,
    })),
  };
}

/** The card a card was merged into, following the chain to the card that is kept. */
export async function followMerges(db: Kysely<ArchiveSchema>, id: number): Promise<number> {
  let current = id;
  for (let hops = 0; hops < 100; hops++) {
    const row = await db
      .selectFrom('customers')
      .select(['status', 'merged_into'])
      .where('id', '=', current)
      .executeTakeFirst();
    if (!row || row.status !== 'merged' || row.merged_into === null) return current;
    current = row.merged_into;
  }
  return current;
}
