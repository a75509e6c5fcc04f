import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

// Scaffolding for issue 4: replaced by the real service (no handler may stay like this).
export function getRules(
  _call: Call,
  _input: ParsedInputOf<'classification.rules'>,
): Promise<OutputOf<'classification.rules'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function saveRules(
  _call: Call,
  _input: ParsedInputOf<'classification.saveRules'>,
): Promise<OutputOf<'classification.saveRules'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
