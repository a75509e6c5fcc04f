import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { CLASSIFICATION_AXES } from '../../src-shared/cards/card';
import { matchExpression } from '../../src-shared/cards/search-terms';
import type { CardPage, CardQuery, CardSortColumn } from '../../src-shared/contracts/cards';
import { rolesGrant } from '../../src-shared/permissions';
import type { Session } from '../office';
import type { ArchiveSchema } from '../store/schema';
import { toCardRow } from './card-records';

/** Which cards a reader may see at all: every card, or only those assigned to one rep. */
export interface CardScope {
  repUsername: string | null;
}

/** Reps (cards.readAssigned without cards.read) see only their own cards; this is applied to every read. */
export function scopeOf(session: Session): CardScope {
  return { repUsername: rolesGrant(session.roles, 'cards.read') ? null : session.username };
}

const SORT_COLUMNS: Record<CardSortColumn, keyof ArchiveSchema['customers'] & string> = {
  code: 'code',
  name: 'name_sort',
  shortName: 'short_name',
  creditCode: 'credit_code',
  phone: 'phone',
  address: 'address',
  contact: 'contact',
  status: 'status',
  nature: 'nature',
  ownership: 'ownership',
  businessType: 'business_type',
  locationType: 'location_type',
  grade: 'grade',
  creditGrade: 'credit_grade',
  industry: 'industry',
  region: 'region',
  route: 'route',
  routeOrder: 'route_order',
  assignedRep: 'assigned_rep',
  creditLimit: 'credit_limit',
  unverified: 'unverified',
  updatedAt: 'updated_at',
};

const AXIS_COLUMNS = {
  nature: 'nature',
  ownership: 'ownership',
  businessType: 'business_type',
  locationType: 'location_type',
  grade: 'grade',
  creditGrade: 'credit_grade',
  industry: 'industry',
  region: 'region',
  route: 'route',
} as const;

type CustomersQuery<O> = SelectQueryBuilder<ArchiveSchema, 'customers', O>;

/**
 * The WHERE of a card query: the search box through the bigram index, every
 * filter, and the reader's scope. All filters combine with AND; the values
 * within one filter with OR.
 */
function whereQuery<O>(q: CustomersQuery<O>, query: CardQuery, scope: CardScope): CustomersQuery<O> {
  const match = matchExpression(query.query);
  if (match !== null) {
    q = q.where(sql<boolean>`customers.id IN (SELECT rowid FROM card_search WHERE card_search MATCH ${match})`);
  }
  const f = query.filters;
  if (f.status && f.status.length > 0) q = q.where('status', 'in', f.status);
  for (const axis of CLASSIFICATION_AXES) {
    const codes = f[axis];
    if (codes && codes.length > 0) q = q.where(AXIS_COLUMNS[axis], 'in', codes);
  }
  if (f.assignedRep && f.assignedRep.length > 0) q = q.where('assigned_rep', 'in', f.assignedRep);
  if (f.unverifiedOnly) q = q.where('unverified', '>', 0);
  if (scope.repUsername !== null) q = q.where('assigned_rep', '=', scope.repUsername);
  return q;
}

function ordered<O>(q: CustomersQuery<O>, query: CardQuery): CustomersQuery<O> {
  const direction = query.sort.direction;
  // The id breaks ties so that paging through equal values never repeats or skips a card.
  return q.orderBy(SORT_COLUMNS[query.sort.column], direction).orderBy('customers.id', direction);
}

/** One page of the card list with the total number of matching cards. */
export async function searchCards(
  db: Kysely<ArchiveSchema>,
  query: CardQuery,
  scope: CardScope,
  offset: number,
  limit: number,
): Promise<CardPage> {
  const counted = await whereQuery(db.selectFrom('customers'), query, scope)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.total);
  if (total === 0 || offset >= total) return { total, offset, rows: [] };
  const rows = await ordered(whereQuery(db.selectFrom('customers').selectAll(), query, scope), query)
    .limit(limit)
    .offset(offset)
    .execute();
  return { total, offset, rows: rows.map(toCardRow) };
}

/** Every matching card id in list order (for exporting or printing a whole result). */
export async function selectCardIds(db: Kysely<ArchiveSchema>, query: CardQuery, scope: CardScope): Promise<number[]> {
  const rows = await ordered(
    whereQuery(db.selectFrom('customers').select('customers.id'), query, scope),
    query,
  ).execute();
  return rows.map((r) => r.id);
}
