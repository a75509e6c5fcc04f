import { z } from 'zod';
import { channel, needs } from './channel';

export interface BackupDto {
  path: string;
  bytes: number;
  at: string;
  by: string;
}

export const backupContract = {
  'backup.status': channel<{ lastBackup: BackupDto | null; archiveBytes: number; suggestedPath: string }>()({
    input: z.strictObject({}),
    access: needs('backup.manage'),
  }),
  /** A consistent, still-encrypted snapshot of the open archive (VACUUM INTO). */
  'backup.create': channel<BackupDto>()({
    input: z.strictObject({ path: z.string().min(1).max(1000) }),
    access: needs('backup.manage'),
  }),
  /**
   * Replaces the archive with a backup of the same archive after explicit
   * confirmation. Log rows written since the backup are carried over, so the
   * audit trail is never lost. Every session ends afterwards.
   */
  'backup.restore': channel<{ restoredFrom: string; logRowsCarriedOver: number }>()({
    input: z.strictObject({ path: z.string().min(1).max(1000), confirm: z.literal(true) }),
    access: needs('backup.manage'),
  }),
};
