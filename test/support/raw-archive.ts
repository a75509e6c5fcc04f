import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { readKeyring } from '../../src-main/keyring/keyring-file';
import { unwrapKey } from '../../src-main/keyring/key-slots';
import { userSlot } from '../../src-main/keyring/slots-of';

/** The archive key, unwrapped the way a login does, for tests that act as an attacker holding it. */
export async function archiveKeyOf(dir: string, username: string, password: string): Promise<Buffer> {
  const keyring = readKeyring(join(dir, 'archive.keyring'));
  const slot = userSlot(keyring, username);
  const key = slot && (await unwrapKey(slot, password, keyring.archiveId));
  if (!key) throw new Error('cannot unwrap the test key');
  return key;
}

/** Opens the closed archive directly with SQLCipher settings, bypassing Kedang (an attacker with the key). */
export function openRaw(dir: string, key: Buffer): Database.Database {
  const db = new Database(join(dir, 'archive.kedang'));
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  return db;
}

export function bytesOf(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}
