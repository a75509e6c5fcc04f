import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyselyOver } from '../../src-main/archive/open-archive';
import { openCipherDatabase, type CipherDatabase } from '../../src-main/store/cipher-database';
import { migrate } from '../../src-main/store/migrate';
import { MIGRATIONS } from '../../src-main/store/migrations';

const now = () => new Date('2026-11-27T00:00:00Z');

/** Migration 0003 on a fresh encrypted database: the sales tables, their indexes and the append-only triggers. */
describe('migration 0003: sales and classification', () => {
  let dir: string;
  let raw: CipherDatabase;
  let db: Kysely<unknown>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kedang-m0003-'));
    raw = openCipherDatabase(join(dir, 'm.kedang'), randomBytes(32), { create: true });
    db = kyselyOver(raw) as unknown as Kysely<unknown>;
    expect(await migrate(db, now, MIGRATIONS.slice(0, 2))).toEqual({ from: 0, to: 2 });
    // A card from before the migration, to see the new columns arrive with their defaults.
    raw
      .prepare(
        `INSERT INTO customers (code, name, name_sort, short_name, credit_code, phone, address, contact, status, nature,
           ownership, business_type, location_type, grade, credit_grade, industry, region, route, route_order,
           assigned_rep, credit_limit, unverified, name_key, phone_key, version, created_at, created_by, updated_at,
           updated_by, merged_into)
         VALUES ('KH000001', '华信商贸', 'huaxin', '', '', '', '', '', 'active', '', '', '', '', 'A', '', '', '', '', NULL,
           '', 50000, 0, 'huaxin', '', 1, 'x', 'x', 'x', 'x', NULL)`,
      )
      .run();
    expect(await migrate(db, now, MIGRATIONS.slice(0, 3))).toEqual({ from: 2, to: 3 });
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const names = (type: string, table?: string) =>
    (
      raw
        .prepare(`SELECT name FROM sqlite_schema WHERE type = ? ${table ? 'AND tbl_name = ?' : ''} ORDER BY name`)
        .all(...(table ? [type, table] : [type])) as { name: string }[]
    ).map((r) => r.name);
  const columns = (index: string) =>
    (raw.prepare(`PRAGMA index_info(${index})`).all() as { name: string }[]).map((c) => c.name);

  it('records itself and creates the sales, catalogue and override tables', () => {
    expect(raw.prepare('SELECT version, name FROM schema_migrations WHERE version = 3').get()).toEqual({
      version: 3,
      name: 'sales-and-classification',
    });
    expect(names('table')).toEqual(
      expect.arrayContaining(['products', 'sales_imports', 'sales_lines', 'receipts', 'class_overrides']),
    );
  });

  it('has the covering indexes the analyses and the import read, and a unique document reference', () => {
    expect(names('index', 'sales_lines')).toEqual(['sales_by_customer', 'sales_by_doc_ref', 'sales_by_product']);
    expect(columns('sales_by_customer')).toEqual(['customer_id', 'sold_on', 'amount_cents', 'product_id', 'quantity']);
    expect(columns('sales_by_product')).toEqual(['product_id', 'sold_on', 'customer_id', 'amount_cents', 'quantity']);
    expect(columns('receipts_by_customer')).toEqual(['customer_id', 'received_on', 'amount_cents']);
    // The per-customer read of a period walks the index alone, never the table.
    const plan = raw
      .prepare(
        `EXPLAIN QUERY PLAN SELECT customer_id, sum(amount_cents) FROM sales_lines
          WHERE sold_on BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY customer_id`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX sales_by_customer/);
  });

  it('refuses the same file twice per kind, and a document reference twice, but not blank ones', () => {
    const addImport = raw.prepare(
      `INSERT INTO sales_imports (kind, file_name, file_hash, lines, amount_cents, at, by_username)
       VALUES (?, 'f.csv', ?, 0, 0, 'x', 'keeper')`,
    );
    addImport.run('sales', 'abc');
    expect(() => addImport.run('sales', 'abc')).toThrow(/UNIQUE/);
    addImport.run('receipts', 'abc');
    expect(() => addImport.run('orders', 'def')).toThrow(/CHECK/);
    raw.prepare("INSERT INTO products (code, name, created_at) VALUES ('YL0001', '清泉', 'x')").run();
    expect(() =>
      raw.prepare("INSERT INTO products (code, name, created_at) VALUES ('yl0001', 'x', 'x')").run(),
    ).toThrow(/UNIQUE/);
    const line = raw.prepare(
      `INSERT INTO sales_lines (customer_id, product_id, sold_on, quantity, amount_cents, doc_ref, import_id)
       VALUES (1, 1, '2026-01-05', 1, 2800, ?, 1)`,
    );
    line.run('XS1-1');
    expect(() => line.run('XS1-1')).toThrow(/UNIQUE/);
    line.run('');
    line.run('');
    // Lines point at real customers, products and imports.
    expect(() =>
      raw
        .prepare(
          `INSERT INTO sales_lines (customer_id, product_id, sold_on, quantity, amount_cents, import_id)
           VALUES (99, 1, '2026-01-05', 1, 1, 1)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('keeps imported lines, receipts and override records append-only', () => {
    raw
      .prepare(
        "INSERT INTO receipts (customer_id, received_on, amount_cents, doc_ref, import_id) VALUES (1, '2026-01-06', 2800, 'SK1', 2)",
      )
      .run();
    raw
      .prepare(
        "INSERT INTO class_overrides (customer_id, axis, value, note, at, by_username) VALUES (1, 'lifecycle', 'active', '老客户', 'x', 'keeper')",
      )
      .run();
    for (const table of ['sales_lines', 'receipts']) {
      expect(() => raw.prepare(`UPDATE ${table} SET amount_cents = 0`).run(), table).toThrow(/cannot be changed/);
      expect(() => raw.prepare(`DELETE FROM ${table}`).run(), table).toThrow(/cannot be deleted/);
    }
    expect(() => raw.prepare("UPDATE class_overrides SET note = ''").run()).toThrow(/cannot be changed/);
    expect(() => raw.prepare('DELETE FROM class_overrides').run()).toThrow(/cannot be deleted/);
    expect(() =>
      raw
        .prepare(
          "INSERT INTO class_overrides (customer_id, axis, value, note, at, by_username) VALUES (1, 'grade', 'A', '', 'x', 'k')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('gives existing cards the derived-class columns with their defaults', () => {
    expect(
      raw
        .prepare(
          `SELECT lifecycle, lifecycle_derived, lifecycle_override, volume_tier, volume_tier_derived, volume_tier_override,
                  first_sale_on, last_sale_on, sales_12m_cents FROM customers`,
        )
        .get(),
    ).toEqual({
      lifecycle: 'potential',
      lifecycle_derived: 'potential',
      lifecycle_override: '',
      volume_tier: 'scattered',
      volume_tier_derived: 'scattered',
      volume_tier_override: '',
      first_sale_on: null,
      last_sale_on: null,
      sales_12m_cents: 0,
    });
    expect(names('index', 'customers')).toEqual(
      expect.arrayContaining(['customers_by_lifecycle', 'customers_by_volume_tier', 'customers_by_name']),
    );
  });
});
