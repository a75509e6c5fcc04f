import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

// Scaffolding for issue 4: replaced by the real service (no handler may stay like this).
export function gradeAnalysis(
  _call: Call,
  _input: ParsedInputOf<'analysis.grade'>,
): Promise<OutputOf<'analysis.grade'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function trendAnalysis(
  _call: Call,
  _input: ParsedInputOf<'analysis.trend'>,
): Promise<OutputOf<'analysis.trend'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function productAnalysis(
  _call: Call,
  _input: ParsedInputOf<'analysis.product'>,
): Promise<OutputOf<'analysis.product'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function regionAnalysis(
  _call: Call,
  _input: ParsedInputOf<'analysis.region'>,
): Promise<OutputOf<'analysis.region'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function creditAnalysis(
  _call: Call,
  _input: ParsedInputOf<'analysis.credit'>,
): Promise<OutputOf<'analysis.credit'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function segmentCustomers(
  _call: Call,
  _input: ParsedInputOf<'analysis.customers'>,
): Promise<OutputOf<'analysis.customers'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
