import { sql, type Kysely } from 'kysely';
import { inTransaction } from './transaction';
import { KedangError } from '../errors';
import { MIGRATIONS, LATEST_SCHEMA_VERSION, type Migration } from './migrations';

/**
 * Brings a database up to the code's schema, each migration in its own
 * transaction. A database written by a newer version is refused untouched.
 */
export async function migrate(
  db: Kysely<unknown>,
  now: () => Date,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<{ from: number; to: number }> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`.execute(db);
  const row = await sql<{ v: number | null }>`SELECT max(version) AS v FROM schema_migrations`.execute(db);
  const from = row.rows[0]?.v ?? 0;
  const latest = migrations === MIGRATIONS ? LATEST_SCHEMA_VERSION : (migrations.at(-1)?.version ?? 0);
  if (from > latest) throw new KedangError('ARCHIVE_TOO_NEW', { version: from, supported: latest });
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    await inTransaction(db, async (trx) => {
      await migration.up(trx);
      await sql`INSERT INTO schema_migrations (version, name, applied_at)
        VALUES (${migration.version}, ${migration.name}, ${now().toISOString()})`.execute(trx);
    });
  }
  return { from, to: latest };
}
