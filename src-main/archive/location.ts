import { join } from 'node:path';

/** Where one archive lives: the encrypted database and its keyring, side by side. */
export interface ArchiveLocation {
  dataDir: string;
  archivePath: string;
  keyringPath: string;
}

export function archiveLocation(dataDir: string): ArchiveLocation {
  return {
    dataDir,
    archivePath: join(dataDir, 'archive.kedang'),
    keyringPath: join(dataDir, 'archive.keyring'),
  };
}
