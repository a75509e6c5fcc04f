import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

// PLACEHOLDER: replaced by the real service (issue 5 in progress).

export async function submitReport(_call: Call, _input: ParsedInputOf<'visits.submit'>): Promise<OutputOf<'visits.submit'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function myReports(_call: Call, _input: ParsedInputOf<'visits.mine'>): Promise<OutputOf<'visits.mine'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function reportInbox(_call: Call, _input: ParsedInputOf<'visits.inbox'>): Promise<OutputOf<'visits.inbox'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function getReport(_call: Call, _input: ParsedInputOf<'visits.get'>): Promise<OutputOf<'visits.get'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function reviewReport(_call: Call, _input: ParsedInputOf<'visits.review'>): Promise<OutputOf<'visits.review'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function reportsForCard(_call: Call, _input: ParsedInputOf<'visits.forCard'>): Promise<OutputOf<'visits.forCard'>> {
  throw new KedangError('NOT_AVAILABLE');
}
