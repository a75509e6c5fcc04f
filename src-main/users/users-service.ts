import type { ParsedInputOf } from '../../src-shared/contracts';
import { logDetail, type LogDetailPart } from '../../src-shared/log-details';
import type { UserDto } from '../../src-shared/contracts/users';
import { isStrongPassword } from '../../src-shared/passwords';
import { dutyConflicts, type Role } from '../../src-shared/roles';
import { KedangError } from '../errors';
import { wrapKey } from '../keyring/key-slots';
import { clearFailures } from '../keyring/lockout';
import { removeUserSlot, replaceSlot } from '../keyring/slots-of';
import type { Office } from '../office';
import { sessionOf, type Call } from '../router/call';
import { countOtherActiveAdmins, findUser, findUsers, setRoles, toUserDto } from './user-records';

/** 三员分立: combining separate duties needs the admin's explicit decision, which the log row names. */
function checkDuties(roles: readonly Role[], allowOverlap: boolean | undefined): LogDetailPart | null {
  const conflicts = dutyConflicts(roles);
  if (conflicts.length === 0) return null;
  if (!allowOverlap) throw new KedangError('DUTY_CONFLICT', { duties: conflicts.join(',') });
  return ['dutyOverlap', { duties: conflicts.join('+') }];
}

function requireStrong(password: string): void {
  if (!isStrongPassword(password)) throw new KedangError('WEAK_PASSWORD');
}

async function dtoFor(office: Office, id: number): Promise<UserDto> {
  const user = await findUser(office.requireArchive().db, { id });
  if (!user) throw new KedangError('USER_NOT_FOUND');
  return toUserDto(user, office.readKeyring(), office.now());
}

async function slotFor(office: Office, username: string, password: string) {
  const archive = office.requireArchive();
  return wrapKey(archive.key, password, archive.archiveId, 'user', username.toLowerCase(), office.kdf, office.now());
}

export async function listUsers(call: Call): Promise<UserDto[]> {
  const keyring = call.office.readKeyring();
  const users = await findUsers(call.office.requireArchive().db);
  return users.map((u) => toUserDto(u, keyring, call.office.now()));
}

/**
 * Creates a user with a temporary password that must be changed at first
 * login. The database row commits first, then the key slot: an interrupted
 * call leaves a user without a slot, which the admin sees and fixes with a
 * password reset, never a slot that unlocks for an unknown user.
 */
export async function createUser(call: Call, input: ParsedInputOf<'users.create'>): Promise<UserDto> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const dutyNote = checkDuties(input.roles, input.allowDutyOverlap);
  requireStrong(input.temporaryPassword);
  const db = office.requireArchive().db;
  if (await findUser(db, { username: input.username })) throw new KedangError('USERNAME_TAKEN');
  const slot = await slotFor(office, input.username, input.temporaryPassword);
  const id = await office.transaction(async (trx, log) => {
    const iso = office.now().toISOString();
    const row = await trx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        active: 1,
        must_change_password: 1,
        created_at: iso,
        updated_at: iso,
        password_changed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setRoles(trx, row.id, input.roles);
    await log(
      trx,
      office.entry(connection, session, {
        action: 'user_create',
        target: input.username,
        outcome: 'success',
        detail: logDetail(['roles', { roles: input.roles.join(',') }], ...(dutyNote ? [dutyNote] : [])),
      }),
    );
    return row.id;
  });
  office.updateKeyring((k) => {
    replaceSlot(k, slot);
    clearFailures(k, input.username);
  });
  return dtoFor(office, id);
}

export async function updateUser(call: Call, input: ParsedInputOf<'users.update'>): Promise<UserDto> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const dutyNote = checkDuties(input.roles, input.allowDutyOverlap);
  await office.transaction(async (trx, log) => {
    const user = await findUser(trx, { id: input.id });
    if (!user) throw new KedangError('USER_NOT_FOUND');
    if (user.roles.includes('admin') && !input.roles.includes('admin') && user.active) {
      if ((await countOtherActiveAdmins(trx, user.id)) === 0) throw new KedangError('LAST_ADMIN');
    }
    await trx
      .updateTable('users')
      .set({ display_name: input.displayName, updated_at: office.now().toISOString() })
      .where('id', '=', user.id)
      .execute();
    await setRoles(trx, user.id, input.roles);
    const changes: LogDetailPart[] = [];
    if (user.displayName !== input.displayName) changes.push(['displayNameChanged']);
    if (user.roles.join(',') !== input.roles.join(',')) {
      changes.push(['rolesChanged', { from: user.roles.join(','), to: input.roles.join(',') }]);
    }
    if (dutyNote) changes.push(dutyNote);
    await log(
      trx,
      office.entry(connection, session, {
        action: 'user_update',
        target: user.username,
        outcome: 'success',
        detail: changes.length ? logDetail(...changes) : logDetail(['noChange']),
      }),
    );
  });
  // A session of the changed user keeps its old roles until it logs in again; end it so the change applies now.
  for (const other of office.sessions.values()) {
    if (other.userId === input.id && other.id !== session.id) office.sessions.delete(other.id);
  }
  return dtoFor(office, input.id);
}

/** Deactivating removes the key slot; reactivating needs a new temporary password (a new slot). */
export async function setUserActive(call: Call, input: ParsedInputOf<'users.setActive'>): Promise<UserDto> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const db = office.requireArchive().db;
  const user = await findUser(db, { id: input.id });
  if (!user) throw new KedangError('USER_NOT_FOUND');
  let slot = null;
  if (input.active) {
    if (!input.temporaryPassword) throw new KedangError('INVALID_INPUT', undefined, { temporaryPassword: 'required' });
    requireStrong(input.temporaryPassword);
    slot = await slotFor(office, user.username, input.temporaryPassword);
  } else if (user.roles.includes('admin') && (await countOtherActiveAdmins(db, user.id)) === 0) {
    throw new KedangError('LAST_ADMIN');
  }
  await office.transaction(async (trx, log) => {
    await trx
      .updateTable('users')
      .set({
        active: input.active ? 1 : 0,
        must_change_password: input.active ? 1 : user.mustChangePassword ? 1 : 0,
        updated_at: office.now().toISOString(),
      })
      .where('id', '=', user.id)
      .execute();
    await log(
      trx,
      office.entry(connection, session, {
        action: input.active ? 'user_activate' : 'user_deactivate',
        target: user.username,
        outcome: 'success',
        detail: logDetail([input.active ? 'reactivated' : 'deactivated']),
      }),
    );
  });
  office.updateKeyring((k) => {
    if (slot) replaceSlot(k, slot);
    else removeUserSlot(k, user.username);
    clearFailures(k, user.username);
  });
  if (!input.active) {
    for (const other of office.sessions.values()) if (other.userId === user.id) office.sessions.delete(other.id);
  }
  return dtoFor(office, user.id);
}

export async function resetPassword(call: Call, input: ParsedInputOf<'users.resetPassword'>): Promise<UserDto> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const user = await findUser(office.requireArchive().db, { id: input.id });
  if (!user) throw new KedangError('USER_NOT_FOUND');
  if (!user.active) throw new KedangError('ACCOUNT_INACTIVE');
  requireStrong(input.temporaryPassword);
  const slot = await slotFor(office, user.username, input.temporaryPassword);
  await office.transaction(async (trx, log) => {
    await trx
      .updateTable('users')
      .set({ must_change_password: 1, updated_at: office.now().toISOString() })
      .where('id', '=', user.id)
      .execute();
    await log(
      trx,
      office.entry(connection, session, {
        action: 'password_reset',
        target: user.username,
        outcome: 'success',
        detail: logDetail(['passwordReset']),
      }),
    );
  });
  office.updateKeyring((k) => {
    replaceSlot(k, slot);
    clearFailures(k, user.username);
  });
  return dtoFor(office, user.id);
}
