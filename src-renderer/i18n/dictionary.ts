import type { LogAction, LogOutcome } from '../../src-shared/access-log';
import type { LogVerificationDto } from '../../src-shared/contracts';
import type { Role } from '../../src-shared/roles';
import type { zhStrings } from './zh';

/** Every UI string key; the Chinese table defines them, so English missing one fails to compile. */
export type StringKey = keyof typeof zhStrings;

export type LogProblem = NonNullable<LogVerificationDto['problem']>;

/** One language: plain strings plus label tables keyed by the shared enums. */
export interface Dictionary {
  strings: Record<StringKey, string>;
  roles: Record<Role, string>;
  logActions: Record<LogAction, string>;
  outcomes: Record<LogOutcome, string>;
  logProblems: Record<LogProblem, string>;
}
