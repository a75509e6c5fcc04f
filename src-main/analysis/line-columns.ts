import { CompiledQuery } from 'kysely';
import type { FigureSource } from './figure-source';

/**
 * The sales lines and receipts the analyses read, held in memory as columns (typed arrays, one
 * entry per line in rowid order) and kept up to date by reading only the lines added since.
 *
 * Why: every analysis of a 12-month period visits some 700,000 lines (2,000,000 in the office's
 * archive), several times for the comparison periods. Read through SQLite, each line costs a step
 * of the statement and a call into an aggregate function, 300–700 ms an analysis on this machine;
 * a loop over typed arrays costs a few milliseconds. The tables are append-only (migration 0003's
 * triggers refuse UPDATE and DELETE), so the highest rowid tells whether anything is new, and new
 * lines are always the ones above it. The first analysis after an unlock reads every line once
 * (2–4 s for 2,000,000 lines, docs/BENCHMARKS.md); 28 bytes a sales line and 16 a receipt stay in
 * memory, decrypted, as the page cache holds them anyway.
 */

/** A day as the number yyyymmdd: ordered like the ISO text, and the month is day / 100. */
export function dayOf(date: string): number {
  return Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

/** The ISO text of a yyyymmdd day. */
export function dateOf(day: number): string {
  const y = Math.floor(day / 10_000);
  const m = Math.floor(day / 100) % 100;
  const d = day % 100;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The sales lines, stored product by product (and in rowid order within a product): the lines of
 * product p are at positions productStart[p] … productStart[p + 1] − 1. Analyses that do not care
 * about products read the arrays from start to end; the product analysis reads each product's
 * lines in a row, which counts a product's customers with one stamp per customer and touches
 * memory in order (grouping 700,000 scattered lines by product cost more than the rest of it).
 */
export interface SalesLineColumns {
  count: number;
  /** Length: highest product id + 2. */
  productStart: Int32Array;
  /** The card the line is filed under (customer_id). */
  card: Int32Array;
  product: Int32Array;
  day: Int32Array;
  cents: Float64Array;
  quantity: Float64Array;
}

export interface ReceiptColumns {
  count: number;
  card: Int32Array;
  day: Int32Array;
  cents: Float64Array;
}

/** Lines read per statement while filling the columns: bounds the JSON text handed over at once. */
const CHUNK = 200_000;

type Kind = 'sales' | 'receipts';

export const LAST_ID: Record<Kind, CompiledQuery> = {
  sales: CompiledQuery.raw('SELECT max(id) AS last FROM sales_lines'),
  receipts: CompiledQuery.raw('SELECT max(id) AS last FROM receipts'),
};

/** The lines after a rowid, each column as one JSON array (several times cheaper than a row object per line). */
export function chunkStatement(kind: Kind, after: number): CompiledQuery {
  const [table, date, extra] =
    kind === 'sales'
      ? ['sales_lines', 'sold_on', ', json_group_array(product_id) AS product, json_group_array(quantity) AS quantity']
      : ['receipts', 'received_on', ''];
  return CompiledQuery.raw(
    `SELECT max(id) AS last, json_group_array(customer_id) AS card,
       json_group_array(CAST(replace(${date}, '-', '') AS INTEGER)) AS day,
       json_group_array(amount_cents) AS cents${extra}
     FROM (SELECT * FROM ${table} WHERE id > ? ORDER BY id LIMIT ${CHUNK})`,
    [after],
  );
}

class Columns {
  count = 0;
  lastId = 0;
  /** The sales lines in product order, sorted again when lines were added (salesLineColumns). */
  sorted: SalesLineColumns | null = null;
  readonly arrays: Record<string, Int32Array | Float64Array>;

  constructor(readonly names: Record<string, 'int' | 'float'>) {
    this.arrays = Object.fromEntries(
      Object.entries(names).map(([name, type]) => [name, type === 'int' ? new Int32Array(0) : new Float64Array(0)]),
    );
  }

  append(values: Record<string, number[]>, n: number): void {
    const needed = this.count + n;
    for (const name of Object.keys(this.names)) {
      let array = this.arrays[name]!;
      if (array.length < needed) {
        const grown =
          array instanceof Int32Array
            ? new Int32Array(Math.max(needed, Math.ceil(array.length * 1.5)))
            : new Float64Array(Math.max(needed, Math.ceil(array.length * 1.5)));
        grown.set(array.subarray(0, this.count));
        this.arrays[name] = array = grown;
      }
      array.set(values[name]!, this.count);
    }
    this.count = needed;
  }
}

interface Held {
  sales: Columns;
  receipts: Columns;
}

/** Per open database (the archive's connection, or the benchmark's plain copy): its columns. */
const held = new WeakMap<object, Held>();

const NAMES: Record<Kind, Record<string, 'int' | 'float'>> = {
  sales: { card: 'int', product: 'int', day: 'int', cents: 'float', quantity: 'float' },
  receipts: { card: 'int', day: 'int', cents: 'float' },
};

async function refreshed(source: FigureSource, kind: Kind): Promise<Columns> {
  let entry = held.get(source.database);
  if (!entry) {
    entry = { sales: new Columns(NAMES.sales), receipts: new Columns(NAMES.receipts) };
    held.set(source.database, entry);
  }
  let columns = entry[kind];
  const [top] = await source.rows<{ last: number | null }>(LAST_ID[kind]);
  const last = top?.last ?? 0;
  // Fewer lines than held: another archive behind the same connection object (never expected,
  // as lines are never deleted); start again rather than answer from the wrong lines.
  if (last < columns.lastId) {
    columns = entry[kind] = new Columns(NAMES[kind]);
  }
  while (columns.lastId < last) {
    const [row] = await source.rows<Record<string, string | number | null>>(chunkStatement(kind, columns.lastId));
    if (!row || row.last === null) break;
    const values: Record<string, number[]> = {};
    for (const name of Object.keys(NAMES[kind])) values[name] = JSON.parse(row[name] as string) as number[];
    columns.append(values, values.card!.length);
    columns.lastId = Number(row.last);
  }
  return columns;
}

/** Every sales line of the archive, up to date as of the caller's read transaction. */
export async function salesLineColumns(source: FigureSource): Promise<SalesLineColumns> {
  const c = await refreshed(source, 'sales');
  if (c.sorted === null || c.sorted.count !== c.count) {
    // The sorted arrays replace the held ones (lines added later are appended to them and the
    // whole sorted again), so the lines are held once.
    c.sorted = byProduct(c);
    const { card, product, day, cents, quantity } = c.sorted;
    Object.assign(c.arrays, { card, product, day, cents, quantity });
  }
  return c.sorted;
}

/** The held lines in product order: a counting sort by product id, stable (rowid order within one). */
function byProduct(c: Columns): SalesLineColumns {
  const n = c.count;
  const product = (c.arrays.product as Int32Array).subarray(0, n);
  let highest = 0;
  for (let i = 0; i < n; i++) if (product[i]! > highest) highest = product[i]!;
  const productStart = new Int32Array(highest + 2);
  for (let i = 0; i < n; i++) productStart[product[i]! + 1]! += 1;
  for (let p = 1; p < productStart.length; p++) productStart[p]! += productStart[p - 1]!;
  const next = productStart.slice();
  const at = new Int32Array(n);
  for (let i = 0; i < n; i++) at[i] = next[product[i]!]!++;
  const sorted = <T extends Int32Array | Float64Array>(from: T, into: T): T => {
    for (let i = 0; i < n; i++) into[at[i]!] = from[i]!;
    return into;
  };
  const a = c.arrays;
  return {
    count: n,
    productStart,
    card: sorted(a.card as Int32Array, new Int32Array(n)),
    product: sorted(product, new Int32Array(n)),
    day: sorted(a.day as Int32Array, new Int32Array(n)),
    cents: sorted(a.cents as Float64Array, new Float64Array(n)),
    quantity: sorted(a.quantity as Float64Array, new Float64Array(n)),
  };
}

/** Every receipt of the archive, up to date as of the caller's read transaction. */
export async function receiptColumns(source: FigureSource): Promise<ReceiptColumns> {
  const c = await refreshed(source, 'receipts');
  const a = c.arrays;
  return { count: c.count, card: a.card as Int32Array, day: a.day as Int32Array, cents: a.cents as Float64Array };
}

/** Forgets what is held for a database (the benchmark measures the first analysis after an unlock). */
export function forgetLineColumns(database: object): void {
  held.delete(database);
}
