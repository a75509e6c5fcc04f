import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { toKedangError } from '../../errors';

/**
 * Writes a workbook beside its destination and moves it into place only
 * when it is complete, so that a failed export never leaves half a
 * confidential file (or a damaged one over an older good one) behind.
 */
export async function writeWorkbookFile(path: string, write: (partPath: string) => Promise<void>): Promise<void> {
  const part = `${path}.part`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await write(part);
    await rename(part, path);
  } catch (error) {
    await rm(part, { force: true }).catch(() => undefined);
    throw toKedangError(error);
  }
}
