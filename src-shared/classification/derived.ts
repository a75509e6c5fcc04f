import { z } from 'zod';

/**
 * Classes derived from the sales data rather than typed in (method 一.1, 一.2 and 一.4):
 * lifecycle — potential (未来客户: no trade yet), new (新客户), active (老客户: trading), lapsed
 * (曾经交易: traded before, nothing lately; the card is kept) — and volume tier — key (主力),
 * general (一般), scattered (零散) — by ABC on the last 12 months of sales.
 * A custodian may override either; every override is recorded (class_overrides).
 */
export const LIFECYCLES = ['potential', 'new', 'active', 'lapsed'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const VOLUME_TIERS = ['key', 'general', 'scattered'] as const;
export type VolumeTier = (typeof VOLUME_TIERS)[number];

export const DERIVED_AXES = ['lifecycle', 'volumeTier'] as const;
export type DerivedAxis = (typeof DERIVED_AXES)[number];

/** The suggested trade terms for one credit grade (method 三.3 ④: terms, limit and handling by credit grade). */
export const CreditTermSchema = z.strictObject({
  creditGrade: z.string().min(1).max(40),
  /** Days of payment term; 0 = cash on delivery. */
  paymentDays: z.number().int().min(0).max(365),
  /** Suggested credit limit in cents, or null when the grade has no standard limit. */
  suggestedLimitCents: z.number().int().min(0).max(1e15).nullable(),
  /** How orders are handled, e.g. 款到发货 / 月结. */
  handling: z.string().max(200),
});
export type CreditTerm = z.infer<typeof CreditTermSchema>;

/**
 * The settable thresholds of the derived classes and the credit terms table.
 * Lifecycle on a date D: no sale ever → potential; last sale more than lapsedMonths before D →
 * lapsed; first sale within newMonths before D → new; otherwise active.
 * Volume tier: customers ranked by sales of the 12 months up to D, largest first; a customer is
 * key while the cumulative share before it is below keyPercent, general while it is below
 * keyPercent + generalPercent, scattered after that (and always when its 12-month sales are ≤ 0).
 */
export const ClassificationRulesSchema = z
  .strictObject({
    newMonths: z.number().int().min(1).max(120),
    lapsedMonths: z.number().int().min(1).max(120),
    keyPercent: z.number().int().min(1).max(99),
    generalPercent: z.number().int().min(0).max(99),
    creditTerms: z.array(CreditTermSchema).max(50),
  })
  .refine((r) => r.keyPercent + r.generalPercent <= 100, { path: ['generalPercent'], message: 'TIER_SUM' });
export type ClassificationRules = z.infer<typeof ClassificationRulesSchema>;

export const DEFAULT_CLASSIFICATION_RULES: ClassificationRules = {
  newMonths: 12,
  lapsedMonths: 12,
  keyPercent: 80,
  generalPercent: 15,
  creditTerms: [
    { creditGrade: 'AAA', paymentDays: 90, suggestedLimitCents: 100_000_000, handling: '月结，优先供货' },
    { creditGrade: 'AA', paymentDays: 60, suggestedLimitCents: 50_000_000, handling: '月结' },
    { creditGrade: 'A', paymentDays: 30, suggestedLimitCents: 20_000_000, handling: '30 天账期' },
    { creditGrade: 'B', paymentDays: 15, suggestedLimitCents: 5_000_000, handling: '半月结，超限须审批' },
    { creditGrade: 'C', paymentDays: 0, suggestedLimitCents: 0, handling: '款到发货' },
  ],
};
