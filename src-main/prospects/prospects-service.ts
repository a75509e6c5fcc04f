import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

// PLACEHOLDER: replaced by the real service (issue 5 in progress).

export async function listProspects(_call: Call, _input: ParsedInputOf<'prospects.list'>): Promise<OutputOf<'prospects.list'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function createProspect(_call: Call, _input: ParsedInputOf<'prospects.create'>): Promise<OutputOf<'prospects.create'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function saveProspect(_call: Call, _input: ParsedInputOf<'prospects.save'>): Promise<OutputOf<'prospects.save'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function convertProspect(_call: Call, _input: ParsedInputOf<'prospects.convert'>): Promise<OutputOf<'prospects.convert'>> {
  throw new KedangError('NOT_AVAILABLE');
}
