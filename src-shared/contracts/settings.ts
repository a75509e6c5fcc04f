import { z } from 'zod';
import { channel, needs } from './channel';

export interface SettingsDto {
  archiveName: string;
  /** Minutes without use after which a session locks (DESIGN.md: default 10). */
  idleLockMinutes: number;
}

export const settingsContract = {
  'settings.get': channel<SettingsDto>()({ input: z.strictObject({}), access: needs('settings.manage') }),
  'settings.update': channel<SettingsDto>()({
    input: z.strictObject({ idleLockMinutes: z.number().int().min(1).max(120) }),
    access: needs('settings.manage'),
  }),
};
