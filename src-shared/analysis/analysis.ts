import { z } from 'zod';
import type { CreditTerm } from '../classification/derived';

/**
 * The composition analyses of method 三.3 (客户构成分析): sales by grade, by product, by region,
 * and credit. Amounts are whole cents. Shares are in basis points (1 bp = 0.01 %), rounded by
 * the largest-remainder rule so that the shares of one breakdown always add up to exactly
 * 10,000 bp = 100.00 % (see {@link sharesOf}).
 */
export const IsoDateSchema = z.iso.date();

/** A period of whole days, both ends included; at most ten years. */
export const PeriodSchema = z
  .strictObject({ from: IsoDateSchema, to: IsoDateSchema })
  .refine((p) => p.from <= p.to, { message: 'PERIOD_ORDER', path: ['to'] })
  .refine((p) => Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4)) <= 10, {
    message: 'PERIOD_TOO_LONG',
    path: ['from'],
  });
export type Period = z.infer<typeof PeriodSchema>;

export const ANALYSIS_KINDS = ['grade', 'product', 'region', 'credit', 'trend'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

/**
 * Shares of each value in the total, in basis points, by the largest-remainder rule: each share
 * is floored, and the bp still missing to 10,000 go one each to the largest remainders (ties: the
 * earlier value). All-zero or non-positive totals give all zeros. Negative values count as zero.
 */
export function sharesOf(values: readonly number[]): number[] {
  const positive = values.map((v) => Math.max(0, v));
  const total = positive.reduce((a, b) => a + b, 0);
  if (total <= 0) return values.map(() => 0);
  const exact = positive.map((v) => (v * 10_000) / total);
  const floors = exact.map(Math.floor);
  let missing = 10_000 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    missing -= 1;
  }
  return floors;
}

/** The period just before (same number of days) and the same dates one year earlier. */
export function comparisonPeriods(period: Period): { previous: Period; lastYear: Period } {
  const day = 86_400_000;
  const from = Date.parse(`${period.from}T00:00:00Z`);
  const to = Date.parse(`${period.to}T00:00:00Z`);
  const days = Math.round((to - from) / day) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const yearEarlier = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    // 29 February a year earlier is 28 February.
    const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
    return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  };
  return {
    previous: { from: iso(from - days * day), to: iso(from - day) },
    lastYear: { from: yearEarlier(period.from), to: yearEarlier(period.to) },
  };
}

/** One group of a breakdown: its key (a dictionary code, '' = not classified), customers and sales. */
export interface ShareGroup {
  key: string;
  customers: number;
  cents: number;
  shareBp: number;
}

/** 销售构成分析: sales by customer grade, compared with the previous period and last year, and the Pareto curve. */
export interface GradeAnalysis {
  period: Period;
  previous: Period;
  lastYear: Period;
  totalCents: number;
  previousCents: number;
  lastYearCents: number;
  /** Every grade of the dictionary in its order (also grades without sales), then '' when some customers have none. */
  groups: (ShareGroup & { previousCents: number; lastYearCents: number })[];
  pareto: {
    /** Customers with sales > 0 in the period. */
    customers: number;
    /** How many of them (largest first) make 80 % of sales, and what share of those customers that is. */
    customersFor80: number;
    customersFor80ShareBp: number;
    /** The curve at each whole percent of customers: x = 0..100 %, y = cumulative share of sales in bp. */
    points: { customerPercent: number; salesShareBp: number }[];
  };
}

/** Monthly sales per grade: months are YYYY-MM; each series holds one amount per month. */
export interface TrendAnalysis {
  period: Period;
  months: string[];
  series: { grade: string; cents: number[] }[];
  totals: number[];
}

export const CROSS_TAB_BY = ['grade', 'region'] as const;
export type CrossTabBy = (typeof CROSS_TAB_BY)[number];

/** 商品构成分析: each product's and category's share of sales, overall and per grade or top-level region. */
export interface ProductAnalysis {
  period: Period;
  totalCents: number;
  totalQuantity: number;
  products: (ShareGroup & { productId: number; code: string; name: string; category: string; quantity: number })[];
  /** Category '' = products without a category. */
  categories: (ShareGroup & { quantity: number })[];
  /**
   * Columns: every grade (or every top-level region), then '' when some sales are not classified.
   * One row per category; each cell's share is the category's share of that column's sales.
   */
  crossTab: {
    by: CrossTabBy;
    columns: { key: string; cents: number }[];
    rows: { category: string; cells: { cents: number; shareBp: number }[] }[];
  };
}

/** 地区构成分析: sales by the child regions of `parent` (top level when null), each with its whole subtree. */
export interface RegionAnalysis {
  period: Period;
  parent: string | null;
  /** The path from the top down to parent, for the breadcrumb. */
  path: string[];
  totalCents: number;
  /**
   * Child regions (key = region code; hasChildren tells whether it drills down further); customers
   * assigned to `parent` itself appear as key = parent; customers without a region (top level
   * only) as key ''.
   */
  groups: (ShareGroup & { hasChildren: boolean })[];
}

export const AGEING_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

/**
 * 客户信用分析 on a date: outstanding balance = sales − receipts up to that date; receipts pay the
 * oldest sales first (FIFO), so what is unpaid is the newest sales, aged by days from sale to asOf.
 */
export interface CreditAnalysis {
  asOf: string;
  totals: {
    customers: number;
    customersWithBalance: number;
    limitCents: number;
    outstandingCents: number;
    overLimitCustomers: number;
    /** How much the over-limit customers owe beyond their limits, together. */
    overLimitCents: number;
    /** Customers who paid more than they bought up to asOf (a credit balance, shown as a positive amount). */
    creditBalanceCustomers: number;
    creditBalanceCents: number;
  };
  /** Every credit grade of the dictionary in order, then '' for customers without one. */
  byCreditGrade: (ShareGroup & {
    limitCents: number;
    outstandingCents: number;
    overLimitCustomers: number;
    terms: CreditTerm | null;
  })[];
  /** Outstanding by age; customers = customers with some amount in the bucket. shareBp of outstanding. */
  ageing: { bucket: AgeingBucket; cents: number; customers: number; shareBp: number }[];
  /** Customers whose outstanding balance exceeds their credit limit, largest excess first (at most 500). */
  overLimit: CustomerFigure[];
  overLimitCount: number;
}

/** A customer behind a segment, with the figure of that segment. */
export interface CustomerFigure {
  id: number;
  code: string;
  name: string;
  grade: string;
  creditGrade: string;
  region: string;
  cents: number;
  limitCents: number | null;
  outstandingCents: number | null;
}

/** A clickable part of a chart: which customers are behind it. */
export const SegmentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('grade'), grade: z.string().max(40) }),
  z.strictObject({
    kind: z.literal('product'),
    productId: z.number().int().positive().optional(),
    category: z.string().max(100).optional(),
    /** Narrows to one cross-tab column. */
    column: z.strictObject({ by: z.enum(CROSS_TAB_BY), key: z.string().max(40) }).optional(),
  }),
  /**
   * A region with its whole subtree; with `exact`, only the customers filed under that region
   * itself (the "assigned to the parent itself" group). Region '' = customers without a region.
   */
  z.strictObject({ kind: z.literal('region'), region: z.string().max(40), exact: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('creditGrade'), creditGrade: z.string().max(40) }),
  z.strictObject({ kind: z.literal('ageing'), bucket: z.enum(AGEING_BUCKETS) }),
  z.strictObject({ kind: z.literal('overLimit') }),
  /** The customers that make 80 % of sales (the left part of the Pareto curve). */
  z.strictObject({ kind: z.literal('pareto80') }),
]);
export type Segment = z.infer<typeof SegmentSchema>;

/** The customers behind a segment, largest figure first (at most 1,000 rows; total counts them all). */
export interface SegmentCustomers {
  total: number;
  totalCents: number;
  rows: CustomerFigure[];
}
