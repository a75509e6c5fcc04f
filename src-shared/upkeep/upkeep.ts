import { z } from 'zod';

/**
 * Keeping the archive current (method 四.1 动态管理) and looking after
 * potential customers (四.2).
 */

/**
 * The office's upkeep rules: how often a card of each grade is reviewed,
 * and after how many days without a visit report a card needs attention.
 * Grades without an entry use the default cycle.
 */
export const UpkeepRulesSchema = z.strictObject({
  /** Grade code (dictionary axis `grade`) → months between reviews. */
  reviewCycleMonths: z.record(z.string().min(1).max(40), z.number().int().min(1).max(60)),
  defaultCycleMonths: z.number().int().min(1).max(60),
  noVisitDays: z.number().int().min(7).max(3650),
});
export type UpkeepRules = z.infer<typeof UpkeepRulesSchema>;

/** The method's own example: A every 3 months, B every 6, C every 12; a visit at least every 90 days. */
export const DEFAULT_UPKEEP_RULES: UpkeepRules = {
  reviewCycleMonths: { A: 3, B: 6, C: 12 },
  defaultCycleMonths: 12,
  noVisitDays: 90,
};

/** Why a card is on the "needs attention" list. */
export const ATTENTION_REASONS = ['review', 'unverified', 'noVisit'] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/** Where a potential customer came from (来源渠道). */
export const PROSPECT_ORIGINS = [
  'rep_visit',
  'referral',
  'exhibition',
  'inquiry',
  'advertising',
  'cold_call',
  'other',
] as const;
export type ProspectOrigin = (typeof PROSPECT_ORIGINS)[number];

/** A prospect's own details, kept beside its card until it is converted. */
export interface ProspectInfo {
  origin: ProspectOrigin;
  originNote: string;
  nextStep: string;
  /** YYYY-MM-DD or null. */
  nextStepOn: string | null;
}
