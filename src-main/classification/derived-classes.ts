import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

// Scaffolding for issue 4: replaced by the real service (no handler may stay like this).
export function derivedClasses(
  _call: Call,
  _input: ParsedInputOf<'classification.derived'>,
): Promise<OutputOf<'classification.derived'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function setOverride(
  _call: Call,
  _input: ParsedInputOf<'classification.setOverride'>,
): Promise<OutputOf<'classification.setOverride'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
