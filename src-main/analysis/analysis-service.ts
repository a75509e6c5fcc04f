import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import type { AnalysisRequest } from '../../src-shared/contracts/analysis';
import { logDetail, type LogDetailPart } from '../../src-shared/log-details';
import { sessionOf, type Call } from '../router/call';
import { analysisOf, describeSegment, readFigures, requestLogParts, type AnalysisResult } from './analysis-requests';
import { segmentCustomersOf } from './segment-customers';

/**
 * The composition analyses (客户构成分析, method 三.3), for managers and custodians. Each call
 * reads the archive in one read transaction and then writes one `analysis_run` row saying which
 * analysis and which period (never a figure).
 */

async function logRun(call: Call, target: string, parts: LogDetailPart[]): Promise<void> {
  await call.office.logAlone(call.connection, sessionOf(call), {
    action: 'analysis_run',
    target,
    outcome: 'success',
    detail: logDetail(...parts),
  });
}

async function run(call: Call, request: AnalysisRequest): Promise<AnalysisResult> {
  sessionOf(call);
  const result = await readFigures(call.office.requireArchive(), (source, db) => analysisOf(source, db, request));
  await logRun(call, request.kind, requestLogParts(request));
  return result;
}

/** The result of the kind asked for (analysisOf answers the request's own kind). */
function unexpected(): never {
  throw new Error('analysis of another kind');
}

/** 销售构成分析: shares by grade, compared with the previous period and last year, and the Pareto curve. */
export async function gradeAnalysis(
  call: Call,
  input: ParsedInputOf<'analysis.grade'>,
): Promise<OutputOf<'analysis.grade'>> {
  const result = await run(call, { kind: 'grade', period: input.period });
  return result.kind === 'grade' ? result.value : unexpected();
}

/** Monthly sales per grade. */
export async function trendAnalysis(
  call: Call,
  input: ParsedInputOf<'analysis.trend'>,
): Promise<OutputOf<'analysis.trend'>> {
  const result = await run(call, { kind: 'trend', period: input.period });
  return result.kind === 'trend' ? result.value : unexpected();
}

/** 商品构成分析: products and categories, and the category × grade (or top-level region) cross-tab. */
export async function productAnalysis(
  call: Call,
  input: ParsedInputOf<'analysis.product'>,
): Promise<OutputOf<'analysis.product'>> {
  const result = await run(call, { kind: 'product', period: input.period, by: input.by });
  return result.kind === 'product' ? result.value : unexpected();
}

/** 地区构成分析: sales by the children of a region, each with its subtree. */
export async function regionAnalysis(
  call: Call,
  input: ParsedInputOf<'analysis.region'>,
): Promise<OutputOf<'analysis.region'>> {
  const result = await run(call, { kind: 'region', period: input.period, parent: input.parent });
  return result.kind === 'region' ? result.value : unexpected();
}

/** 客户信用分析 as of a date: balances, FIFO ageing, limits, credit grades with their terms. */
export async function creditAnalysis(
  call: Call,
  input: ParsedInputOf<'analysis.credit'>,
): Promise<OutputOf<'analysis.credit'>> {
  const result = await run(call, { kind: 'credit', asOf: input.asOf });
  return result.kind === 'credit' ? result.value : unexpected();
}

/** The customers behind a chart segment, largest figure first (at most 1,000, with the total count). */
export async function segmentCustomers(
  call: Call,
  input: ParsedInputOf<'analysis.customers'>,
): Promise<OutputOf<'analysis.customers'>> {
  sessionOf(call);
  const result = await readFigures(call.office.requireArchive(), (source) =>
    segmentCustomersOf(source, input.period, input.segment),
  );
  await logRun(call, 'customers', [
    ['analysisCustomers', { start: input.period.from, end: input.period.to, segment: describeSegment(input.segment) }],
  ]);
  return result;
}
