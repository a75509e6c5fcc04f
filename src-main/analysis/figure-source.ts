import type { CompiledQuery, Kysely } from 'kysely';
import type { CipherDatabase } from '../store/cipher-database';
import type { ArchiveSchema } from '../store/schema';

/**
 * Where the analyses read their figures: the statements each analysis runs, on one connection
 * (whose sales lines line-columns.ts holds). The service reads the open archive through it; the
 * benchmark reads an unencrypted copy through raw better-sqlite3 with the very same loaders, so
 * that the two sides run exactly the same SQL.
 */
export interface FigureSource {
  /** The connection read (the key of what line-columns.ts holds for it). */
  readonly database: object;
  /** The rows of one statement. */
  rows<R>(statement: CompiledQuery): Promise<R[]>;
}

/** The open archive: statements through Kysely (inside the caller's read transaction). */
export function archiveSource(db: Kysely<ArchiveSchema>, raw: CipherDatabase): FigureSource {
  return {
    database: raw,
    async rows<R>(statement: CompiledQuery) {
      return (await db.executeQuery<R>(statement)).rows as R[];
    },
  };
}

/** Any better-sqlite3 database (the benchmark's unencrypted copy): the same statements, prepared and run directly. */
export function plainSource(raw: CipherDatabase): FigureSource {
  return {
    database: raw,
    async rows<R>(statement: CompiledQuery) {
      return raw.prepare(statement.sql).all(...statement.parameters) as R[];
    },
  };
}
