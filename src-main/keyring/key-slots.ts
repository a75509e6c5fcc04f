import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scrypt as scryptCallback } from 'node:crypto';
import type { KeySlot } from './keyring-file';

/** scrypt cost for a slot (DESIGN.md: N=2^17, r=8, p=1). Tests pass a cheaper one. */
export interface KdfCost {
  N: number;
  r: number;
  p: number;
}

export const DESIGN_KDF: KdfCost = { N: 2 ** 17, r: 8, p: 1 };

function scrypt(secret: string, salt: Buffer, cost: KdfCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is below N=2^17.
    const maxmem = 256 * cost.N * cost.r + 1024 * 1024;
    scryptCallback(secret.normalize('NFC'), salt, 32, { ...cost, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Binds a slot to its archive and owner, so a slot cannot be moved to another user or keyring. */
function slotAad(archiveId: string, kind: KeySlot['kind'], username: string | null): Buffer {
  return Buffer.from(`kedang-slot:${archiveId}:${kind}:${username ?? ''}`, 'utf8');
}

/** Wraps the archive key under a secret (a password or the recovery code). */
export async function wrapKey(
  archiveKey: Buffer,
  secret: string,
  archiveId: string,
  kind: KeySlot['kind'],
  username: string | null,
  cost: KdfCost,
  now: Date,
): Promise<KeySlot> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const wrappingKey = await scrypt(secret, salt, cost);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(slotAad(archiveId, kind, username));
  const data = Buffer.concat([cipher.update(archiveKey), cipher.final()]);
  wrappingKey.fill(0);
  return {
    id: randomUUID(),
    kind,
    username,
    kdf: { name: 'scrypt', ...cost, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    data: data.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    createdAt: now.toISOString(),
  };
}

/** The archive key, or null when the secret is wrong (or the slot was altered). */
export async function unwrapKey(slot: KeySlot, secret: string, archiveId: string): Promise<Buffer | null> {
  const { N, r, p } = slot.kdf;
  const wrappingKey = await scrypt(secret, Buffer.from(slot.kdf.salt, 'base64'), { N, r, p });
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(slotAad(archiveId, slot.kind, slot.username));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(slot.data, 'base64')), decipher.final()]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  } finally {
    wrappingKey.fill(0);
  }
}

/**
 * Spends the same scrypt work as a real unwrap, so a missing user name
 * takes as long as a wrong password and cannot be told apart by timing.
 */
export async function spendUnwrapTime(cost: KdfCost): Promise<void> {
  (await scrypt('no such user', randomBytes(16), cost)).fill(0);
}
