import type { LogVerificationDto } from '../../src-shared/contracts/access-log';
import type { CipherDatabase } from '../store/cipher-database';
import type { Keyring } from '../keyring/keyring-file';
import { chainHash, GENESIS_HASH, headMac, type ChainedRow } from './chain';

type StoredRow = ChainedRow & { hash: string };

/**
 * Walks the whole chain in seq order and compares its end with the head
 * kept in the keyring. Reports the first row that does not verify:
 * a changed row (its hash, or a later one, no longer matches), a missing
 * row (a gap in seq), a truncated log (rows after the last one are gone),
 * a rollback (detected at open, kept as an alarm in the keyring).
 *
 * Reads with the raw driver's iterator so a log of millions of rows is
 * checked in constant memory.
 */
export function verifyLog(
  raw: CipherDatabase,
  logKey: Buffer,
  keyring: Pick<Keyring, 'logHead' | 'logAlarm'>,
  now: Date,
): LogVerificationDto {
  let previous = GENESIS_HASH;
  let expectedSeq = 1;
  let checkedRows = 0;
  let firstBad: { seq: number; problem: NonNullable<LogVerificationDto['problem']> } | null = null;
  const head = keyring.logHead;
  let hashAtHead: string | null = null;

  const rows = raw
    .prepare(
      'SELECT seq, at, user_id, username, role, action, target, outcome, device, detail, hash FROM access_log ORDER BY seq',
    )
    .iterate() as IterableIterator<StoredRow>;
  let lastSeq = 0;
  for (const row of rows) {
    lastSeq = row.seq;
    checkedRows += 1;
    if (head && row.seq === head.seq) hashAtHead = row.hash;
    if (firstBad) continue;
    if (row.seq !== expectedSeq) {
      firstBad = { seq: expectedSeq, problem: 'row_missing' };
      continue;
    }
    if (chainHash(logKey, previous, row) !== row.hash) {
      firstBad = { seq: row.seq, problem: 'row_changed' };
      continue;
    }
    previous = row.hash;
    expectedSeq += 1;
  }

  if (!firstBad && keyring.logAlarm) {
    firstBad = { seq: keyring.logAlarm.firstBadSeq, problem: keyring.logAlarm.problem };
  }
  if (!firstBad) {
    if (!head || headMac(logKey, head.seq, head.hash) !== head.mac) {
      firstBad = { seq: lastSeq + 1, problem: 'head_missing' };
    } else if (head.seq > lastSeq) {
      firstBad = { seq: lastSeq + 1, problem: 'truncated' };
    } else if (hashAtHead !== head.hash) {
      firstBad = { seq: head.seq, problem: 'row_changed' };
    }
  }
  return {
    ok: firstBad === null,
    checkedRows,
    firstBadSeq: firstBad?.seq ?? null,
    problem: firstBad?.problem ?? null,
    lastSeq,
    headSeq: head?.seq ?? 0,
    verifiedAt: now.toISOString(),
  };
}

/**
 * At open: does the database still hold the head the keyring remembers?
 * If not, the file was rolled back to an older copy (or cut short) while
 * closed. Returns the alarm to keep, or null.
 */
export function checkHeadAtOpen(
  raw: CipherDatabase,
  logKey: Buffer,
  keyring: Pick<Keyring, 'logHead'>,
): { problem: 'rolled_back'; firstBadSeq: number } | null {
  const head = keyring.logHead;
  if (!head || headMac(logKey, head.seq, head.hash) !== head.mac) return null;
  const row = raw.prepare('SELECT hash FROM access_log WHERE seq = ?').get(head.seq) as { hash: string } | undefined;
  if (row?.hash === head.hash) return null;
  const last = raw.prepare('SELECT max(seq) AS seq FROM access_log').get() as { seq: number | null };
  const firstBadSeq = row ? head.seq : (last.seq ?? 0) + 1;
  return { problem: 'rolled_back', firstBadSeq };
}
