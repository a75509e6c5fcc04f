import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

// PLACEHOLDER: replaced by the real service (issue 5 in progress).

export async function listSchedules(_call: Call, _input: ParsedInputOf<'visits.schedules'>): Promise<OutputOf<'visits.schedules'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function saveSchedule(_call: Call, _input: ParsedInputOf<'visits.saveSchedule'>): Promise<OutputOf<'visits.saveSchedule'>> {
  throw new KedangError('NOT_AVAILABLE');
}

export async function reportingDiscipline(_call: Call, _input: ParsedInputOf<'visits.discipline'>): Promise<OutputOf<'visits.discipline'>> {
  throw new KedangError('NOT_AVAILABLE');
}
