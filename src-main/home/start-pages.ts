import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

// PLACEHOLDER: replaced by the real service (issue 5 in progress).

export async function custodianStart(_call: Call, _input: ParsedInputOf<'home.custodian'>): Promise<OutputOf<'home.custodian'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function repStart(_call: Call, _input: ParsedInputOf<'home.rep'>): Promise<OutputOf<'home.rep'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function managerStart(_call: Call, _input: ParsedInputOf<'home.manager'>): Promise<OutputOf<'home.manager'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function adminStart(_call: Call, _input: ParsedInputOf<'home.admin'>): Promise<OutputOf<'home.admin'>> {
  throw new KedangError('NOT_AVAILABLE');
}
