import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

// Scaffolding for issue 4: replaced by the real service (no handler may stay like this).
export function routeStops(
  _call: Call,
  _input: ParsedInputOf<'classification.route'>,
): Promise<OutputOf<'classification.route'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function reorderRoute(
  _call: Call,
  _input: ParsedInputOf<'classification.reorderRoute'>,
): Promise<OutputOf<'classification.reorderRoute'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function printRoute(
  _call: Call,
  _input: ParsedInputOf<'classification.printRoute'>,
): Promise<OutputOf<'classification.printRoute'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
