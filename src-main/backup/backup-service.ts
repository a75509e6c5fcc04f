import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { inTransaction } from '../store/transaction';
import { logDetail } from '../../src-shared/log-details';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { ParsedInputOf } from '../../src-shared/contracts';
import type { BackupDto } from '../../src-shared/contracts/backup';
import { appendLogRow } from '../access-log/append';
import { headMac } from '../access-log/chain';
import { kyselyOver } from '../archive/open-archive';
import { isKedangError, KedangError, toKedangError } from '../errors';
import { migrate } from '../store/migrate';
import { openCipherDatabase, snapshotInto, type CipherDatabase } from '../store/cipher-database';
import { sessionOf, type Call } from '../router/call';
import type { Kysely } from 'kysely';
import type { ArchiveSchema } from '../store/schema';

/** A file's size, 0 when it is not there (a WAL file exists only while the archive is open). */
export function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function stamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

/** A user-chosen path: absolute, and never the live archive or its keyring. */
function checkedPath(call: Call, path: string): string {
  if (!isAbsolute(path)) throw new KedangError('INVALID_INPUT', undefined, { path: 'absolute path required' });
  const full = resolve(path);
  const { archivePath, keyringPath } = call.office.location;
  if (full === resolve(archivePath) || full === resolve(keyringPath) || full.startsWith(`${resolve(archivePath)}-`)) {
    throw new KedangError('INVALID_INPUT', undefined, { path: 'this is the live archive' });
  }
  return full;
}

/** The latest backup recorded, with the user name of who made it. */
export async function lastBackup(db: Kysely<ArchiveSchema>): Promise<BackupDto | null> {
  const last = await db
    .selectFrom('backups')
    .innerJoin('users', 'users.id', 'backups.by_user_id')
    .select(['backups.at', 'backups.path', 'backups.bytes', 'users.username'])
    .orderBy('backups.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? { at: last.at, path: last.path, bytes: last.bytes, by: last.username } : null;
}

export async function backupStatus(
  call: Call,
): Promise<{ lastBackup: BackupDto | null; archiveBytes: number; suggestedPath: string }> {
  const { office } = call;
  const { archivePath, dataDir } = office.location;
  return {
    lastBackup: await lastBackup(office.requireArchive().db),
    archiveBytes: fileBytes(archivePath) + fileBytes(`${archivePath}-wal`),
    suggestedPath: join(dataDir, 'backups', `kedang-${stamp(office.now())}.kedang`),
  };
}

/**
 * A consistent, still-encrypted snapshot (VACUUM INTO, never a file copy of
 * a live database), written under a temporary name and renamed when whole.
 * The keyring is copied beside it (`<file>.keyring`): it holds only wrapped
 * keys, and without it a backup could not be opened if the keyring is lost.
 */
export async function createBackup(call: Call, input: ParsedInputOf<'backup.create'>): Promise<BackupDto> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const target = checkedPath(call, input.path);
  const partial = `${target}.partial`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    rmSync(partial, { force: true });
    snapshotInto(office.requireArchive().raw, partial);
    renameSync(partial, target);
    copyFileSync(office.location.keyringPath, `${target}.keyring`);
  } catch (error) {
    rmSync(partial, { force: true });
    throw toKedangError(error);
  }
  const at = office.now().toISOString();
  const bytes = fileBytes(target);
  await office.transaction(async (trx, log) => {
    await trx.insertInto('backups').values({ at, path: target, bytes, by_user_id: session.userId }).execute();
    await log(
      trx,
      office.entry(connection, session, {
        action: 'backup',
        target,
        outcome: 'success',
        detail: logDetail(['bytes', { bytes }]),
      }),
    );
  });
  return { path: target, bytes, at, by: session.username };
}

interface LogTail {
  seq: number;
  hash: string;
}

function lastRow(raw: CipherDatabase): LogTail | null {
  return (
    (raw.prepare('SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1').get() as LogTail | undefined) ?? null
  );
}

/** Opens a backup with the current key; anything else is a foreign or damaged file, reported without changes. */
function openBackup(path: string, key: Buffer, archiveId: string): CipherDatabase {
  if (!existsSync(path)) throw new KedangError('FILE_NOT_FOUND');
  let raw: CipherDatabase;
  try {
    raw = openCipherDatabase(path, key, { create: false, readonly: true });
  } catch (error) {
    if (isKedangError(error) && error.code === 'ARCHIVE_DAMAGED') throw new KedangError('BACKUP_DAMAGED');
    throw new KedangError('BACKUP_FOREIGN');
  }
  const id = raw.prepare("SELECT value FROM archive_meta WHERE key = 'archive_id'").get() as
    { value: string } | undefined;
  if (id?.value !== archiveId) {
    raw.close();
    throw new KedangError('BACKUP_FOREIGN');
  }
  return raw;
}

/**
 * Replaces the archive with a backup of the same archive. The backup's log
 * must be a prefix of the current log; the rows written since the backup
 * are carried over verbatim (they still chain), followed by the restore
 * row, so the audit trail is never lost. The replaced archive is kept
 * beside it as `archive.kedang.before-restore-<time>`. Every session ends.
 */
export async function restoreBackup(
  call: Call,
  input: ParsedInputOf<'backup.restore'>,
): Promise<{ restoredFrom: string; logRowsCarriedOver: number }> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const source = checkedPath(call, input.path);
  const archive = office.requireArchive();
  const { archivePath } = office.location;
  const staging = `${archivePath}.restore-${process.pid}`;
  rmSync(staging, { force: true });

  const backup = openBackup(source, archive.key, archive.archiveId);
  let carried = 0;
  let head: LogTail;
  try {
    const tail = lastRow(backup);
    const current = tail
      ? (archive.raw.prepare('SELECT hash FROM access_log WHERE seq = ?').get(tail.seq) as { hash: string } | undefined)
      : undefined;
    if (!tail || current?.hash !== tail.hash) throw new KedangError('BACKUP_NOT_PREFIX');
    snapshotInto(backup, staging);
  } catch (error) {
    rmSync(staging, { force: true });
    throw toKedangError(error);
  } finally {
    backup.close();
  }

  try {
    const restored = openCipherDatabase(staging, archive.key, { create: false, checkIntegrity: false });
    const db = kyselyOver(restored);
    try {
      await migrate(db as unknown as Kysely<unknown>, office.clock);
      head = await inTransaction(db, async (trx) => {
        const from = lastRow(restored)?.seq ?? 0;
        const newer = await archive.db
          .selectFrom('access_log')
          .selectAll()
          .where('seq', '>', from)
          .orderBy('seq')
          .execute();
        for (const row of newer) await trx.insertInto('access_log').values(row).execute();
        carried = newer.length;
        return appendLogRow(trx, archive.logKey, {
          at: office.now(),
          userId: session.userId,
          username: session.username,
          role: session.roles.join(','),
          action: 'restore',
          target: source,
          outcome: 'success',
          device: connection.device,
          detail: logDetail(['restored', { rows: carried }]),
        });
      });
    } finally {
      await db.destroy();
    }
  } catch (error) {
    rmSync(staging, { force: true });
    throw toKedangError(error);
  }

  // Everyone is logged out before the file is swapped; their logout rows go to the old file,
  // which is kept, and the restore row in the new file names this moment.
  const logKey = Buffer.from(archive.logKey);
  for (const other of [...office.sessions.values()]) office.sessions.delete(other.id);
  connection.sessionId = null;
  await office.closeIfIdle();
  try {
    renameSync(archivePath, `${archivePath}.before-restore-${stamp(office.now())}`);
    renameSync(staging, archivePath);
    office.updateKeyring((k) => {
      k.logHead = { ...head, mac: headMac(logKey, head.seq, head.hash) };
    });
  } catch (error) {
    throw toKedangError(error);
  } finally {
    logKey.fill(0);
  }
  return { restoredFrom: source, logRowsCarriedOver: carried };
}
