import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { inTransaction } from '../store/transaction';
import { logDetail } from '../../src-shared/log-details';
import { randomBytes, randomUUID } from 'node:crypto';
import type { SetupResultDto, SetupStatusDto } from '../../src-shared/contracts/setup';
import type { ParsedInputOf } from '../../src-shared/contracts';
import { isStrongPassword } from '../../src-shared/passwords';
import { headMac } from '../access-log/chain';
import { appendLogRow } from '../access-log/append';
import { openArchive } from '../archive/open-archive';
import { isKedangError, KedangError, toKedangError } from '../errors';
import { keyringExists, readKeyring, writeKeyring, type Keyring } from '../keyring/keyring-file';
import { wrapKey } from '../keyring/key-slots';
import { newRecoveryCode } from '../keyring/recovery-code';
import type { Call } from '../router/call';

/** What is in the data folder: nothing yet, a usable archive, or a problem to explain. */
export function setupStatus(call: Call): SetupStatusDto {
  const { location } = call.office;
  const dataDir = location.dataDir;
  const hasArchive = existsSync(location.archivePath);
  if (!keyringExists(location.keyringPath)) {
    return hasArchive
      ? { state: 'problem', archiveName: null, problem: 'KEYRING_MISSING', dataDir }
      : { state: 'new', archiveName: null, problem: null, dataDir };
  }
  try {
    const keyring = readKeyring(location.keyringPath);
    if (!hasArchive) return { state: 'problem', archiveName: keyring.archiveName, problem: 'ARCHIVE_MISSING', dataDir };
    return { state: 'ready', archiveName: keyring.archiveName, problem: null, dataDir };
  } catch (error) {
    const problem = isKedangError(error) ? error.code : 'KEYRING_DAMAGED';
    return { state: 'problem', archiveName: null, problem, dataDir };
  }
}

/**
 * Creates the archive, its first administrator and the recovery slot.
 * The database is built under a temporary name and renamed last, so an
 * interrupted setup never leaves a half archive under the real name, and
 * an existing archive or keyring is never overwritten.
 */
export async function createArchive(call: Call, input: ParsedInputOf<'setup.createArchive'>): Promise<SetupResultDto> {
  const { office, connection } = call;
  const { location } = office;
  if (existsSync(location.archivePath) || keyringExists(location.keyringPath)) throw new KedangError('ALREADY_SET_UP');
  if (!isStrongPassword(input.adminPassword)) throw new KedangError('WEAK_PASSWORD');
  try {
    mkdirSync(location.dataDir, { recursive: true });
  } catch (error) {
    throw toKedangError(error);
  }
  const now = office.now();
  const key = randomBytes(32);
  const archiveId = randomUUID();
  const recoveryCode = newRecoveryCode();
  const building = `${location.archivePath}.setup-${process.pid}`;
  rmSync(building, { force: true });
  try {
    const archive = await openArchive(building, key, archiveId, office.clock, { create: true });
    let head;
    try {
      head = await inTransaction(archive.db, async (trx) => {
        const iso = now.toISOString();
        await trx
          .insertInto('archive_meta')
          .values([
            { key: 'archive_id', value: archiveId },
            { key: 'created_at', value: iso },
          ])
          .execute();
        await trx
          .insertInto('settings')
          .values([
            { key: 'archive_name', value: input.archiveName },
            { key: 'idle_lock_minutes', value: '10' },
          ])
          .execute();
        const user = await trx
          .insertInto('users')
          .values({
            username: input.adminUsername,
            display_name: input.adminDisplayName,
            active: 1,
            must_change_password: 0,
            created_at: iso,
            updated_at: iso,
            password_changed_at: iso,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.insertInto('user_roles').values({ user_id: user.id, role: 'admin' }).execute();
        return appendLogRow(trx, archive.logKey, {
          at: now,
          userId: user.id,
          username: input.adminUsername,
          role: 'admin',
          action: 'setup',
          target: input.archiveName,
          outcome: 'success',
          device: connection.device,
          detail: logDetail(['setupDone']),
        });
      });
      const keyring: Keyring = {
        format: 'kedang-keyring',
        version: 1,
        archiveId,
        archiveName: input.archiveName,
        createdAt: now.toISOString(),
        slots: [
          await wrapKey(
            key,
            input.adminPassword,
            archiveId,
            'user',
            input.adminUsername.toLowerCase(),
            office.kdf,
            now,
          ),
          await wrapKey(key, recoveryCode, archiveId, 'recovery', null, office.kdf, now),
        ],
        lockouts: {},
        pendingFailedLogins: [],
        logHead: { ...head, mac: headMac(archive.logKey, head.seq, head.hash) },
        logAlarm: null,
      };
      await archive.close();
      writeKeyring(location.keyringPath, keyring);
    } catch (error) {
      await archive.close();
      throw error;
    }
    renameSync(building, location.archivePath);
    return { recoveryCode, archiveName: input.archiveName };
  } catch (error) {
    rmSync(building, { force: true });
    rmSync(`${building}-wal`, { force: true });
    rmSync(`${building}-shm`, { force: true });
    throw toKedangError(error);
  } finally {
    key.fill(0);
  }
}
