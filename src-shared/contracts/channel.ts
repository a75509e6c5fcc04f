import type { z } from 'zod';
import type { Permission } from '../permissions';

/**
 * Who may call a channel: anyone (only `setup.*`, `auth.*` and `app.*` — the
 * calls needed before a login), any logged-in session, or a session whose
 * roles grant one permission.
 */
export type ChannelAccess =
  | { kind: 'public' }
  | { kind: 'session'; duringPasswordChange?: boolean }
  | { kind: 'permission'; anyOf: readonly Permission[] };

/** One channel of the contract: its input schema, who may call it, and (as a type only) its output DTO. */
export interface Channel<I extends z.ZodType, O> {
  input: I;
  access: ChannelAccess;
  /** Phantom field carrying the output type; never set at run time. */
  readonly output?: O;
}

/** Declares a channel; the output DTO type is given first so the input type is inferred. */
export function channel<O>() {
  return <I extends z.ZodType>(spec: { input: I; access: ChannelAccess }): Channel<I, O> => spec;
}

export const PUBLIC: ChannelAccess = { kind: 'public' };
export const SESSION: ChannelAccess = { kind: 'session' };
/** A session whose roles grant at least one of the permissions (e.g. all cards, or only the assigned ones). */
export function needs(...anyOf: [Permission, ...Permission[]]): ChannelAccess {
  return { kind: 'permission', anyOf };
}
