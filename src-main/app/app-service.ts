import { join } from 'node:path';
import type { ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import type { Call } from '../router/call';

export function setLanguage(call: Call, input: ParsedInputOf<'app.setLanguage'>): null {
  call.connection.language = input.language;
  return null;
}

/** Asks the host (a native dialog in Electron) for a path; a cancelled dialog is CANCELLED. */
export async function chooseFile(call: Call, input: ParsedInputOf<'app.chooseFile'>): Promise<{ path: string }> {
  const { dataDir } = call.office.location;
  const suggested =
    input.purpose === 'logExport'
      ? join(dataDir, 'exports', 'access-log.xlsx')
      : join(dataDir, 'backups', 'kedang.kedang');
  const path = await call.office.host.chooseFile(input.purpose, input.mode, suggested);
  if (!path) throw new KedangError('CANCELLED');
  return { path };
}
