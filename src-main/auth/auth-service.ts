import type { ParsedInputOf } from '../../src-shared/contracts';
import { logDetail, type LogDetailKey } from '../../src-shared/log-details';
import type { SessionDto } from '../../src-shared/contracts/auth';
import { isStrongPassword } from '../../src-shared/passwords';
import { KedangError } from '../errors';
import { spendUnwrapTime, unwrapKey, wrapKey } from '../keyring/key-slots';
import { clearFailures, lockedUntil, recordFailure } from '../keyring/lockout';
import { newRecoveryCode, normalizeRecoveryCode } from '../keyring/recovery-code';
import { recoverySlot, replaceSlot, userSlot } from '../keyring/slots-of';
import type { Office, Session } from '../office';
import { sessionOf, type Call } from '../router/call';
import { findUser } from '../users/user-records';
import { sessionDto } from './session-dto';

/** Lockouts for the recovery code use this name, which no user can have (user names are [A-Za-z0-9_.-]). */
const RECOVERY_LOCK_NAME = '#recovery';

/**
 * Counts a failed attempt against the name and records it: in the log when
 * the archive is open, otherwise in the keyring until the next unlock.
 * Returns the error to give: the same for a wrong name and a wrong password.
 */
async function failLogin(call: Call, username: string, reason: LogDetailKey): Promise<KedangError> {
  const { office, connection } = call;
  const now = office.now();
  let detail = logDetail([reason]);
  office.updateKeyring((k) => {
    const locked = recordFailure(k, username, now);
    if (locked) detail = logDetail([reason], ['lockedUntil', { until: locked.toISOString() }]);
    if (!office.archive) {
      k.pendingFailedLogins.push({ at: now.toISOString(), username, device: connection.device, reason: detail });
      // Bounded, so a flood of attempts cannot grow the keyring without end.
      if (k.pendingFailedLogins.length > 1000) k.pendingFailedLogins.splice(0, k.pendingFailedLogins.length - 1000);
    }
  });
  if (office.archive) {
    await office.logAlone(connection, null, {
      action: 'login_failed',
      target: username,
      outcome: 'failure',
      detail,
    });
  }
  return new KedangError('INVALID_CREDENTIALS');
}

async function refuseIfLocked(call: Call, username: string): Promise<void> {
  const until = lockedUntil(call.office.readKeyring(), username, call.office.now());
  if (!until) return;
  if (call.office.archive) {
    await call.office.logAlone(call.connection, null, {
      action: 'login_failed',
      target: username,
      outcome: 'denied',
      detail: logDetail(['accountLocked']),
    });
  }
  throw new KedangError('ACCOUNT_LOCKED', { until: until.toISOString() });
}

/**
 * Log in: unwrap the archive key from the user's slot (scrypt), unlock the
 * archive if it is closed, and start a session. A wrong password, a wrong
 * or unknown user name and a removed slot all answer INVALID_CREDENTIALS.
 */
export async function login(call: Call, input: ParsedInputOf<'auth.login'>): Promise<SessionDto> {
  const { office, connection } = call;
  const username = input.username;
  await refuseIfLocked(call, username);
  const keyring = office.readKeyring();
  const slot = userSlot(keyring, username);
  let key: Buffer | null = null;
  if (slot) key = await unwrapKey(slot, input.password, keyring.archiveId);
  else await spendUnwrapTime(office.kdf);
  if (!key) throw await failLogin(call, username, slot ? 'wrongPassword' : 'unknownUser');
  try {
    await office.unlock(key);
  } finally {
    key.fill(0);
  }
  const user = await findUser(office.requireArchive().db, { username });
  if (!user || !user.active) {
    // A slot without an active user (e.g. left by an interrupted change) unlocks nothing.
    const error = await failLogin(call, username, user ? 'inactiveUser' : 'slotWithoutUser');
    await office.closeIfIdle();
    throw error;
  }
  office.updateKeyring((k) => clearFailures(k, username));
  if (connection.sessionId) office.sessions.delete(connection.sessionId);
  const session = office.startSession({
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    mustChangePassword: user.mustChangePassword,
  });
  connection.sessionId = session.id;
  await office.logAlone(connection, session, {
    action: 'login',
    target: user.username,
    outcome: 'success',
    detail: user.mustChangePassword ? logDetail(['temporaryPassword']) : null,
  });
  return sessionDto(office, session);
}

/** Ends a session; the last one to end closes the archive and wipes the key. */
export async function endSession(
  office: Office,
  call: Pick<Call, 'connection'>,
  session: Session,
  action: 'logout' | 'session_locked',
  why: 'windowClosed' | null = null,
): Promise<void> {
  try {
    await office.logAlone(call.connection, session, {
      action,
      target: session.username,
      outcome: 'success',
      detail:
        action === 'session_locked'
          ? logDetail(['idle', { minutes: office.idleLockMinutes }])
          : why
            ? logDetail([why])
            : null,
    });
  } finally {
    office.sessions.delete(session.id);
    if (call.connection.sessionId === session.id) call.connection.sessionId = null;
    await office.closeIfIdle();
  }
}

export async function logout(call: Call): Promise<null> {
  await endSession(call.office, call, sessionOf(call), 'logout');
  return null;
}

export async function currentSession(call: Call): Promise<SessionDto | null> {
  return call.session && call.office.archive ? sessionDto(call.office, call.session) : null;
}

export async function changePassword(call: Call, input: ParsedInputOf<'auth.changePassword'>): Promise<SessionDto> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const keyring = office.readKeyring();
  const slot = userSlot(keyring, session.username);
  const key = slot ? await unwrapKey(slot, input.currentPassword, keyring.archiveId) : null;
  if (!key) {
    await office.logAlone(connection, session, {
      action: 'password_change',
      target: session.username,
      outcome: 'failure',
      detail: logDetail(['currentPasswordWrong']),
    });
    throw new KedangError('INVALID_CREDENTIALS');
  }
  key.fill(0);
  if (!isStrongPassword(input.newPassword)) throw new KedangError('WEAK_PASSWORD');
  if (input.newPassword === input.currentPassword) throw new KedangError('PASSWORD_REUSED');
  const archive = office.requireArchive();
  const newSlot = await wrapKey(
    archive.key,
    input.newPassword,
    keyring.archiveId,
    'user',
    session.username.toLowerCase(),
    office.kdf,
    office.now(),
  );
  await office.transaction(async (trx, log) => {
    const iso = office.now().toISOString();
    await trx
      .updateTable('users')
      .set({ must_change_password: 0, password_changed_at: iso, updated_at: iso })
      .where('id', '=', session.userId)
      .execute();
    await log(
      trx,
      office.entry(connection, session, {
        action: 'password_change',
        target: session.username,
        outcome: 'success',
        detail: null,
      }),
    );
  });
  office.updateKeyring((k) => replaceSlot(k, newSlot));
  session.mustChangePassword = false;
  return sessionDto(office, session);
}

/**
 * The recovery code unlocks the archive, sets a new password on a named
 * active administrator, and is replaced by a new code shown once.
 */
export async function recover(call: Call, input: ParsedInputOf<'auth.recover'>): Promise<{ recoveryCode: string }> {
  const { office, connection } = call;
  await refuseIfLocked(call, RECOVERY_LOCK_NAME);
  const keyring = office.readKeyring();
  const slot = recoverySlot(keyring);
  const key = slot ? await unwrapKey(slot, normalizeRecoveryCode(input.recoveryCode), keyring.archiveId) : null;
  if (!key) {
    await failLogin(call, RECOVERY_LOCK_NAME, 'wrongRecoveryCode');
    throw new KedangError('INVALID_RECOVERY_CODE');
  }
  if (!isStrongPassword(input.newPassword)) {
    key.fill(0);
    throw new KedangError('WEAK_PASSWORD');
  }
  try {
    const archive = await office.unlock(key);
    const admin = await findUser(archive.db, { username: input.adminUsername });
    if (!admin || !admin.active || !admin.roles.includes('admin')) throw new KedangError('USER_NOT_FOUND');
    const now = office.now();
    const newCode = newRecoveryCode();
    const adminSlot = await wrapKey(
      key,
      input.newPassword,
      keyring.archiveId,
      'user',
      admin.username.toLowerCase(),
      office.kdf,
      now,
    );
    const newRecovery = await wrapKey(key, newCode, keyring.archiveId, 'recovery', null, office.kdf, now);
    await office.transaction(async (trx, log) => {
      await trx
        .updateTable('users')
        .set({ must_change_password: 0, password_changed_at: now.toISOString(), updated_at: now.toISOString() })
        .where('id', '=', admin.id)
        .execute();
      await log(
        trx,
        office.entry(connection, null, {
          action: 'recovery',
          target: admin.username,
          outcome: 'success',
          detail: logDetail(['recoveryUsed']),
        }),
      );
    });
    office.updateKeyring((k) => {
      replaceSlot(k, adminSlot);
      replaceSlot(k, newRecovery);
      clearFailures(k, admin.username);
      clearFailures(k, RECOVERY_LOCK_NAME);
    });
    return { recoveryCode: newCode };
  } finally {
    key.fill(0);
    await office.closeIfIdle();
  }
}
