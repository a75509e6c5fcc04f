import { z } from 'zod';
import { ROLES, type Role } from '../roles';
import { channel, needs } from './channel';

export const UsernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/);
export const DisplayNameSchema = z.string().trim().min(1).max(40);
/** Strength is checked by the service (WEAK_PASSWORD); the schema only bounds the size. */
export const PasswordSchema = z.string().min(1).max(200);
export const RoleSchema = z.enum(ROLES);
export const UserIdSchema = z.number().int().positive();

export interface UserDto {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  /** ISO time until which logins are locked after failures, or null. */
  lockedUntil: string | null;
}

const RolesSchema = z.array(RoleSchema).min(1).max(ROLES.length);

export const usersContract = {
  'users.list': channel<UserDto[]>()({ input: z.strictObject({}), access: needs('users.manage') }),
  'users.create': channel<UserDto>()({
    input: z.strictObject({
      username: UsernameSchema,
      displayName: DisplayNameSchema,
      roles: RolesSchema,
      temporaryPassword: PasswordSchema,
      /** The explicit decision to combine separate duties (三员分立); it is logged. */
      allowDutyOverlap: z.boolean().optional(),
    }),
    access: needs('users.manage'),
  }),
  'users.update': channel<UserDto>()({
    input: z.strictObject({
      id: UserIdSchema,
      displayName: DisplayNameSchema,
      roles: RolesSchema,
      allowDutyOverlap: z.boolean().optional(),
    }),
    access: needs('users.manage'),
  }),
  /** Deactivating removes the user's key slot; reactivating needs a new temporary password. */
  'users.setActive': channel<UserDto>()({
    input: z.strictObject({
      id: UserIdSchema,
      active: z.boolean(),
      temporaryPassword: PasswordSchema.optional(),
    }),
    access: needs('users.manage'),
  }),
  'users.resetPassword': channel<UserDto>()({
    input: z.strictObject({ id: UserIdSchema, temporaryPassword: PasswordSchema }),
    access: needs('users.manage'),
  }),
};
