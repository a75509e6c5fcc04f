import { CompiledQuery } from 'kysely';
import type { Period } from '../../src-shared/analysis/analysis';
import type { FigureSource } from './figure-source';
import { dayOf, salesLineColumns } from './line-columns';
import type { Roster } from './roster';

/** Which products' lines to count: all, one product, or one category ('' = products without one). */
export type ProductFilter = { productId: number } | { category: string } | null;

const CATALOGUE_STATEMENT = CompiledQuery.raw('SELECT id, category FROM products');

/** 1 for every product id the filter takes (null: all of them). */
async function productMask(source: FigureSource, products: ProductFilter): Promise<Uint8Array | null> {
  if (products === null) return null;
  const catalogue = await source.rows<{ id: number; category: string }>(CATALOGUE_STATEMENT);
  const mask = new Uint8Array(catalogue.reduce((max, p) => Math.max(max, p.id), 0) + 1);
  for (const p of catalogue) {
    if ('productId' in products ? p.id === products.productId : p.category === products.category) mask[p.id] = 1;
  }
  return mask;
}

/** Per card id that figures count for: the period's sales and how many lines make them. */
export interface OwnerSales {
  cents: Float64Array;
  lines: Float64Array;
}

/** Each customer's sales in the period (both days included, of some products), per card it counts for. */
export async function loadOwnerSales(
  source: FigureSource,
  roster: Roster,
  period: Period,
  products: ProductFilter = null,
): Promise<OwnerSales> {
  const mask = await productMask(source, products);
  const all = await salesLineColumns(source);
  const { owner, size } = roster;
  const cents = new Float64Array(size);
  const lines = new Float64Array(size);
  const from = dayOf(period.from);
  const to = dayOf(period.to);
  for (let i = 0; i < all.count; i++) {
    const day = all.day[i]!;
    if (day < from || day > to) continue;
    if (mask !== null && mask[all.product[i]!] !== 1) continue;
    const card = all.card[i]!;
    const who = card < size ? owner[card]! : 0;
    cents[who] = cents[who]! + all.cents[i]!;
    lines[who] = lines[who]! + 1;
  }
  return { cents, lines };
}
