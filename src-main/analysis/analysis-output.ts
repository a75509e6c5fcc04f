import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

// Scaffolding for issue 4: replaced by the real service (no handler may stay like this).
export function exportAnalysisTable(
  _call: Call,
  _input: ParsedInputOf<'analysis.exportTable'>,
): Promise<OutputOf<'analysis.exportTable'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function exportAnalysisChart(
  _call: Call,
  _input: ParsedInputOf<'analysis.exportChart'>,
): Promise<OutputOf<'analysis.exportChart'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function printAnalysis(
  _call: Call,
  _input: ParsedInputOf<'analysis.print'>,
): Promise<OutputOf<'analysis.print'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
