import { CompiledQuery } from 'kysely';
import { yuanToCents } from '../../src-shared/sales/sales';
import type { FigureSource } from './figure-source';

/**
 * Who each card's sales count for, and the classification of that customer, as arrays indexed
 * by card id (customer ids are the table's rowids, dense from 1: the archive never deletes a card).
 *
 * A merged card (status 已合并) keeps its sales lines under its own id; they count for the card it
 * was merged into, following the chain to its end. Every figure uses the customer's CURRENT
 * classification: the card it counts for, as it is filed today.
 */
export interface Roster {
  /** One more than the highest card id: the length of every per-card array. */
  size: number;
  /** owner[id] = the card whose figures card id's lines count for (id itself unless merged). */
  owner: Int32Array;
  /** Merged cards by id, each with the card it counts for. */
  merged: Map<number, number>;
}

/** A classification of every card: `codes[of[id]]` is the code of the card id counts for ('' = none). */
export interface CardCodes {
  codes: string[];
  of: Int32Array;
}

export const HIGHEST_CARD = CompiledQuery.raw('SELECT max(id) AS maxId FROM customers');
/** The status index finds the (few) merged cards without reading the card table. */
export const MERGED_CARDS = CompiledQuery.raw(
  "SELECT id, merged_into AS mergedInto FROM customers WHERE status = 'merged'",
);

/** The columns an analysis groups customers by; each has its own index (migration 0002). */
export type CardColumn = 'grade' | 'region' | 'credit_grade' | 'status';

/**
 * Every value of a column with the ids of its cards, one row per value: read from the column's
 * index in its order, and handed over as one text per value instead of one row per card.
 */
export function codesStatement(column: CardColumn): CompiledQuery {
  return CompiledQuery.raw(`SELECT ${column} AS code, json_group_array(id) AS ids FROM customers GROUP BY ${column}`);
}

export const LIMIT_STATEMENT = CompiledQuery.raw(
  'SELECT credit_limit AS yuan, json_group_array(id) AS ids FROM customers WHERE credit_limit IS NOT NULL GROUP BY credit_limit',
);

/** Calls visit for each id of a JSON array of ids (json_group_array's output). */
export function eachId(list: string | null, visit: (id: number) => void): void {
  if (!list) return;
  for (const id of JSON.parse(list) as number[]) visit(id);
}

/** The owners of every card; a broken or circular chain leaves the card counting for itself. */
export async function loadRoster(source: FigureSource): Promise<Roster> {
  const [top] = await source.rows<{ maxId: number | null }>(HIGHEST_CARD);
  const size = (top?.maxId ?? 0) + 1;
  const links = new Map<number, number>();
  for (const row of await source.rows<{ id: number; mergedInto: number | null }>(MERGED_CARDS)) {
    if (row.mergedInto !== null) links.set(row.id, row.mergedInto);
  }
  const owner = new Int32Array(size);
  for (let id = 0; id < size; id++) owner[id] = id;
  const merged = new Map<number, number>();
  for (const id of links.keys()) {
    let current = id;
    const seen = new Set<number>([id]);
    while (links.has(current)) {
      current = links.get(current)!;
      if (seen.has(current)) {
        current = id;
        break;
      }
      seen.add(current);
    }
    if (current !== id && current < size) {
      owner[id] = current;
      merged.set(id, current);
    }
  }
  return { size, owner, merged };
}

/** A column's code for every card, each card taking the code of the card it counts for. */
export async function loadCodes(source: FigureSource, roster: Roster, column: CardColumn): Promise<CardCodes> {
  const rows = await source.rows<{ code: string; ids: string | null }>(codesStatement(column));
  const codes = [''];
  const own = new Int32Array(roster.size);
  for (const row of rows) {
    let index = codes.indexOf(row.code);
    if (index < 0) index = codes.push(row.code) - 1;
    eachId(row.ids, (id) => {
      if (id < roster.size) own[id] = index;
    });
  }
  const of = new Int32Array(roster.size);
  for (let id = 0; id < roster.size; id++) of[id] = own[roster.owner[id]!]!;
  return { codes, of };
}

/** Every card's credit limit in cents (NaN = no limit); the card's 授信额度 is in yuan. */
export async function loadLimits(source: FigureSource, roster: Roster): Promise<Float64Array> {
  const limits = new Float64Array(roster.size).fill(Number.NaN);
  for (const row of await source.rows<{ yuan: number; ids: string | null }>(LIMIT_STATEMENT)) {
    const cents = yuanToCents(row.yuan);
    eachId(row.ids, (id) => {
      if (id < roster.size) limits[id] = cents;
    });
  }
  return limits;
}
