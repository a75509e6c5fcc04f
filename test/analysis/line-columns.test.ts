import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainSource } from '../../src-main/analysis/figure-source';
import {
  chunkStatement,
  dateOf,
  dayOf,
  LAST_ID,
  receiptColumns,
  salesLineColumns,
} from '../../src-main/analysis/line-columns';
import { codesStatement, LIMIT_STATEMENT, MERGED_CARDS } from '../../src-main/analysis/roster';
import { analysisOffice, insertSales, type AnalysisOffice } from './analysis-office';

/**
 * The analyses read the sales lines and receipts from columns held in memory (line-columns.ts),
 * refreshed with the lines added since; the cards' classifications through their indexes. A wrong
 * plan costs seconds at office scale and SQLite has no statistics here to keep one, so the plans
 * are checked; and the columns must always be exactly the tables' content.
 */
describe('the lines the analyses read', () => {
  let office: AnalysisOffice;
  beforeAll(async () => {
    office = await analysisOffice({ cards: 20, lines: 500, seed: 'columns' });
  }, 120_000);
  afterAll(async () => office?.close());

  const plan = (statement: CompiledQuery) =>
    (
      office
        .raw()
        .prepare(`EXPLAIN QUERY PLAN ${statement.sql}`)
        .all(...statement.parameters) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' | ');

  it('reads new lines by rowid and the highest rowid with one seek', () => {
    expect(plan(chunkStatement('sales', 0))).toContain('SEARCH sales_lines USING INTEGER PRIMARY KEY (rowid>?)');
    expect(plan(chunkStatement('receipts', 0))).toContain('SEARCH receipts USING INTEGER PRIMARY KEY (rowid>?)');
    expect(plan(LAST_ID.sales)).toBe('SEARCH sales_lines');
    expect(plan(LAST_ID.receipts)).toBe('SEARCH receipts');
  });

  it('reads the cards’ classifications from their own indexes', () => {
    for (const column of ['grade', 'region', 'credit_grade', 'status'] as const) {
      expect(plan(codesStatement(column))).toBe(`SCAN customers USING COVERING INDEX customers_by_${column}`);
    }
    expect(plan(LIMIT_STATEMENT)).toBe(
      'SEARCH customers USING COVERING INDEX customers_by_credit_limit (credit_limit>?)',
    );
    expect(plan(MERGED_CARDS)).toBe('SEARCH customers USING INDEX customers_by_status (status=?)');
  });

  it('holds exactly the tables’ lines, sales in product order, and takes in the lines added since', async () => {
    const raw = office.raw();
    const source = plainSource(raw);
    const expectSame = async () => {
      const sales = await salesLineColumns(source);
      const rows = raw
        .prepare(
          'SELECT customer_id, product_id, sold_on, quantity, amount_cents FROM sales_lines ORDER BY product_id, id',
        )
        .all() as {
        customer_id: number;
        product_id: number;
        sold_on: string;
        quantity: number;
        amount_cents: number;
      }[];
      expect(sales.count).toBe(rows.length);
      // Each product's lines start where productStart says.
      rows.forEach((r, i) => {
        expect(i).toBeGreaterThanOrEqual(sales.productStart[r.product_id]!);
        expect(i).toBeLessThan(sales.productStart[r.product_id + 1]!);
      });
      rows.forEach((r, i) => {
        expect([sales.card[i], sales.product[i], dateOf(sales.day[i]!), sales.quantity[i], sales.cents[i]]).toEqual([
          r.customer_id,
          r.product_id,
          r.sold_on,
          r.quantity,
          r.amount_cents,
        ]);
      });
      const receipts = await receiptColumns(source);
      const paid = raw.prepare('SELECT customer_id, received_on, amount_cents FROM receipts ORDER BY id').all() as {
        customer_id: number;
        received_on: string;
        amount_cents: number;
      }[];
      expect(receipts.count).toBe(paid.length);
      paid.forEach((r, i) => {
        expect([receipts.card[i], dateOf(receipts.day[i]!), receipts.cents[i]]).toEqual([
          r.customer_id,
          r.received_on,
          r.amount_cents,
        ]);
      });
      return { sales: sales.count, receipts: receipts.count };
    };
    const before = await expectSame();
    expect(before.sales).toBeGreaterThan(400);
    const customerId = office.lines[0]!.customerId;
    const productId = office.lines[0]!.productId;
    insertSales(
      raw,
      [
        { customerId, productId, soldOn: '2026-11-20', quantity: 2.5, cents: 12_345 },
        { customerId, productId, soldOn: '2024-02-29', quantity: -1, cents: -500 },
      ],
      [{ customerId, receivedOn: '2026-11-21', cents: 7_000 }],
    );
    const after = await expectSame();
    expect(after).toEqual({ sales: before.sales + 2, receipts: before.receipts + 1 });
  });

  it('keeps days as yyyymmdd numbers, ordered like the dates', () => {
    expect(dayOf('2024-02-29')).toBe(20240229);
    expect(dateOf(20261231)).toBe('2026-12-31');
    expect(dayOf('2025-12-31') < dayOf('2026-01-01')).toBe(true);
  });
});
