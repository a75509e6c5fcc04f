import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

// Scaffolding for issue 4: replaced by the real service (no handler may stay like this).
export function reassign(
  _call: Call,
  _input: ParsedInputOf<'classification.reassign'>,
): Promise<OutputOf<'classification.reassign'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
