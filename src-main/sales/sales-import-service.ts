import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

// Scaffolding for issue 4: replaced by the real service (no handler may stay like this).
export function salesImportPreview(
  _call: Call,
  _input: ParsedInputOf<'sales.importPreview'>,
): Promise<OutputOf<'sales.importPreview'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function salesImportCommit(
  _call: Call,
  _input: ParsedInputOf<'sales.importCommit'>,
): Promise<OutputOf<'sales.importCommit'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function salesImportRejections(
  _call: Call,
  _input: ParsedInputOf<'sales.importRejections'>,
): Promise<OutputOf<'sales.importRejections'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
