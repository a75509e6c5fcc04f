import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

// Scaffolding for issue 4: replaced by the real service (no handler may stay like this).
export function saveEntry(
  _call: Call,
  _input: ParsedInputOf<'classification.saveEntry'>,
): Promise<OutputOf<'classification.saveEntry'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function reorderEntries(
  _call: Call,
  _input: ParsedInputOf<'classification.reorderEntries'>,
): Promise<OutputOf<'classification.reorderEntries'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function deleteEntry(
  _call: Call,
  _input: ParsedInputOf<'classification.deleteEntry'>,
): Promise<OutputOf<'classification.deleteEntry'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
