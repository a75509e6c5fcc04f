import { createHmac, hkdfSync } from 'node:crypto';

/** The hash before the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** K_log, derived from the archive key so that only a key holder can extend the chain. */
export function deriveLogKey(archiveKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', archiveKey, Buffer.from('kedang'), Buffer.from('access-log chain v1'), 32));
}

/** The columns that the hash covers, in a fixed order. */
export interface ChainedRow {
  seq: number;
  at: string;
  user_id: number | null;
  username: string | null;
  role: string | null;
  action: string;
  target: string | null;
  outcome: string;
  device: string | null;
  detail: string | null;
}

/** hash_n = HMAC-SHA256(K_log, hash_{n-1} || row_n) */
export function chainHash(logKey: Buffer, previousHash: string, row: ChainedRow): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.user_id,
    row.username,
    row.role,
    row.action,
    row.target,
    row.outcome,
    row.device,
    row.detail,
  ]);
  return createHmac('sha256', logKey).update(previousHash).update('\n').update(canonical).digest('hex');
}

/** Authenticates the head kept in the keyring, so it cannot be reset or moved back unnoticed. */
export function headMac(logKey: Buffer, seq: number, hash: string): string {
  return createHmac('sha256', logKey).update(`head:${seq}:${hash}`).digest('hex');
}
