import type { Kysely } from 'kysely';
import type { ArchiveSchema } from '../store/schema';
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

/**
 * Recomputes every customer's derived classes (lifecycle, volume tier, first/last sale date,
 * 12-month sales) as of `asOf` (YYYY-MM-DD) with the stored rules, keeping overrides in effect.
 * Called after a sales import, after the rules change, and at the first unlock of a day.
 * Scaffolding for issue 4: the classification engineer replaces this body.
 */
export async function recomputeDerived(_db: Kysely<ArchiveSchema>, _asOf: string): Promise<void> {
  return Promise.resolve();
}
