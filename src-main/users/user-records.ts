import type { Kysely, Transaction } from 'kysely';
import type { UserDto } from '../../src-shared/contracts/users';
import { ROLES, type Role } from '../../src-shared/roles';
import type { Keyring } from '../keyring/keyring-file';
import { lockedUntil } from '../keyring/lockout';
import type { ArchiveSchema } from '../store/schema';

type Db = Kysely<ArchiveSchema> | Transaction<ArchiveSchema>;

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  roles: Role[];
}

function toRole(value: string): Role | null {
  return (ROLES as readonly string[]).includes(value) ? (value as Role) : null;
}

/** Users with their roles, by name or id; the repository functions every user service composes. */
export async function findUsers(db: Db, where?: { id?: number; username?: string }): Promise<UserRecord[]> {
  let query = db.selectFrom('users').selectAll();
  if (where?.id !== undefined) query = query.where('id', '=', where.id);
  if (where?.username !== undefined) query = query.where('username', '=', where.username);
  const users = await query.orderBy('id').execute();
  if (users.length === 0) return [];
  const roles = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where(
      'user_id',
      'in',
      users.map((u) => u.id),
    )
    .execute();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    active: u.active === 1,
    mustChangePassword: u.must_change_password === 1,
    createdAt: u.created_at,
    roles: ROLES.filter((role) => roles.some((r) => r.user_id === u.id && toRole(r.role) === role)),
  }));
}

export async function findUser(db: Db, where: { id?: number; username?: string }): Promise<UserRecord | null> {
  return (await findUsers(db, where))[0] ?? null;
}

export async function setRoles(db: Db, userId: number, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  await db
    .insertInto('user_roles')
    .values(roles.map((role) => ({ user_id: userId, role })))
    .execute();
}

/** Active administrators other than `exceptId`: there must always be one. */
export async function countOtherActiveAdmins(db: Db, exceptId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_roles.role', '=', 'admin')
    .where('users.active', '=', 1)
    .where('users.id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function toUserDto(user: UserRecord, keyring: Keyring, now: Date): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt,
    lockedUntil: lockedUntil(keyring, user.username, now)?.toISOString() ?? null,
  };
}
