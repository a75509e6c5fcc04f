import { existsSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { KedangError, toKedangError } from '../errors';

/**
 * Everything SQLite- and cipher-specific lives here, so that a later
 * multi-seat edition can run the same services over another dialect.
 *
 * The cipher is SQLCipher 4 compatible (`cipher=sqlcipher`, `legacy=4`) so
 * that, with its key, the archive opens in standard SQLCipher tools: the
 * archive must outlive this software.
 */
export type CipherDatabase = Database.Database;

/** "KDNG" — marks a file as a Kedang archive once it is decrypted. */
export const KEDANG_APPLICATION_ID = 0x4b444e47;

function keyPragma(key: Buffer): string {
  if (key.length !== 32) throw new Error('archive key must be 32 bytes');
  return `key = "x'${key.toString('hex')}'"`;
}

/**
 * Opens (or creates, with `create`) an encrypted database. The key is set
 * before any other statement; the first read proves the key, and a quick
 * integrity check reads every page, so a damaged page is reported at unlock
 * rather than in the middle of someone's work.
 */
export function openCipherDatabase(
  path: string,
  key: Buffer,
  options: { create: boolean; checkIntegrity?: boolean; readonly?: boolean },
): CipherDatabase {
  let db: CipherDatabase;
  try {
    db = new Database(path, { fileMustExist: !options.create, readonly: options.readonly ?? false });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_CANTOPEN') {
      throw new KedangError(options.create || existsSync(path) ? 'READ_ONLY' : 'ARCHIVE_MISSING');
    }
    throw toKedangError(error);
  }
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(keyPragma(key));
    // The first read: fails with SQLITE_NOTADB for a wrong key or a foreign file.
    db.prepare('SELECT count(*) AS n FROM sqlite_schema').get();
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Pages are decrypted into this cache; 128 MiB holds the list columns and search index of
    // 100,000 cards, so a search does not decrypt the same pages again (docs/BENCHMARKS.md).
    db.pragma('cache_size = -131072');
    db.pragma('temp_store = MEMORY');
    if (options.create) {
      db.pragma(`application_id = ${KEDANG_APPLICATION_ID}`);
    } else {
      const appId = db.pragma('application_id', { simple: true });
      if (appId !== KEDANG_APPLICATION_ID) throw new KedangError('ARCHIVE_UNREADABLE');
      if (options.checkIntegrity !== false) assertIntact(db);
    }
    return db;
  } catch (error) {
    db.close();
    throw toKedangError(error);
  }
}

/** Reads every in-use page (each is authenticated by the cipher's HMAC) and checks the b-trees. */
export function assertIntact(db: CipherDatabase): void {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') throw new KedangError('ARCHIVE_DAMAGED');
}

/** A consistent, encrypted copy of a live database: the backup primitive (never a file copy). */
export function snapshotInto(db: CipherDatabase, targetPath: string): void {
  try {
    db.prepare('VACUUM INTO ?').run(targetPath);
  } catch (error) {
    throw toKedangError(error);
  }
}

/** Writes the WAL back into the main file, so a closed archive is one self-contained file. */
export function checkpoint(db: CipherDatabase): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
