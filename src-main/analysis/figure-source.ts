import type { CompiledQuery, Kysely } from 'kysely';
import type { CipherDatabase } from '../store/cipher-database';
import type { ArchiveSchema } from '../store/schema';

/**
 * Where the analyses read their figures: the statements each analysis runs, and the aggregate
 * functions some of them call. The service reads the open archive through it; the benchmark
 * reads an unencrypted copy through raw better-sqlite3 with the very same loaders, so that the
 * two sides run exactly the same SQL.
 */
export interface FigureSource {
  /** The rows of one statement. */
  rows<R>(statement: CompiledQuery): Promise<R[]>;
  /**
   * Defines (or redefines) an aggregate function on the connection for the statements that
   * follow. SQLite-specific: it keeps per-line work (one call per sales line, no rows handed
   * over) where SQL alone would need a sort or a pivot column per group.
   */
  defineAggregate(name: string, aggregate: JsAggregate): void;
}

/** An aggregate implemented in JavaScript (better-sqlite3's `aggregate`): start, step per row, result. */
export interface JsAggregate {
  start: () => unknown;
  // The arity of `step` is the function's number of SQL arguments (plus the accumulator).
  step: (...args: never[]) => unknown;
  result: (accumulator: never) => unknown;
}

/** The open archive: statements through Kysely, aggregate functions on its connection. */
export function archiveSource(db: Kysely<ArchiveSchema>, raw: CipherDatabase): FigureSource {
  return {
    async rows<R>(statement: CompiledQuery) {
      return (await db.executeQuery<R>(statement)).rows as R[];
    },
    defineAggregate(name, aggregate) {
      raw.aggregate(name, aggregate as Parameters<CipherDatabase['aggregate']>[1]);
    },
  };
}

/** Any better-sqlite3 database (the benchmark's unencrypted copy): the same statements, prepared and run directly. */
export function plainSource(raw: CipherDatabase): FigureSource {
  return {
    async rows<R>(statement: CompiledQuery) {
      return raw.prepare(statement.sql).all(...statement.parameters) as R[];
    },
    defineAggregate(name, aggregate) {
      raw.aggregate(name, aggregate as Parameters<CipherDatabase['aggregate']>[1]);
    },
  };
}
