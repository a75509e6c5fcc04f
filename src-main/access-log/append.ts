import type { Kysely, Transaction } from 'kysely';
import type { LogAction, LogOutcome } from '../../src-shared/access-log';
import type { ArchiveSchema } from '../store/schema';
import { chainHash, GENESIS_HASH } from './chain';

/** One event for the access log. Never a password, key or card payload in `detail`. */
export interface LogEntry {
  at: Date;
  userId: number | null;
  username: string | null;
  role: string | null;
  action: LogAction;
  target: string | null;
  outcome: LogOutcome;
  device: string | null;
  detail: string | null;
}

export interface LogHead {
  seq: number;
  hash: string;
}

/**
 * Appends one chained row inside the caller's transaction, so a change and
 * its log row commit together or not at all.
 */
export async function appendLogRow(
  db: Kysely<ArchiveSchema> | Transaction<ArchiveSchema>,
  logKey: Buffer,
  entry: LogEntry,
): Promise<LogHead> {
  const last = await db
    .selectFrom('access_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: entry.at.toISOString(),
    user_id: entry.userId,
    username: entry.username,
    role: entry.role,
    action: entry.action,
    target: entry.target,
    outcome: entry.outcome,
    device: entry.device,
    detail: entry.detail,
  };
  const hash = chainHash(logKey, last?.hash ?? GENESIS_HASH, row);
  await db
    .insertInto('access_log')
    .values({ ...row, hash })
    .execute();
  return { seq: row.seq, hash };
}

/** The last row of the log as the database has it. */
export async function lastLogRow(db: Kysely<ArchiveSchema>): Promise<LogHead | null> {
  const last = await db
    .selectFrom('access_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ?? null;
}
