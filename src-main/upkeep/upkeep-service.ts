import type { Kysely } from 'kysely';
import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import type { CardReviewDto } from '../../src-shared/contracts/upkeep';
import { logDetail } from '../../src-shared/log-details';
import type { UpkeepRules } from '../../src-shared/upkeep/upkeep';
import { loadCard } from '../cards/card-records';
import { inScope, scopeOf } from '../cards/card-search';
import { calendarDate } from '../classification/calendar';
import { KedangError } from '../errors';
import { sessionOf, type Call } from '../router/call';
import type { ArchiveSchema } from '../store/schema';
import { attentionPage } from './attention-list';
import { loadUpkeepRules, UPKEEP_RULES_KEY } from './upkeep-rules';

/**
 * Keeping the archive current (method 四.1): the review cycles, the
 * "needs attention" list and the custodian's recorded reviews.
 */

/** The rules in force: the saved ones, or the defaults. */
export async function getUpkeepRules(
  call: Call,
  _input: ParsedInputOf<'upkeep.rules'>,
): Promise<OutputOf<'upkeep.rules'>> {
  return loadUpkeepRules(call.office.requireArchive().db);
}

/** "A 3, B 6, C 12": the cycles in the log row, in grade order. */
function cyclesText(rules: UpkeepRules): string {
  return Object.entries(rules.reviewCycleMonths)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([grade, months]) => `${grade} ${months}`)
    .join(', ');
}

/** Saves the custodian's rules; a grade the grade dictionary does not hold is refused, unchanged rules write nothing. */
export async function saveUpkeepRules(
  call: Call,
  input: ParsedInputOf<'upkeep.saveRules'>,
): Promise<OutputOf<'upkeep.saveRules'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const rules = input.rules;
  await office.transaction(async (trx, log) => {
    const grades = Object.keys(rules.reviewCycleMonths);
    if (grades.length > 0) {
      // Deactivated grades still sit on old cards, so their cycles stay settable.
      const known = new Set(
        (
          await trx
            .selectFrom('dictionary_entries')
            .select('code')
            .where('axis', '=', 'grade')
            .where('code', 'in', grades)
            .execute()
        ).map((e) => e.code),
      );
      const unknown = grades.filter((g) => !known.has(g));
      if (unknown.length > 0) {
        throw new KedangError(
          'INVALID_INPUT',
          undefined,
          Object.fromEntries(unknown.map((g) => [`rules.reviewCycleMonths.${g}`, 'unknownValue'])),
        );
      }
    }
    const before = await loadUpkeepRules(trx);
    if (JSON.stringify(normalized(before)) === JSON.stringify(normalized(rules))) return;
    const value = JSON.stringify(rules);
    await trx
      .insertInto('settings')
      .values({ key: UPKEEP_RULES_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    await log(
      trx,
      office.entry(connection, session, {
        action: 'upkeep_rules_change',
        target: UPKEEP_RULES_KEY,
        outcome: 'success',
        detail: logDetail([
          'upkeepRulesChanged',
          { cycles: cyclesText(rules), default: rules.defaultCycleMonths, days: rules.noVisitDays },
        ]),
      }),
    );
  });
  return loadUpkeepRules(office.requireArchive().db);
}

/** The rules with their grades in a fixed order, to tell a real change from a reordered map. */
function normalized(rules: UpkeepRules): UpkeepRules {
  return {
    reviewCycleMonths: Object.fromEntries(
      Object.entries(rules.reviewCycleMonths).sort(([a], [b]) => a.localeCompare(b)),
    ),
    defaultCycleMonths: rules.defaultCycleMonths,
    noVisitDays: rules.noVisitDays,
  };
}

/** Active cards past their review cycle, with unverified sections, or without a visit for too long; a rep sees only their own. */
export async function needsAttention(
  call: Call,
  input: ParsedInputOf<'upkeep.needsAttention'>,
): Promise<OutputOf<'upkeep.needsAttention'>> {
  const { office } = call;
  const db = office.requireArchive().db;
  return attentionPage(
    db,
    await loadUpkeepRules(db),
    calendarDate(office.now()),
    scopeOf(sessionOf(call)),
    { reason: input.reason, rep: input.rep, grade: input.grade },
    input.offset,
    input.limit,
  );
}

/**
 * The custodian reviewed the card today: its review cycle starts again. Recorded as a review row and a
 * log row; no card version, since the content did not change.
 */
export async function markReviewed(
  call: Call,
  input: ParsedInputOf<'upkeep.markReviewed'>,
): Promise<OutputOf<'upkeep.markReviewed'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const now = office.now();
  const at = now.toISOString();
  const today = calendarDate(now);
  await office.transaction(async (trx, log) => {
    const { row } = await loadCard(trx, input.id);
    if (row.status === 'merged') throw new KedangError('CARD_MERGED');
    await trx
      .insertInto('card_reviews')
      .values({
        customer_id: row.id,
        reviewed_on: today,
        at,
        by_username: session.username,
        by_name: session.displayName,
        note: input.note,
      })
      .execute();
    await trx.updateTable('customers').set({ reviewed_on: today }).where('id', '=', row.id).execute();
    await log(
      trx,
      office.entry(connection, session, {
        action: 'card_review',
        target: row.code,
        outcome: 'success',
        detail: logDetail(['cardReviewed', { on: today }]),
      }),
    );
  });
  return { reviewedOn: today, at, byName: session.displayName, note: input.note };
}

/** A card's recorded reviews, newest first. */
export async function reviewsOf(db: Kysely<ArchiveSchema>, id: number, limit?: number): Promise<CardReviewDto[]> {
  let query = db
    .selectFrom('card_reviews')
    .select(['reviewed_on', 'at', 'by_name', 'note'])
    .where('customer_id', '=', id)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc');
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  return rows.map((r) => ({ reviewedOn: r.reviewed_on, at: r.at, byName: r.by_name, note: r.note }));
}

/** A card's recorded reviews, newest first; a rep reads only their own cards' (CARD_NOT_FOUND otherwise). */
export async function cardReviews(
  call: Call,
  input: ParsedInputOf<'upkeep.reviews'>,
): Promise<OutputOf<'upkeep.reviews'>> {
  const db = call.office.requireArchive().db;
  const { row } = await loadCard(db, input.id);
  if (!inScope(row.assigned_rep, scopeOf(sessionOf(call)))) throw new KedangError('CARD_NOT_FOUND');
  return reviewsOf(db, row.id);
}
