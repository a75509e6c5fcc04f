import { Kysely, SqliteDialect } from 'kysely';
import { KedangError } from '../errors';
import { deriveLogKey } from '../access-log/chain';
import { checkpoint, openCipherDatabase, type CipherDatabase } from '../store/cipher-database';
import { migrate } from '../store/migrate';
import type { ArchiveSchema } from '../store/schema';

/** An unlocked archive. The key stays in this process and is wiped on close. */
export interface OpenArchive {
  raw: CipherDatabase;
  db: Kysely<ArchiveSchema>;
  key: Buffer;
  logKey: Buffer;
  archiveId: string;
  close(): Promise<void>;
}

export function kyselyOver(raw: CipherDatabase): Kysely<ArchiveSchema> {
  return new Kysely<ArchiveSchema>({ dialect: new SqliteDialect({ database: raw }) });
}

/**
 * Opens the archive with its key, checks that it is the archive the keyring
 * belongs to, and migrates it. Nothing is written to a database that turns
 * out to be foreign, damaged or too new.
 */
export async function openArchive(
  path: string,
  key: Buffer,
  expectedArchiveId: string,
  now: () => Date,
  options: { create?: boolean; checkIntegrity?: boolean } = {},
): Promise<OpenArchive> {
  const raw = openCipherDatabase(path, key, {
    create: options.create ?? false,
    checkIntegrity: options.checkIntegrity ?? true,
  });
  const db = kyselyOver(raw);
  const ownKey = Buffer.from(key);
  const logKey = deriveLogKey(ownKey);
  const archive: OpenArchive = {
    raw,
    db,
    key: ownKey,
    logKey,
    archiveId: expectedArchiveId,
    async close() {
      try {
        checkpoint(raw);
      } catch {
        // A damaged or full disk must not stop the key from being wiped.
      }
      await db.destroy();
      ownKey.fill(0);
      logKey.fill(0);
    },
  };
  try {
    if (!options.create) {
      const hasMeta = raw.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'archive_meta'").get();
      if (!hasMeta) throw new KedangError('ARCHIVE_UNREADABLE');
      const row = raw.prepare("SELECT value FROM archive_meta WHERE key = 'archive_id'").get() as
        { value: string } | undefined;
      if (row?.value !== expectedArchiveId) throw new KedangError('ARCHIVE_UNREADABLE');
    }
    await migrate(db as unknown as Kysely<unknown>, now);
    return archive;
  } catch (error) {
    await archive.close();
    throw error;
  }
}
