import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

// PLACEHOLDER: replaced by the real service (issue 5 in progress).

export async function getUpkeepRules(_call: Call, _input: ParsedInputOf<'upkeep.rules'>): Promise<OutputOf<'upkeep.rules'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function saveUpkeepRules(_call: Call, _input: ParsedInputOf<'upkeep.saveRules'>): Promise<OutputOf<'upkeep.saveRules'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function needsAttention(_call: Call, _input: ParsedInputOf<'upkeep.needsAttention'>): Promise<OutputOf<'upkeep.needsAttention'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function markReviewed(_call: Call, _input: ParsedInputOf<'upkeep.markReviewed'>): Promise<OutputOf<'upkeep.markReviewed'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function cardReviews(_call: Call, _input: ParsedInputOf<'upkeep.reviews'>): Promise<OutputOf<'upkeep.reviews'>> {
  throw new KedangError('NOT_AVAILABLE');
}
