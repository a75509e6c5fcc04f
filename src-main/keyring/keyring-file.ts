import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { KedangError, toKedangError } from '../errors';

/**
 * The keyring file beside the archive (DESIGN.md, "The store"): key slots
 * like LUKS, login lockouts that survive a restart, failed logins waiting
 * for the archive to be open, and the access log's head kept outside the
 * database. Slots are authenticated by AES-GCM; the head by an HMAC under
 * the log key.
 */
const B64 = z.string().regex(/^[A-Za-z0-9+/=]*$/);

export const KeySlotSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['user', 'recovery']),
  /** Lower-case user name for user slots, used to find the slot at login. */
  username: z.string().nullable(),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: B64,
  }),
  iv: B64,
  data: B64,
  tag: B64,
  createdAt: z.string(),
});
export type KeySlot = z.infer<typeof KeySlotSchema>;

export const KeyringSchema = z.object({
  format: z.literal('kedang-keyring'),
  version: z.literal(1),
  archiveId: z.string().min(1),
  archiveName: z.string(),
  createdAt: z.string(),
  slots: z.array(KeySlotSchema),
  lockouts: z.record(z.string(), z.object({ failures: z.number().int(), lockedUntil: z.string().nullable() })),
  pendingFailedLogins: z.array(
    z.object({ at: z.string(), username: z.string(), device: z.string(), reason: z.string() }),
  ),
  logHead: z.object({ seq: z.number().int(), hash: z.string(), mac: z.string() }).nullable(),
  /** Set when an open found the log behind its head: the evidence survives later appends. */
  logAlarm: z
    .object({ at: z.string(), problem: z.enum(['rolled_back', 'truncated']), firstBadSeq: z.number().int() })
    .nullable(),
});
export type Keyring = z.infer<typeof KeyringSchema>;

/** Reads and validates the keyring; missing and damaged are distinct, clear errors. */
export function readKeyring(path: string): Keyring {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') throw new KedangError('KEYRING_MISSING');
    throw toKedangError(error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KedangError('KEYRING_DAMAGED');
  }
  const result = KeyringSchema.safeParse(parsed);
  if (!result.success) throw new KedangError('KEYRING_DAMAGED');
  return result.data;
}

export function keyringExists(path: string): boolean {
  return existsSync(path);
}

/**
 * Replaces the keyring atomically: write a temporary file, fsync it, rename
 * over the old one, fsync the folder. A crash leaves the old or the new
 * keyring, never half of one.
 */
export function writeKeyring(path: string, keyring: Keyring): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      // writeFileSync on a descriptor loops over short writes (a nearly full disk writes part, then fails).
      writeFileSync(fd, JSON.stringify(keyring, null, 1));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    syncFolder(dirname(path));
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw toKedangError(error);
  }
}

function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms (Windows) cannot open a folder; the rename is still atomic there.
  }
}

/** Read-modify-write, re-reading the file each time so another process's change is not lost. */
export function updateKeyring(path: string, change: (keyring: Keyring) => void): Keyring {
  const keyring = readKeyring(path);
  change(keyring);
  writeKeyring(path, keyring);
  return keyring;
}
