import { z } from 'zod';
import type { Permission } from '../permissions';
import type { Role } from '../roles';
import { channel, PUBLIC, SESSION } from './channel';
import { PasswordSchema, UsernameSchema } from './users';

export interface SessionDto {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Permission[];
  /** While true, only changing the password and logging out are allowed. */
  mustChangePassword: boolean;
  idleLockMinutes: number;
  archiveName: string;
}

export const RecoveryCodeSchema = z.string().trim().min(10).max(80);

export const authContract = {
  'auth.session': channel<SessionDto | null>()({ input: z.strictObject({}), access: PUBLIC }),
  'auth.login': channel<SessionDto>()({
    input: z.strictObject({ username: z.string().trim().min(1).max(64), password: PasswordSchema }),
    access: PUBLIC,
  }),
  'auth.logout': channel<null>()({
    input: z.strictObject({}),
    access: { kind: 'session', duringPasswordChange: true },
  }),
  /** Called by the window on user activity so the idle lock counts from the last real use. */
  'auth.touch': channel<null>()({ input: z.strictObject({}), access: SESSION }),
  'auth.changePassword': channel<SessionDto>()({
    input: z.strictObject({ currentPassword: PasswordSchema, newPassword: PasswordSchema }),
    access: { kind: 'session', duringPasswordChange: true },
  }),
  /** Restores access to an administrator account with the recovery code, and issues a new code. */
  'auth.recover': channel<{ recoveryCode: string }>()({
    input: z.strictObject({
      recoveryCode: RecoveryCodeSchema,
      adminUsername: UsernameSchema,
      newPassword: PasswordSchema,
    }),
    access: PUBLIC,
  }),
};
