import type { Kysely, Transaction } from 'kysely';

/**
 * Runs work in one transaction and, on failure, throws the error that
 * caused it. Kysely's own `transaction()` rolls back after an error and
 * throws the rollback's error if that fails — and SQLite has already
 * rolled back by itself after SQLITE_FULL or an I/O error, so the rollback
 * fails with "no transaction is active" and the real cause (a full disk)
 * would be lost.
 */
export async function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const trx = await db.startTransaction().execute();
  let result: T;
  try {
    result = await work(trx);
    await trx.commit().execute();
  } catch (error) {
    try {
      await trx.rollback().execute();
    } catch {
      // Already rolled back by SQLite; the original error is what the user needs to see.
    }
    throw error;
  }
  return result;
}
