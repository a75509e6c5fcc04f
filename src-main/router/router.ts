import { contract, isChannelName, type ChannelName } from '../../src-shared/contracts';
import { logDetail } from '../../src-shared/log-details';
import { errorMessage, type ErrorCode, type KedangErrorDto, type Result } from '../../src-shared/errors';
import { rolesGrant } from '../../src-shared/permissions';
import { endSession } from '../auth/auth-service';
import { isKedangError, toKedangError } from '../errors';
import type { Office, Session } from '../office';
import type { Call } from './call';
import type { Connection } from './connection';
import { handlers } from './handlers';

function failure(connection: Connection, code: ErrorCode, extra: Partial<KedangErrorDto> = {}): Result<never> {
  return { ok: false, error: { code, message: errorMessage(code, connection.language), ...extra } };
}

/** Field paths of a zod failure, each with the zod message; the UI shows its own translation beside the field. */
function fieldsOf(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues.slice(0, 20)) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message.slice(0, 200);
  }
  return fields;
}

/**
 * The one call path for every transport (DESIGN.md): validate the input,
 * authorize the session against the permission table, run the service
 * (which writes its log row in the same transaction), and answer with a
 * typed result. Nothing thrown escapes: an unexpected error becomes
 * INTERNAL with nothing of its content shown or logged.
 */
export async function route(
  office: Office,
  connection: Connection,
  channel: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  if (!isChannelName(channel)) return failure(connection, 'UNKNOWN_CHANNEL');
  const spec = contract[channel];
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) return failure(connection, 'INVALID_INPUT', { fields: fieldsOf(parsed.error.issues) });

  let session: Session | null = connection.sessionId ? (office.sessions.get(connection.sessionId) ?? null) : null;
  if (connection.sessionId && !session) connection.sessionId = null;
  try {
    if (session && office.isIdle(session)) {
      await endSession(office, { connection }, session, 'session_locked');
      session = null;
      if (spec.access.kind !== 'public') return failure(connection, 'SESSION_LOCKED');
    }
    if (spec.access.kind !== 'public') {
      if (!session) return failure(connection, 'NOT_LOGGED_IN');
      if (session.mustChangePassword && !(spec.access.kind === 'session' && spec.access.duringPasswordChange)) {
        return failure(connection, 'PASSWORD_CHANGE_REQUIRED');
      }
      const access = spec.access;
      const roles = session.roles;
      if (access.kind === 'permission' && !access.anyOf.some((p) => rolesGrant(roles, p))) {
        await office.logAlone(connection, session, {
          action: 'access_denied',
          target: channel,
          outcome: 'denied',
          detail: logDetail(['requires', { permission: access.anyOf.join(' | ') }]),
        });
        return failure(connection, 'FORBIDDEN');
      }
      session.lastActivity = office.now();
    }
    const call: Call = { office, connection, session };
    const handler = handlers[channel] as (call: Call, input: unknown) => unknown;
    const value = await handler(call, parsed.data);
    return { ok: true, value: value ?? null };
  } catch (error) {
    const known = toKedangError(error);
    if (isKedangError(known)) {
      return failure(connection, known.code, {
        ...(known.facts ? { facts: known.facts } : {}),
        ...(known.fields ? { fields: known.fields } : {}),
      });
    }
    // Only the error's class and code: its message may quote data.
    const name = (error as { name?: string } | null)?.name ?? typeof error;
    const code = (error as { code?: string } | null)?.code ?? '';
    console.error(
      `kedang: internal error in ${channel as ChannelName}: ${name} ${code}`,
      process.env.KEDANG_DEBUG ? error : '',
    );
    return failure(connection, 'INTERNAL');
  }
}
