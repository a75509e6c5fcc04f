import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  receiptsToDateStatement,
  recentSalesStatement,
  salesToDateStatement,
} from '../../src-main/analysis/credit-analysis';
import { plainSource } from '../../src-main/analysis/figure-source';
import { periodSalesStatement } from '../../src-main/analysis/grade-analysis';
import { ownerSalesStatement } from '../../src-main/analysis/owner-sales';
import { productStatement, SPLIT_FUNCTION } from '../../src-main/analysis/product-analysis';
import { codesStatement, LATEST_SALE, LIMIT_STATEMENT, MERGED_CARDS } from '../../src-main/analysis/roster';
import { TALLY_FUNCTION } from '../../src-main/analysis/tally';
import { trendStatement } from '../../src-main/analysis/trend-analysis';
import { analysisOffice, AS_OF, type AnalysisOffice } from './analysis-office';

/**
 * Every statement of the analyses reads through the index it was written for, without sorting
 * lines in a temporary b-tree: at 2,000,000 lines a wrong plan costs seconds (benchmarks in
 * docs/BENCHMARKS.md). SQLite has no statistics here, so a plan can flip when a condition is
 * added; this catches it.
 */
describe('the analyses’ query plans', () => {
  let office: AnalysisOffice;
  beforeAll(async () => {
    office = await analysisOffice({ cards: 20, lines: 500, seed: 'plans' });
    // The aggregate functions must exist for SQLite to plan the statements that call them.
    const source = plainSource(office.raw());
    for (const name of [TALLY_FUNCTION, SPLIT_FUNCTION]) {
      source.defineAggregate(name, {
        start: () => 0,
        step: (_: number, __: number, ___: number, ____: number) => undefined,
        result: () => 0,
      });
    }
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
  const period = { from: '2025-11-27', to: AS_OF };
  const byProduct =
    /^SCAN p( USING .*)? \| SEARCH s USING COVERING INDEX sales_by_product \(product_id=\? AND sold_on>\? AND sold_on<\?\)$/;

  it('reads every customer’s sales of a range through sales_by_customer in index order', () => {
    for (const p of [period, { from: '2024-03-01', to: '2025-02-28' }, { from: '2026-02-01', to: '2026-02-28' }]) {
      for (const latest of [null, AS_OF]) {
        expect(plan(periodSalesStatement(p, latest).statement)).toBe(
          'SCAN sales_lines USING COVERING INDEX sales_by_customer',
        );
      }
    }
    expect(periodSalesStatement(period, AS_OF).statement.sql).toContain('WHERE sold_on >= ? GROUP BY');
    expect(periodSalesStatement(period, '2026-12-01').statement.sql).toContain(
      'WHERE sold_on BETWEEN ? AND ? GROUP BY',
    );
    for (const latest of [null, AS_OF, '2026-12-01']) {
      expect(plan(salesToDateStatement(AS_OF, latest))).toBe('SCAN sales_lines USING COVERING INDEX sales_by_customer');
    }
    expect(salesToDateStatement(AS_OF, '2026-11-20').sql).not.toContain('WHERE');
    expect(plan(receiptsToDateStatement(AS_OF))).toBe('SCAN receipts USING COVERING INDEX receipts_by_customer');
  });

  it('reads a date range product by product through sales_by_product, also with a condition', () => {
    expect(plan(ownerSalesStatement(period))).toMatch(byProduct);
    expect(plan(ownerSalesStatement(period, { productId: 3 }))).toMatch(
      /sales_by_product \(product_id=\? AND sold_on>\? AND sold_on<\?\)$/,
    );
    expect(plan(ownerSalesStatement(period, { category: '饮料' }))).toMatch(
      /sales_by_product \(product_id=\? AND sold_on>\? AND sold_on<\?\)$/,
    );
    expect(plan(trendStatement(period))).toMatch(byProduct);
    expect(plan(recentSalesStatement(AS_OF))).toMatch(byProduct);
    expect(plan(productStatement(period))).toMatch(byProduct);
  });

  it('reads the cards’ classifications from their own indexes', () => {
    for (const column of ['grade', 'region', 'credit_grade', 'status'] as const) {
      expect(plan(codesStatement(column))).toBe(`SCAN customers USING COVERING INDEX customers_by_${column}`);
    }
    expect(plan(LIMIT_STATEMENT)).toBe(
      'SEARCH customers USING COVERING INDEX customers_by_credit_limit (credit_limit>?)',
    );
    expect(plan(MERGED_CARDS)).toBe('SEARCH customers USING INDEX customers_by_status (status=?)');
    expect(plan(LATEST_SALE)).toMatch(
      /SUBQUERY 1 \| SEARCH s USING COVERING INDEX sales_by_product \(product_id=\?\)$/,
    );
  });
});
