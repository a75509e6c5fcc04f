import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

// Scaffolding for issue 4: replaced by the real service (no handler may stay like this).
export function classGroups(
  _call: Call,
  _input: ParsedInputOf<'classification.groups'>,
): Promise<OutputOf<'classification.groups'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
