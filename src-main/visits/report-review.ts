import { emptyCard, type CardContent, type SectionKey } from '../../src-shared/cards/card';
import { CARD_FIELDS, setFieldValue } from '../../src-shared/cards/card-fields';
import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { logDetail, type LogDetailPart } from '../../src-shared/log-details';
import { normalizeProposed } from '../../src-shared/visits/proposed-value';
import { reportNumber, type ProposedValue } from '../../src-shared/visits/visit-report';
import { insertCard, loadCard, saveVersion, stampVerification, type Author } from '../cards/card-records';
import { KedangError } from '../errors';
import { sessionOf, type Call } from '../router/call';
import { followMerges, reportDto, storedValue } from './report-rows';

/**
 * The custodian's review of a visit report: every proposed change is
 * accepted, edited or rejected, and what is kept goes into the card as one
 * new version (kind 'visit', its note the report number). Data a rep
 * brought is not verified data: the sections it lands in become
 * unverified, unless the reviewer verifies them in the same step. A
 * prospect report whose name is kept becomes a prospect card.
 */

type Decided = { decision: 'accepted' | 'edited' | 'rejected'; applied: ProposedValue; reason: string };

const sectionOf = (path: string) => CARD_FIELDS.find((f) => f.path === path)!.section as SectionKey;

/** Puts the kept values into a card and marks the sections they land in as the rep's, verified or not. */
function applyValues(
  content: CardContent,
  values: { path: string; value: ProposedValue }[],
  verify: boolean,
): { next: CardContent; sections: Set<SectionKey> } {
  const next = structuredClone(content);
  const sections = new Set<SectionKey>();
  for (const { path, value } of values) {
    setFieldValue(next, path, value);
    sections.add(sectionOf(path));
  }
  for (const section of sections) {
    next.sources[section] = { source: 'rep_visit', verified: verify, verifiedBy: null, verifiedAt: null };
  }
  return { next, sections };
}

/**
 * The previous content as stampVerification should see it: a section the
 * review verifies is new data, so its old verification record must not be
 * carried over; it is stamped with the reviewer and the review's time.
 */
function forgetVerification(previous: CardContent, sections: Set<SectionKey>): CardContent {
  const sources = { ...previous.sources };
  for (const section of sections) sources[section] = { ...sources[section], verified: false };
  return { ...previous, sources };
}

export async function reviewReport(
  call: Call,
  input: ParsedInputOf<'visits.review'>,
): Promise<OutputOf<'visits.review'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const author: Author = { username: session.username, displayName: session.displayName };
  const at = office.now().toISOString();
  const number = reportNumber(input.id);

  await office.transaction(async (trx, log) => {
    const report = await trx.selectFrom('visit_reports').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!report) throw new KedangError('REPORT_NOT_FOUND');
    if (report.status !== 'pending') throw new KedangError('REPORT_CLOSED');
    const changes = await trx
      .selectFrom('visit_changes')
      .selectAll()
      .where('report_id', '=', report.id)
      .orderBy('seq')
      .execute();

    // Every change decided exactly once, nothing else.
    const paths = input.decisions.map((d) => d.path);
    if (
      paths.length !== changes.length ||
      new Set(paths).size !== paths.length ||
      !changes.every((c) => paths.includes(c.path))
    ) {
      throw new KedangError('REPORT_DECISIONS_INCOMPLETE');
    }

    const fields: Record<string, string> = {};
    const decided = new Map<string, Decided>();
    input.decisions.forEach((d, index) => {
      const change = changes.find((c) => c.path === d.path)!;
      if (d.decision === 'accept') {
        decided.set(d.path, { decision: 'accepted', applied: storedValue(change.proposed), reason: d.reason.trim() });
      } else if (d.decision === 'edit') {
        const checked = normalizeProposed(d.path, d.value);
        if ('problem' in checked) fields[`decisions.${index}.value`] = checked.problem;
        else decided.set(d.path, { decision: 'edited', applied: checked.value, reason: d.reason.trim() });
      } else {
        if (d.reason.trim() === '') fields[`decisions.${index}.reason`] = 'required';
        decided.set(d.path, { decision: 'rejected', applied: null, reason: d.reason.trim() });
      }
    });
    if (Object.keys(fields).length > 0) throw new KedangError('INVALID_INPUT', undefined, fields);

    const kept = changes
      .map((c) => ({ path: c.path, ...decided.get(c.path)! }))
      .filter((c) => c.decision !== 'rejected')
      .map((c) => ({ path: c.path, value: c.applied }));

    let cardVersion: number | null = null;
    let customerId = report.customer_id;
    if (kept.length > 0 && report.subject === 'prospect') {
      if (!kept.some((c) => c.path === 'basic.name')) throw new KedangError('PROSPECT_NEEDS_NAME');
      const { next, sections } = applyValues(emptyCard(), kept, input.verify);
      // The prospect stays with the rep who found them, while that rep can still be assigned cards.
      const rep = await trx
        .selectFrom('users')
        .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
        .select('users.username')
        .where('users.username', '=', report.rep_username)
        .where('user_roles.role', '=', 'rep')
        .where('users.active', '=', 1)
        .executeTakeFirst();
      if (rep) next.classification.assignedRep = rep.username;
      const stamped = stampVerification(forgetVerification(emptyCard(), sections), next, author, at);
      const created = await insertCard(trx, stamped, author, at, 'visit', number);
      await trx
        .updateTable('customers')
        .set({ prospect: 1, prospect_origin: 'rep_visit', last_visit_on: report.visit_on })
        .where('id', '=', created.id)
        .execute();
      customerId = created.id;
      cardVersion = 1;
      await log(
        trx,
        office.entry(connection, session, {
          action: 'card_create',
          target: created.content.basic.code,
          outcome: 'success',
          detail: logDetail(['cardVersion', { version: 1 }], ['reportNumber', { number }]),
        }),
      );
    } else if (kept.length > 0 && report.customer_id !== null) {
      // A card merged away since the visit: its successor is the customer now.
      const target = await followMerges(trx, report.customer_id);
      const { row, content } = await loadCard(trx, target);
      const { next, sections } = applyValues(content, kept, input.verify);
      const stamped = stampVerification(forgetVerification(content, sections), next, author, at);
      const saved = await saveVersion(trx, target, null, stamped, author, at, 'visit', number);
      customerId = target;
      if (row.last_visit_on === null || row.last_visit_on < report.visit_on) {
        await trx.updateTable('customers').set({ last_visit_on: report.visit_on }).where('id', '=', target).execute();
      }
      if (saved.version !== row.version) {
        cardVersion = saved.version;
        await log(
          trx,
          office.entry(connection, session, {
            action: 'card_edit',
            target: saved.content.basic.code,
            outcome: 'success',
            detail: logDetail(
              ['cardVersion', { version: saved.version }],
              ['fieldsChanged', { count: saved.changes.length }],
              ['reportNumber', { number }],
            ),
          }),
        );
      }
    }

    for (const change of changes) {
      const d = decided.get(change.path)!;
      await trx
        .updateTable('visit_changes')
        .set({
          decision: d.decision,
          applied: d.decision === 'rejected' ? null : JSON.stringify(d.applied),
          reason: d.reason,
        })
        .where('report_id', '=', report.id)
        .where('seq', '=', change.seq)
        .execute();
    }
    await trx
      .updateTable('visit_reports')
      .set({
        status: 'closed',
        reviewed_at: at,
        reviewed_by: session.displayName,
        review_note: input.note,
        card_version: cardVersion,
        customer_id: customerId,
      })
      .where('id', '=', report.id)
      .execute();

    const count = (decision: Decided['decision']) =>
      [...decided.values()].filter((d) => d.decision === decision).length;
    const parts: LogDetailPart[] = [
      ['reportDecided', { accepted: count('accepted'), edited: count('edited'), rejected: count('rejected') }],
    ];
    if (cardVersion !== null) parts.push(['cardVersion', { version: cardVersion }]);
    await log(
      trx,
      office.entry(connection, session, {
        action: 'visit_review',
        target: number,
        outcome: 'success',
        detail: logDetail(...parts),
      }),
    );
  });
  return reportDto(office.requireArchive().db, input.id);
}
