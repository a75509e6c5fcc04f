import type { SalesImportKind } from '../../src-shared/sales/sales';
import type { CipherDatabase } from '../store/cipher-database';
import type { DocState, PlannedLine, SalesSink } from './sales-plan';

/** The table and columns of each kind's lines. */
const TABLES: Record<SalesImportKind, { table: string; date: string }> = {
  sales: { table: 'sales_lines', date: 'sold_on' },
  receipts: { table: 'receipts', date: 'received_on' },
};

/** `doc_ref <> ''` repeats the partial index's condition, so SQLite looks the reference up in that index. */
function docLookup(raw: CipherDatabase, kind: SalesImportKind) {
  return raw.prepare<[string], { import_id: number }>(
    `SELECT import_id FROM ${TABLES[kind].table} WHERE doc_ref = ? AND doc_ref <> '' LIMIT 1`,
  );
}

/**
 * A dry run: writes nothing to the archive. The document references of the
 * lines it accepted are kept, to find a line repeated in the file, in a
 * temporary in-memory table of this connection (about 60 MB at 2,000,000
 * lines, against some 300 MB for a JavaScript set of the same strings);
 * the archive is asked for the others. The whole dry run is one read
 * transaction that is rolled back at the end, temporary table and all.
 */
export class DryRunSink implements SalesSink {
  private readonly lookup;
  private readonly remember;
  private readonly seen;
  private nextProduct = -1;

  constructor(
    private readonly raw: CipherDatabase,
    kind: SalesImportKind,
  ) {
    raw.exec('BEGIN');
    try {
      raw.exec('CREATE TEMP TABLE sales_preview_refs (doc_ref TEXT PRIMARY KEY) WITHOUT ROWID');
      this.lookup = docLookup(raw, kind);
      this.remember = raw.prepare('INSERT OR IGNORE INTO temp.sales_preview_refs (doc_ref) VALUES (?)');
      this.seen = raw.prepare('SELECT 1 FROM temp.sales_preview_refs WHERE doc_ref = ?').pluck();
    } catch (error) {
      raw.exec('ROLLBACK');
      throw error;
    }
  }

  docState(docRef: string): DocState {
    if (this.seen.get(docRef) !== undefined) return 'inFile';
    return this.lookup.get(docRef) ? 'inArchive' : 'ok';
  }

  write(line: PlannedLine): DocState {
    if (!line.docRef) return 'ok';
    // A reference found in the archive was never remembered here: a line of the file is only remembered when free.
    if (this.lookup.get(line.docRef)) return 'inArchive';
    return this.remember.run(line.docRef).changes === 1 ? 'ok' : 'inFile';
  }

  newProduct(): number {
    return this.nextProduct--;
  }

  /** Ends the dry run: the temporary table goes with the rollback. */
  close(): void {
    if (this.raw.inTransaction) this.raw.exec('ROLLBACK');
  }
}

/**
 * The commit: each line is inserted with one prepared statement on the
 * archive's connection, inside the caller's transaction. The unique index
 * on the document reference is the check: a line whose reference is taken
 * fails its insert (only that statement is undone) and is reported as
 * repeated in the file when the taken reference belongs to this import,
 * else as imported before. Nothing is kept per line in memory.
 */
export class ArchiveSink implements SalesSink {
  private readonly insert;
  private readonly lookup;
  private readonly insertProduct;

  constructor(
    raw: CipherDatabase,
    private readonly kind: SalesImportKind,
    private readonly importId: number,
    at: string,
  ) {
    this.lookup = docLookup(raw, kind);
    this.insert =
      kind === 'sales'
        ? raw.prepare(
            `INSERT INTO sales_lines (customer_id, product_id, sold_on, quantity, amount_cents, doc_ref, import_id)
             VALUES (?, ?, ?, ?, ?, ?, ${importId})`,
          )
        : raw.prepare(
            `INSERT INTO receipts (customer_id, received_on, amount_cents, doc_ref, import_id)
             VALUES (?, ?, ?, ?, ${importId})`,
          );
    const insertProduct = raw.prepare('INSERT INTO products (code, name, category, created_at) VALUES (?, ?, ?, ?)');
    this.insertProduct = (code: string, name: string, category: string) =>
      Number(insertProduct.run(code, name, category, at).lastInsertRowid);
  }

  private stateOf(docRef: string): DocState {
    const found = this.lookup.get(docRef);
    if (!found) return 'ok';
    return found.import_id === this.importId ? 'inFile' : 'inArchive';
  }

  docState(docRef: string): DocState {
    return this.stateOf(docRef);
  }

  write(line: PlannedLine): DocState {
    try {
      if (this.kind === 'sales') {
        this.insert.run(line.customerId, line.productId, line.date, line.quantity, line.cents, line.docRef);
      } else {
        this.insert.run(line.customerId, line.date, line.cents, line.docRef);
      }
      return 'ok';
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && line.docRef) {
        const state = this.stateOf(line.docRef);
        if (state !== 'ok') return state;
      }
      throw error;
    }
  }

  newProduct(code: string, name: string, category: string): number {
    return this.insertProduct(code, name, category);
  }
}
