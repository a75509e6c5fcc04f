import { z } from 'zod';
import type { ErrorCode } from '../errors';
import { channel, PUBLIC } from './channel';
import { PasswordSchema, UsernameSchema, DisplayNameSchema } from './users';

export interface SetupStatusDto {
  /** new: nothing here yet; ready: archive and keyring present; problem: something is wrong, see `problem`. */
  state: 'new' | 'ready' | 'problem';
  archiveName: string | null;
  problem: ErrorCode | null;
  dataDir: string;
}

export interface SetupResultDto {
  /** Shown once, printable; restores administrator access if every admin password is lost. */
  recoveryCode: string;
  archiveName: string;
}

export const ArchiveNameSchema = z.string().trim().min(1).max(60);

export const setupContract = {
  'setup.status': channel<SetupStatusDto>()({ input: z.strictObject({}), access: PUBLIC }),
  'setup.createArchive': channel<SetupResultDto>()({
    input: z.strictObject({
      archiveName: ArchiveNameSchema,
      adminUsername: UsernameSchema,
      adminDisplayName: DisplayNameSchema,
      adminPassword: PasswordSchema,
    }),
    access: PUBLIC,
  }),
};
