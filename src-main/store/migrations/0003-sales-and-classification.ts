import { sql, type Kysely } from 'kysely';

/**
 * Sales lines, receipts and the product catalogue (imported from the ERP), the
 * derived classes of each customer (lifecycle and volume tier, with their
 * recorded manual overrides), and what the analyses need to read fast.
 * Frozen once landed: later changes go into new numbered migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL COLLATE NOCASE UNIQUE,
    name TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
  )`.execute(db);

  // One row per imported file. The file's SHA-256 is unique per kind, so the same ERP export
  // imported twice is refused instead of counted twice.
  await sql`CREATE TABLE sales_imports (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('sales', 'receipts')),
    file_name TEXT NOT NULL,
    file_hash TEXT NOT NULL,
    lines INTEGER NOT NULL,
    amount_cents INTEGER NOT NULL,
    first_date TEXT,
    last_date TEXT,
    at TEXT NOT NULL,
    by_username TEXT NOT NULL,
    UNIQUE (kind, file_hash)
  )`.execute(db);

  // Amounts are whole cents (integers), so sums and shares are exact; dates are ISO YYYY-MM-DD.
  // doc_ref is the ERP's document and line number when the file has one: a line already imported
  // from another file is recognised by it.
  await sql`CREATE TABLE sales_lines (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    product_id INTEGER NOT NULL REFERENCES products(id),
    sold_on TEXT NOT NULL,
    quantity REAL NOT NULL,
    amount_cents INTEGER NOT NULL,
    doc_ref TEXT NOT NULL DEFAULT '',
    import_id INTEGER NOT NULL REFERENCES sales_imports(id)
  )`.execute(db);
  // Covering indexes: per customer (grade, region, Pareto, credit, derived classes read a
  // customer's lines in date order without touching the table) and per product (product totals
  // and cross-tabs group in index order, without a sort).
  await sql`CREATE INDEX sales_by_customer ON sales_lines(customer_id, sold_on, amount_cents, product_id, quantity)`.execute(
    db,
  );
  await sql`CREATE INDEX sales_by_product ON sales_lines(product_id, sold_on, customer_id, amount_cents, quantity)`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX sales_by_doc_ref ON sales_lines(doc_ref) WHERE doc_ref <> ''`.execute(db);

  await sql`CREATE TABLE receipts (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    received_on TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    doc_ref TEXT NOT NULL DEFAULT '',
    import_id INTEGER NOT NULL REFERENCES sales_imports(id)
  )`.execute(db);
  await sql`CREATE INDEX receipts_by_customer ON receipts(customer_id, received_on, amount_cents)`.execute(db);
  await sql`CREATE UNIQUE INDEX receipts_by_doc_ref ON receipts(doc_ref) WHERE doc_ref <> ''`.execute(db);

  // Imported lines are facts from the ERP: never changed or removed here.
  for (const table of ['sales_lines', 'receipts']) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
         BEGIN SELECT RAISE(ABORT, 'imported lines cannot be changed'); END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
         BEGIN SELECT RAISE(ABORT, 'imported lines cannot be deleted'); END`,
      )
      .execute(db);
  }

  // Derived classes on the list row: the computed value, the override ('' = none) and the
  // effective value the list filters and sorts by. Sales customers are matched by exact name too.
  await sql`ALTER TABLE customers ADD COLUMN lifecycle TEXT NOT NULL DEFAULT 'potential'`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN lifecycle_derived TEXT NOT NULL DEFAULT 'potential'`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN lifecycle_override TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN volume_tier TEXT NOT NULL DEFAULT 'scattered'`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN volume_tier_derived TEXT NOT NULL DEFAULT 'scattered'`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN volume_tier_override TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN first_sale_on TEXT`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN last_sale_on TEXT`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN sales_12m_cents INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`CREATE INDEX customers_by_lifecycle ON customers(lifecycle)`.execute(db);
  await sql`CREATE INDEX customers_by_volume_tier ON customers(volume_tier)`.execute(db);
  await sql`CREATE INDEX customers_by_name ON customers(name)`.execute(db);

  // Every manual override of a derived class, and its removal (value ''): who, when and why.
  await sql`CREATE TABLE class_overrides (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    axis TEXT NOT NULL CHECK (axis IN ('lifecycle', 'volumeTier')),
    value TEXT NOT NULL,
    note TEXT NOT NULL,
    at TEXT NOT NULL,
    by_username TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX class_overrides_by_customer ON class_overrides(customer_id, id)`.execute(db);
  await sql`CREATE TRIGGER class_overrides_no_update BEFORE UPDATE ON class_overrides
    BEGIN SELECT RAISE(ABORT, 'override records cannot be changed'); END`.execute(db);
  await sql`CREATE TRIGGER class_overrides_no_delete BEFORE DELETE ON class_overrides
    BEGIN SELECT RAISE(ABORT, 'override records cannot be deleted'); END`.execute(db);
}
