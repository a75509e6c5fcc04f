import type { ClassificationRules } from '../../src-shared/classification/derived';
import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { logDetail, type LogDetailPart } from '../../src-shared/log-details';
import { sessionOf, type Call } from '../router/call';
import { calendarDate } from './calendar';
import { recomputeDerived } from './derived-classes';
import { loadRules, RULES_SETTING_KEY } from './rules-store';

export { loadRules, RULES_SETTING_KEY } from './rules-store';

/** The thresholds of the derived classes and the credit terms table (the defaults until an administrator saves). */
export async function getRules(
  call: Call,
  _input: ParsedInputOf<'classification.rules'>,
): Promise<OutputOf<'classification.rules'>> {
  return loadRules(call.office.requireArchive().db);
}

/** The log parts saying what changed, from → to; empty when nothing did. */
export function ruleChanges(before: ClassificationRules, after: ClassificationRules): LogDetailPart[] {
  const parts: LogDetailPart[] = [];
  const numbers = [
    ['newMonths', 'newMonthsChanged'],
    ['lapsedMonths', 'lapsedMonthsChanged'],
    ['keyPercent', 'keyPercentChanged'],
    ['generalPercent', 'generalPercentChanged'],
  ] as const;
  for (const [rule, key] of numbers) {
    if (before[rule] !== after[rule]) parts.push([key, { from: before[rule], to: after[rule] }]);
  }
  if (JSON.stringify(before.creditTerms) !== JSON.stringify(after.creditTerms)) {
    parts.push(['creditTermsChanged', { from: before.creditTerms.length, to: after.creditTerms.length }]);
  }
  return parts;
}

/**
 * Saves the rules (administrator); when a threshold changed, every customer's derived classes are
 * recomputed as of today in the same transaction, so that the list never shows classes from the
 * old thresholds beside the new ones. One `rules_change` log row says what changed; saving unchanged rules writes nothing.
 */
export async function saveRules(
  call: Call,
  input: ParsedInputOf<'classification.saveRules'>,
): Promise<OutputOf<'classification.saveRules'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  await office.transaction(async (trx, log) => {
    const parts = ruleChanges(await loadRules(trx), input.rules);
    if (parts.length === 0) return;
    const value = JSON.stringify(input.rules);
    await trx
      .insertInto('settings')
      .values({ key: RULES_SETTING_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    // The credit terms table does not enter the derived classes; the thresholds do.
    if (parts.some(([key]) => key !== 'creditTermsChanged')) {
      const recomputed = await recomputeDerived(trx, calendarDate(office.now()));
      parts.push(['derivedRecomputed', { asOf: recomputed.asOf }]);
    }
    await log(
      trx,
      office.entry(connection, session, {
        action: 'rules_change',
        target: RULES_SETTING_KEY,
        outcome: 'success',
        detail: logDetail(...parts),
      }),
    );
  });
  return loadRules(office.requireArchive().db);
}
