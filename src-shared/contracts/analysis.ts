import { z } from 'zod';
import {
  CROSS_TAB_BY,
  IsoDateSchema,
  PeriodSchema,
  SegmentSchema,
  type CreditAnalysis,
  type GradeAnalysis,
  type ProductAnalysis,
  type RegionAnalysis,
  type SegmentCustomers,
  type TrendAnalysis,
} from '../analysis/analysis';
import { channel, needs } from './channel';

const RegionCode = z.string().min(1).max(40);

/** Which analysis, with its parameters: what export, print and the segment list re-run. */
export const AnalysisRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('grade'), period: PeriodSchema }),
  z.strictObject({ kind: z.literal('trend'), period: PeriodSchema }),
  z.strictObject({ kind: z.literal('product'), period: PeriodSchema, by: z.enum(CROSS_TAB_BY) }),
  z.strictObject({ kind: z.literal('region'), period: PeriodSchema, parent: RegionCode.nullable() }),
  z.strictObject({ kind: z.literal('credit'), asOf: IsoDateSchema }),
]);
export type AnalysisRequest = z.infer<typeof AnalysisRequestSchema>;

/**
 * The composition analyses (客户构成分析). Every run is written to the access log
 * (analysis_run, with the analysis and its period).
 */
export const analysisContract = {
  'analysis.grade': channel<GradeAnalysis>()({
    input: z.strictObject({ period: PeriodSchema }),
    access: needs('analysis.read'),
  }),
  'analysis.trend': channel<TrendAnalysis>()({
    input: z.strictObject({ period: PeriodSchema }),
    access: needs('analysis.read'),
  }),
  'analysis.product': channel<ProductAnalysis>()({
    input: z.strictObject({ period: PeriodSchema, by: z.enum(CROSS_TAB_BY) }),
    access: needs('analysis.read'),
  }),
  'analysis.region': channel<RegionAnalysis>()({
    input: z.strictObject({ period: PeriodSchema, parent: RegionCode.nullable() }),
    access: needs('analysis.read'),
  }),
  'analysis.credit': channel<CreditAnalysis>()({
    input: z.strictObject({ asOf: IsoDateSchema }),
    access: needs('analysis.read'),
  }),
  /** The customers behind a chart segment (for credit segments `period.to` is the as-of date). */
  'analysis.customers': channel<SegmentCustomers>()({
    input: z.strictObject({ period: PeriodSchema, segment: SegmentSchema }),
    access: needs('analysis.read'),
  }),
  /** Writes the analysis's data table(s) as xlsx marked confidential at `path`; logged as an export. */
  'analysis.exportTable': channel<{ path: string; rows: number }>()({
    input: z.strictObject({ request: AnalysisRequestSchema, path: z.string().min(1).max(1000) }),
    access: needs('analysis.read'),
  }),
  /** Saves a chart image the window rendered (PNG, base64) at `path`; logged as an export. */
  'analysis.exportChart': channel<{ path: string; bytes: number }>()({
    input: z.strictObject({
      request: AnalysisRequestSchema,
      path: z.string().min(1).max(1000),
      pngBase64: z
        .string()
        .max(20_000_000)
        .regex(/^[A-Za-z0-9+/]+=*$/),
    }),
    access: needs('analysis.read'),
  }),
  /** Logs the print of an analysis report and allows one `app.print` of it. */
  'analysis.print': channel<{ printedBy: string; printedAt: string }>()({
    input: z.strictObject({ request: AnalysisRequestSchema }),
    access: needs('analysis.read'),
  }),
};
