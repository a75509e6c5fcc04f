import { addDays, addMonths, daysBetween } from '../calendar';
import type { AttentionReason, UpkeepRules } from './upkeep';

/**
 * The "needs attention" rules (method 四.1 动态管理) as pure functions on
 * ISO dates (YYYY-MM-DD): the SQL list takes its thresholds from here and
 * the card overview its reasons, so the two can never disagree.
 *
 * - Review (复核): due `cycleMonths(grade)` months after the last review,
 *   or after the card's creation day when it was never reviewed; the card
 *   is past its cycle from the due day on (today ≥ due day).
 * - No visit: `noVisitDays` or more days since the last visit report, or
 *   since the creation day when it was never visited.
 * - Unverified: a section of the card is not verified.
 */

/** Months between reviews for a grade; grades without their own entry (and no grade) use the default. */
export function cycleMonthsOf(rules: UpkeepRules, grade: string): number {
  return Object.prototype.hasOwnProperty.call(rules.reviewCycleMonths, grade)
    ? rules.reviewCycleMonths[grade]!
    : rules.defaultCycleMonths;
}

/** The day a card's review cycle runs out. */
export function reviewDueOn(rules: UpkeepRules, grade: string, reviewedOn: string | null, createdOn: string): string {
  return addMonths(reviewedOn ?? createdOn, cycleMonthsOf(rules, grade));
}

/**
 * The latest base day (last review, or creation) whose cycle of `months`
 * has run out by `today`: a card is past its cycle exactly when its base
 * day is on or before this day. Found exactly: `today − months` (clamped)
 * always qualifies, and at most three later days can too (when today is a
 * month's last day, the 29th–31st of the base month all clamp onto it).
 */
export function latestPastCycleBase(today: string, months: number): string {
  let base = addMonths(today, -months);
  for (;;) {
    const next = addDays(base, 1);
    if (addMonths(next, months) > today) return base;
    base = next;
  }
}

/** The latest last-visit (or creation) day that leaves a card without a visit for too long by `today`. */
export function latestNoVisitBase(today: string, noVisitDays: number): string {
  return addDays(today, -noVisitDays);
}

/** What the rules need to know of one active card. */
export interface AttentionFacts {
  grade: string;
  /** The card's creation day (local date). */
  createdOn: string;
  reviewedOn: string | null;
  lastVisitOn: string | null;
  unverifiedSections: number;
}

/** Why an active card needs attention today, in the order of ATTENTION_REASONS. */
export function attentionReasons(rules: UpkeepRules, card: AttentionFacts, today: string): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (reviewDueOn(rules, card.grade, card.reviewedOn, card.createdOn) <= today) reasons.push('review');
  if (card.unverifiedSections > 0) reasons.push('unverified');
  if (daysWithoutVisit(card, today) >= rules.noVisitDays) reasons.push('noVisit');
  return reasons;
}

/** Days since the last visit, or since the card was created when it was never visited. */
export function daysWithoutVisit(card: Pick<AttentionFacts, 'lastVisitOn' | 'createdOn'>, today: string): number {
  return daysBetween(card.lastVisitOn ?? card.createdOn, today);
}
