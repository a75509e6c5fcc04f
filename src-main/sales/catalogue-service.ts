import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

// Scaffolding for issue 4: replaced by the real service (no handler may stay like this).
export function listImports(_call: Call, _input: ParsedInputOf<'sales.imports'>): Promise<OutputOf<'sales.imports'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function listProducts(
  _call: Call,
  _input: ParsedInputOf<'sales.products'>,
): Promise<OutputOf<'sales.products'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
export function saveProduct(
  _call: Call,
  _input: ParsedInputOf<'sales.saveProduct'>,
): Promise<OutputOf<'sales.saveProduct'>> {
  return Promise.reject(new KedangError('NOT_AVAILABLE'));
}
