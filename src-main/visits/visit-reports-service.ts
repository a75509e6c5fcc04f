import type { Kysely } from 'kysely';
import { fieldValue } from '../../src-shared/cards/card-fields';
import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import type { VisitReportPage } from '../../src-shared/contracts/visits';
import { logDetail } from '../../src-shared/log-details';
import { rolesGrant } from '../../src-shared/permissions';
import { normalizeProposed } from '../../src-shared/visits/proposed-value';
import { reportNumber, type ProposedValue } from '../../src-shared/visits/visit-report';
import { loadCard } from '../cards/card-records';
import { inScope, scopeOf } from '../cards/card-search';
import { calendarDate } from '../classification/calendar';
import { KedangError } from '../errors';
import type { Session } from '../office';
import { sessionOf, type Call } from '../router/call';
import type { ArchiveSchema } from '../store/schema';
import {
  followMerges,
  pendingCounts,
  reportDto,
  summaryQuery,
  toSummary,
  urgentFirst,
  type SummaryRow,
} from './report-rows';
import { mergedFamily } from '../cards/cards-service';

export { reviewReport } from './report-review';

/**
 * The rep's visit reports (客户访问日报/月报, method 三.1 ①): filing one with
 * its proposed card changes, the rep's own list, the custodian's inbox, one
 * report, and the reports about a card. The review is in report-review.ts.
 */

type Db = Kysely<ArchiveSchema>;

type Fields = Record<string, string>;

export async function submitReport(
  call: Call,
  input: ParsedInputOf<'visits.submit'>,
): Promise<OutputOf<'visits.submit'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const now = office.now();
  const at = now.toISOString();
  const fields: Fields = {};

  // What each subject needs and must not carry.
  if (input.subject === 'customer') {
    if (input.customerId === undefined) fields.customerId = 'required';
    if (input.prospectName !== '') fields.prospectName = 'unknownValue';
  } else {
    if (input.customerId !== undefined) fields.customerId = 'unknownValue';
    if (input.subject === 'prospect' && input.prospectName === '') fields.prospectName = 'required';
    if (input.subject === 'general') {
      if (input.prospectName !== '') fields.prospectName = 'unknownValue';
      if (input.changes.length > 0) fields.changes = 'tooMany';
    }
  }
  if (input.visitOn > calendarDate(now)) fields.visitOn = 'outOfRange';

  // A prospect's name is also the proposed name of the card it may become.
  const proposals = [...input.changes];
  if (input.subject === 'prospect' && input.prospectName !== '' && !proposals.some((c) => c.path === 'basic.name')) {
    proposals.unshift({ path: 'basic.name', value: input.prospectName });
  }
  const seen = new Set<string>();
  const normalized: { path: string; value: ProposedValue }[] = [];
  input.changes.forEach((change, index) => {
    if (seen.has(change.path)) fields[`changes.${index}.path`] = 'tooMany';
    seen.add(change.path);
  });
  proposals.forEach((change) => {
    const checked = normalizeProposed(change.path, change.value);
    if ('problem' in checked) {
      const index = input.changes.indexOf(change);
      fields[index >= 0 ? `changes.${index}.value` : 'prospectName'] = checked.problem;
    } else normalized.push({ path: change.path, value: checked.value });
  });
  if (Object.keys(fields).length > 0) throw new KedangError('INVALID_INPUT', undefined, fields);

  const id = await office.transaction(async (trx, log) => {
    let befores = new Map<string, ProposedValue>();
    if (input.subject === 'customer') {
      const { row, content } = await loadCard(trx, input.customerId!);
      if (!inScope(row.assigned_rep, scopeOf(session))) throw new KedangError('CARD_NOT_FOUND');
      if (row.status === 'merged') throw new KedangError('CARD_MERGED');
      befores = new Map(normalized.map((c) => [c.path, fieldValue(content, c.path) as ProposedValue]));
      if (row.last_visit_on === null || row.last_visit_on < input.visitOn) {
        await trx.updateTable('customers').set({ last_visit_on: input.visitOn }).where('id', '=', row.id).execute();
      }
    }
    const report = await trx
      .insertInto('visit_reports')
      .values({
        rep_username: session.username,
        rep_name: session.displayName,
        subject: input.subject,
        customer_id: input.subject === 'customer' ? input.customerId! : null,
        prospect_name: input.prospectName,
        visit_on: input.visitOn,
        period: input.period,
        urgency: input.urgency,
        findings: input.findings,
        status: 'pending',
        submitted_at: at,
        reviewed_at: null,
        reviewed_by: null,
        review_note: '',
        card_version: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (normalized.length > 0) {
      await trx
        .insertInto('visit_changes')
        .values(
          normalized.map((c, seq) => ({
            report_id: report.id,
            seq,
            path: c.path,
            proposed: JSON.stringify(c.value),
            before: JSON.stringify(befores.get(c.path) ?? null),
            decision: 'pending',
            applied: null,
            reason: '',
          })),
        )
        .execute();
    }
    await log(
      trx,
      office.entry(connection, session, {
        action: 'visit_submit',
        target: reportNumber(report.id),
        outcome: 'success',
        detail: logDetail(['reportChanges', { count: normalized.length }]),
      }),
    );
    return report.id;
  });
  return reportDto(office.requireArchive().db, id);
}

async function page(
  db: Db,
  where: (q: ReturnType<typeof summaryQuery>) => ReturnType<typeof summaryQuery>,
  order: (q: ReturnType<typeof summaryQuery>) => ReturnType<typeof summaryQuery>,
  offset: number,
  limit: number,
): Promise<VisitReportPage> {
  const rows = (await order(where(summaryQuery(db)))
    .offset(offset)
    .limit(limit)
    .execute()) as SummaryRow[];
  const counted = await where(summaryQuery(db))
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: rows.map(toSummary), total: Number(counted.n) };
}

const newestVisitFirst = (q: ReturnType<typeof summaryQuery>) =>
  q.orderBy('r.visit_on', 'desc').orderBy('r.id', 'desc');

export async function myReports(call: Call, input: ParsedInputOf<'visits.mine'>): Promise<OutputOf<'visits.mine'>> {
  const session = sessionOf(call);
  return page(
    call.office.requireArchive().db,
    (q) => {
      const own = q.where('r.rep_username', '=', session.username);
      return input.status ? own.where('r.status', '=', input.status) : own;
    },
    newestVisitFirst,
    input.offset,
    input.limit,
  );
}

export async function reportInbox(call: Call, input: ParsedInputOf<'visits.inbox'>): Promise<OutputOf<'visits.inbox'>> {
  sessionOf(call);
  const db = call.office.requireArchive().db;
  const listed = await page(
    db,
    (q) => {
      let filtered = q.where('r.status', '=', input.status);
      if (input.urgency) filtered = filtered.where('r.urgency', '=', input.urgency);
      if (input.rep) filtered = filtered.where('r.rep_username', '=', input.rep);
      return filtered;
    },
    (q) => (input.status === 'pending' ? urgentFirst(q) : q.orderBy('r.reviewed_at', 'desc').orderBy('r.id', 'desc')),
    input.offset,
    input.limit,
  );
  return { ...listed, ...(await pendingCounts(db)) };
}

/** A reviewer opens any report; a rep only their own (another's is "not found", as with cards). */
function mayRead(session: Session, repUsername: string): boolean {
  return rolesGrant(session.roles, 'visits.review') || repUsername.toLowerCase() === session.username.toLowerCase();
}

export async function getReport(call: Call, input: ParsedInputOf<'visits.get'>): Promise<OutputOf<'visits.get'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const db = office.requireArchive().db;
  const report = await reportDto(db, input.id);
  if (!mayRead(session, report.repUsername)) throw new KedangError('REPORT_NOT_FOUND');
  // While the report waits, the reviewer sees each field as the card has it now, in case it changed meanwhile.
  // Only the reviewer: the card may since have gone to another rep, whose card the reporting rep may not read.
  if (report.status === 'pending' && report.customer && rolesGrant(session.roles, 'visits.review')) {
    const target = await followMerges(db, report.customer.id);
    const { content } = await loadCard(db, target);
    for (const change of report.changes) change.current = fieldValue(content, change.path) as ProposedValue;
  }
  await office.logAlone(connection, session, {
    action: 'visit_view',
    target: report.number,
    outcome: 'success',
    detail: null,
  });
  return report;
}

export async function reportsForCard(
  call: Call,
  input: ParsedInputOf<'visits.forCard'>,
): Promise<OutputOf<'visits.forCard'>> {
  const session = sessionOf(call);
  const db = call.office.requireArchive().db;
  const { row } = await loadCard(db, input.customerId);
  if (!inScope(row.assigned_rep, scopeOf(session))) throw new KedangError('CARD_NOT_FOUND');
  const family = await mergedFamily(db, row.id);
  return page(db, (q) => q.where('r.customer_id', 'in', family), newestVisitFirst, input.offset, input.limit);
}
