import { CompiledQuery, type Kysely } from 'kysely';
import { CLASSIFICATION_AXES } from '../../src-shared/cards/card';
import { matchExpression } from '../../src-shared/cards/search-terms';
import type { CardPage, CardQuery, CardSortColumn } from '../../src-shared/contracts/cards';
import { rolesGrant } from '../../src-shared/permissions';
import type { Session } from '../office';
import type { ArchiveSchema } from '../store/schema';
import { AXIS_COLUMNS } from '../classification/axis-columns';
import { toCardRow, type CustomerRow } from './card-records';
import { filterToken, type FilterKey } from './search-index';

/**
 * The card list's queries. SQLite-specific (FTS5) by nature, so they are
 * written as SQL here, in one module; everything else goes through Kysely.
 */

/** Which cards a reader may see at all: every card, or only those assigned to one rep. */
export interface CardScope {
  repUsername: string | null;
}

/** Reps (cards.readAssigned without cards.read) see only their own cards; this is applied to every read. */
export function scopeOf(session: Session): CardScope {
  return { repUsername: rolesGrant(session.roles, 'cards.read') ? null : session.username };
}

/** Whether a card is within the reader's scope (every read checks it; a card outside is "not found"). */
export function inScope(assignedRep: string, scope: CardScope): boolean {
  return scope.repUsername === null || assignedRep.toLowerCase() === scope.repUsername.toLowerCase();
}

/** Sort columns; the id breaks ties so that paging never repeats or skips a card. */
const SORT_COLUMNS: Record<CardSortColumn, string> = {
  code: 'code',
  name: 'name_sort',
  shortName: 'short_name',
  creditCode: 'credit_code',
  phone: 'phone',
  address: 'address',
  contact: 'contact',
  status: 'status',
  ...AXIS_COLUMNS,
  routeOrder: 'route_order',
  assignedRep: 'assigned_rep',
  creditLimit: 'credit_limit',
  unverified: 'unverified',
  lifecycle: 'lifecycle',
  volumeTier: 'volume_tier',
  updatedAt: 'updated_at',
};

/**
 * Every sort column has an index (migration 0002), so a large result is read in
 * index order instead of being sorted whole.
 */

/** Above this many matches, walking the sort index beats looking every match up and sorting it. */
const WALK_INDEX_ABOVE = 2000;

const quote = (token: string) => `"${token}"`;
const anyOf = (key: FilterKey, values: readonly string[]) =>
  values.length === 1
    ? quote(filterToken(key, values[0]!))
    : `(${values.map((v) => quote(filterToken(key, v))).join(' OR ')})`;

/**
 * The FTS5 expression for the search box, every filter and the reader's
 * scope (filters are index terms: search-index.ts), or null when nothing
 * restricts the list. All filters combine with AND, values within one with OR.
 * The derived classes are column conditions instead (columnConditions), and
 * region filters are expected widened to their subtrees (withRegionSubtrees).
 */
export function searchExpression(query: CardQuery, scope: CardScope): string | null {
  const parts: string[] = [];
  const text = matchExpression(query.query);
  if (text !== null) parts.push(text);
  const f = query.filters;
  if (f.status && f.status.length > 0) parts.push(anyOf('status', f.status));
  for (const axis of CLASSIFICATION_AXES) {
    const codes = f[axis];
    if (codes && codes.length > 0) parts.push(anyOf(axis, codes));
  }
  if (f.assignedRep && f.assignedRep.length > 0) parts.push(anyOf('assignedRep', f.assignedRep));
  if (f.unverifiedOnly) parts.push(anyOf('unverified', ['1']));
  if (scope.repUsername !== null) parts.push(anyOf('assignedRep', [scope.repUsername]));
  return parts.length > 0 ? parts.join(' AND ') : null;
}

/**
 * Filters answered by the list columns instead of the index: the derived classes change at every
 * recompute (a whole archive at once), so they are not index terms. With `walk`, the unary + keeps
 * SQLite from driving the query by their indexes, so that it walks the sort index instead.
 */
function columnConditions(query: CardQuery, walk: boolean): { where: string[]; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  const f = query.filters;
  for (const [values, column] of [
    [f.lifecycle, 'lifecycle'],
    [f.volumeTier, 'volume_tier'],
  ] as const) {
    if (!values || values.length === 0) continue;
    where.push(`${walk ? '+' : ''}${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  }
  return { where, params };
}

const MATCHING_IDS = 'IN (SELECT rowid FROM card_search WHERE card_search MATCH ?)';

/** The statement counting the cards of a query. Exported so that the benchmark runs the same SQL on a raw copy. */
export function countStatement(query: CardQuery, scope: CardScope): CompiledQuery {
  const match = searchExpression(query, scope);
  const columns = columnConditions(query, false);
  if (columns.where.length === 0) {
    return match === null
      ? CompiledQuery.raw('SELECT count(*) AS total FROM customers')
      : CompiledQuery.raw('SELECT count(*) AS total FROM card_search WHERE card_search MATCH ?', [match]);
  }
  const where = match === null ? columns.where : [`id ${MATCHING_IDS}`, ...columns.where];
  return CompiledQuery.raw(`SELECT count(*) AS total FROM customers WHERE ${where.join(' AND ')}`, [
    ...(match === null ? [] : [match]),
    ...columns.params,
  ]);
}

/** The statement reading one page of a query's cards in list order; `total` chooses the plan. */
export function pageStatement(
  query: CardQuery,
  scope: CardScope,
  offset: number,
  limit: number | null,
  total: number,
  columns = '*',
): CompiledQuery {
  const match = searchExpression(query, scope);
  const direction = query.sort.direction === 'desc' ? 'DESC' : 'ASC';
  const order = `ORDER BY ${SORT_COLUMNS[query.sort.column]} ${direction}, id ${direction}`;
  const page = limit === null ? '' : ` LIMIT ${limit} OFFSET ${offset}`;
  // The unary + keeps SQLite from driving the query by the matching ids, so it walks the sort index instead.
  const walk = total > WALK_INDEX_ABOVE;
  const conditions = columnConditions(query, walk);
  const where = match === null ? conditions.where : [`${walk ? '+id' : 'id'} ${MATCHING_IDS}`, ...conditions.where];
  if (where.length === 0) return CompiledQuery.raw(`SELECT ${columns} FROM customers ${order}${page}`);
  return CompiledQuery.raw(`SELECT ${columns} FROM customers WHERE ${where.join(' AND ')} ${order}${page}`, [
    ...(match === null ? [] : [match]),
    ...conditions.params,
  ]);
}

/**
 * The query with each region filter widened to the region's whole subtree (a card filed under
 * 浦东新区 is in 上海 and in 华东区). Inactive regions count: their cards are still filed there.
 * Codes not in the dictionary stay as they are.
 */
export async function withRegionSubtrees(db: Kysely<ArchiveSchema>, query: CardQuery): Promise<CardQuery> {
  const asked = query.filters.region;
  if (!asked || asked.length === 0) return query;
  const regions = await db
    .selectFrom('dictionary_entries')
    .select(['code', 'parent_code'])
    .where('axis', '=', 'region')
    .execute();
  const children = new Map<string, string[]>();
  for (const r of regions) {
    if (r.parent_code === null) continue;
    const list = children.get(r.parent_code) ?? [];
    list.push(r.code);
    children.set(r.parent_code, list);
  }
  const subtree = new Set<string>(asked);
  const queue = [...asked];
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (subtree.has(child)) continue;
      subtree.add(child);
      queue.push(child);
    }
  }
  return { ...query, filters: { ...query.filters, region: [...subtree] } };
}

/** One page of the card list with the total number of matching cards. */
export async function searchCards(
  db: Kysely<ArchiveSchema>,
  query: CardQuery,
  scope: CardScope,
  offset: number,
  limit: number,
): Promise<CardPage> {
  query = await withRegionSubtrees(db, query);
  const counted = await db.executeQuery<{ total: number }>(countStatement(query, scope));
  const total = Number(counted.rows[0]?.total ?? 0);
  if (total === 0 || offset >= total) return { total, offset, rows: [] };
  const page = await db.executeQuery<CustomerRow>(pageStatement(query, scope, offset, limit, total));
  return { total, offset, rows: page.rows.map(toCardRow) };
}

/** Every matching card id in list order (for exporting or printing a whole result). */
export async function selectCardIds(db: Kysely<ArchiveSchema>, query: CardQuery, scope: CardScope): Promise<number[]> {
  query = await withRegionSubtrees(db, query);
  const counted = await db.executeQuery<{ total: number }>(countStatement(query, scope));
  const total = Number(counted.rows[0]?.total ?? 0);
  if (total === 0) return [];
  const rows = await db.executeQuery<{ id: number }>(pageStatement(query, scope, 0, null, total, 'id'));
  return rows.rows.map((r) => r.id);
}
