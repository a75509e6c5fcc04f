import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

// PLACEHOLDER: replaced by the real service (issue 5 in progress).

export async function cardOverview(_call: Call, _input: ParsedInputOf<'cards.overview'>): Promise<OutputOf<'cards.overview'>> {
  throw new KedangError('NOT_AVAILABLE');
}
