import { CompiledQuery } from 'kysely';
import { sharesOf, type CrossTabBy, type Period, type ProductAnalysis } from '../../src-shared/analysis/analysis';
import { groupOrder, loadDictionary } from './dictionary';
import type { FigureSource } from './figure-source';
import { dayOf, salesLineColumns } from './line-columns';
import { RegionTree } from './region-tree';
import { loadCodes, loadRoster, type CardCodes, type Roster } from './roster';

/**
 * 商品构成分析 (method 三.3 ②): each product's and category's share of the period's sales and
 * quantity, and a cross-tab of categories by customer grade or by top-level region.
 */

/** The columns of the cross-tab: what each card's sales count under (its customer's grade or top region). */
export interface CrossTabColumns {
  by: CrossTabBy;
  /** Column keys; '' (not classified) is always last. */
  keys: string[];
  /** Card id → column index, through the card it counts for. */
  of: Int32Array;
}

export interface ProductRow {
  productId: number;
  code: string;
  name: string;
  category: string;
  cents: number;
  quantity: number;
  /** Customers (cards figures count for) who bought it in the period. */
  customers: number;
  /** Sales per column. */
  cells: Float64Array;
}

export interface ProductFigures {
  columns: CrossTabColumns;
  products: ProductRow[];
  /** Customers per category ('' = without category). */
  categoryCustomers: Map<string, number>;
  /** Lines counted under each column (a column with none and no code is left out). */
  columnLines: Float64Array;
}

const PRODUCTS_STATEMENT = CompiledQuery.raw('SELECT id, code, name, category FROM products ORDER BY id');

/** The columns of a cross-tab by grade or by top-level region. */
export async function loadCrossTabColumns(
  source: FigureSource,
  roster: Roster,
  by: CrossTabBy,
): Promise<CrossTabColumns> {
  if (by === 'grade') {
    const grades = await loadCodes(source, roster, 'grade');
    const keys = groupOrder(await loadDictionary(source, 'grade'), grades.codes);
    return { by, keys, of: remap(grades, keys, (code) => code) };
  }
  const regions = await loadCodes(source, roster, 'region');
  const tree = new RegionTree(await loadDictionary(source, 'region'));
  const top = (code: string) => (code === '' ? '' : (tree.groupUnder(null, code) ?? ''));
  const roots = tree.children(null).map((code) => ({ code, label: code, parentCode: null }));
  const keys = groupOrder(roots, regions.codes.map(top));
  return { by, keys, of: remap(regions, keys, top) };
}

function remap(codes: CardCodes, keys: readonly string[], column: (code: string) => string): Int32Array {
  const indexOfCode = codes.codes.map((code) => Math.max(0, keys.indexOf(column(code))));
  const of = new Int32Array(codes.of.length);
  for (let id = 0; id < of.length; id++) of[id] = indexOfCode[codes.of[id]!]!;
  return of;
}

export async function loadProductFigures(
  source: FigureSource,
  period: Period,
  by: CrossTabBy,
): Promise<ProductFigures> {
  const roster = await loadRoster(source);
  const columns = await loadCrossTabColumns(source, roster, by);
  const catalogue = await source.rows<{ id: number; code: string; name: string; category: string }>(PRODUCTS_STATEMENT);
  const highest = catalogue.reduce((max, p) => Math.max(max, p.id), 0);
  const categoryIndex = new Map<string, number>();
  const categoryOf = new Int32Array(highest + 1);
  for (const p of catalogue) {
    if (!categoryIndex.has(p.category)) categoryIndex.set(p.category, categoryIndex.size);
    categoryOf[p.id] = categoryIndex.get(p.category)!;
  }
  const width = columns.keys.length;
  const categories = Math.max(1, categoryIndex.size);
  const { owner, size } = roster;
  const all = await salesLineColumns(source);
  const from = dayOf(period.from);
  const to = dayOf(period.to);

  const seenProduct = new Int32Array(size);
  const seenCategory = new Uint8Array(size * categories);
  const categoryCounts = new Float64Array(categories);
  const columnLines = new Float64Array(width);
  const products: ProductRow[] = [];
  for (const p of catalogue) {
    // The product's lines are consecutive (line-columns.ts keeps them in product order).
    const first = p.id + 1 < all.productStart.length ? all.productStart[p.id]! : 0;
    const end = p.id + 1 < all.productStart.length ? all.productStart[p.id + 1]! : 0;
    const cells = new Float64Array(width);
    let cents = 0;
    let quantity = 0;
    let customers = 0;
    let lines = 0;
    const stamp = p.id + 1;
    const category = categoryOf[p.id]!;
    for (let i = first; i < end; i++) {
      const day = all.day[i]!;
      if (day < from || day > to) continue;
      lines += 1;
      const card = all.card[i]!;
      const customer = card < size ? owner[card]! : 0;
      const column = columns.of[customer] ?? 0;
      const amount = all.cents[i]!;
      cents += amount;
      quantity += all.quantity[i]!;
      cells[column] = cells[column]! + amount;
      columnLines[column] = columnLines[column]! + 1;
      if (seenProduct[customer] !== stamp) {
        seenProduct[customer] = stamp;
        customers += 1;
      }
      const mark = customer * categories + category;
      if (seenCategory[mark] === 0) {
        seenCategory[mark] = 1;
        categoryCounts[category] = categoryCounts[category]! + 1;
      }
    }
    // Only products sold in the period are rows, as a grouped statement over the period would have them.
    if (lines > 0) {
      products.push({
        productId: p.id,
        code: p.code,
        name: p.name,
        category: p.category,
        cents,
        quantity,
        customers,
        cells,
      });
    }
  }
  const categoryCustomers = new Map<string, number>();
  for (const [category, index] of categoryIndex) categoryCustomers.set(category, categoryCounts[index]!);
  return { columns, products, categoryCustomers, columnLines };
}

/** The analysis from its figures. Products and categories come largest sales first. */
export function productAnalysisOf(period: Period, figures: ProductFigures): ProductAnalysis {
  const { columns } = figures;
  const width = columns.keys.length;
  const products = [...figures.products].sort((a, b) => b.cents - a.cents || a.code.localeCompare(b.code));
  const productShares = sharesOf(products.map((p) => p.cents));
  const byCategory = new Map<string, { cents: number; quantity: number; cells: number[] }>();
  for (const p of products) {
    const c = byCategory.get(p.category) ?? { cents: 0, quantity: 0, cells: new Array<number>(width).fill(0) };
    c.cents += p.cents;
    c.quantity += p.quantity;
    for (let k = 0; k < width; k++) c.cells[k]! += p.cells[k]!;
    byCategory.set(p.category, c);
  }
  const categories = [...byCategory.entries()]
    .map(([key, c]) => ({ key, ...c }))
    .sort((a, b) => b.cents - a.cents || (a.key === '' ? 1 : b.key === '' ? -1 : a.key.localeCompare(b.key)));
  const categoryShares = sharesOf(categories.map((c) => c.cents));
  // Every column of the dictionary stays (a grade without sales shows as 0); '' only when used.
  const kept = columns.keys
    .map((key, k) => ({ key, k }))
    .filter(({ key, k }) => key !== '' || figures.columnLines[k]! > 0);
  const columnCents = kept.map(({ k }) => categories.reduce((sum, c) => sum + c.cells[k]!, 0));
  const cellShares = kept.map(({ k }) => sharesOf(categories.map((c) => c.cells[k]!)));
  return {
    period,
    totalCents: products.reduce((sum, p) => sum + p.cents, 0),
    totalQuantity: products.reduce((sum, p) => sum + p.quantity, 0),
    products: products.map((p, i) => ({
      key: p.code,
      productId: p.productId,
      code: p.code,
      name: p.name,
      category: p.category,
      customers: p.customers,
      cents: p.cents,
      quantity: p.quantity,
      shareBp: productShares[i]!,
    })),
    categories: categories.map((c, i) => ({
      key: c.key,
      customers: figures.categoryCustomers.get(c.key) ?? 0,
      cents: c.cents,
      quantity: c.quantity,
      shareBp: categoryShares[i]!,
    })),
    crossTab: {
      by: columns.by,
      columns: kept.map(({ key }, j) => ({ key, cents: columnCents[j]! })),
      rows: categories.map((c, i) => ({
        category: c.key,
        cells: kept.map(({ k }, j) => ({ cents: c.cells[k]!, shareBp: cellShares[j]![i]! })),
      })),
    },
  };
}
