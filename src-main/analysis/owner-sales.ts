import { CompiledQuery } from 'kysely';
import type { Period } from '../../src-shared/analysis/analysis';
import type { FigureSource } from './figure-source';
import type { Roster } from './roster';
import { defineTally, TALLY_FUNCTION } from './tally';

/**
 * The lines of a date range (both days included), read product by product through
 * sales_by_product: one seek per product, then consecutive index entries, so the cost follows the
 * number of lines in the range, not the size of the whole table. CROSS JOIN keeps the products
 * as the outer loop whatever SQLite guesses about a condition's selectivity (it has no statistics);
 * without it, a condition such as amount_cents > 0 made it scan the whole index instead.
 * `parameters` are those of the select list (placed before the range's); `condition` adds to the join.
 */
export function rangeLines(
  select: string,
  period: Period,
  options: { parameters?: readonly unknown[]; condition?: string; conditionParameters?: readonly unknown[] } = {},
): CompiledQuery {
  const condition = options.condition ? ` AND ${options.condition}` : '';
  return CompiledQuery.raw(
    `SELECT ${select} FROM products p CROSS JOIN sales_lines s INDEXED BY sales_by_product
       ON s.product_id = p.id AND s.sold_on BETWEEN ? AND ?${condition}`,
    [...(options.parameters ?? []), period.from, period.to, ...(options.conditionParameters ?? [])],
  );
}

/** Which products' lines to count: all, one product, or one category ('' = products without one). */
export type ProductFilter = { productId: number } | { category: string } | null;

/** Each customer's sales in the period (of some products), tallied per card it counts for. */
export function ownerSalesStatement(period: Period, products: ProductFilter = null): CompiledQuery {
  const select = `${TALLY_FUNCTION}(s.customer_id, 0, s.amount_cents) AS tally`;
  if (products === null) return rangeLines(select, period);
  // The condition on the product narrows the outer loop to the products asked for.
  return 'productId' in products
    ? rangeLines(select, period, { condition: 'p.id = ?', conditionParameters: [products.productId] })
    : rangeLines(select, period, { condition: 'p.category = ?', conditionParameters: [products.category] });
}

/** Per card id that figures count for: the period's sales and how many lines make them. */
export interface OwnerSales {
  cents: Float64Array;
  lines: Float64Array;
}

export async function loadOwnerSales(
  source: FigureSource,
  roster: Roster,
  period: Period,
  products: ProductFilter = null,
): Promise<OwnerSales> {
  const tally = defineTally(source, { groupOf: roster.owner, groups: roster.size, slots: 1 });
  const [row] = await source.rows<{ tally: number }>(ownerSalesStatement(period, products));
  const cells = tally.cells(row!.tally);
  return { cents: cells.sums, lines: cells.lines };
}
