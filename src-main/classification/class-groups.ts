import { CompiledQuery, type Kysely } from 'kysely';
import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import type { CardQuery } from '../../src-shared/contracts/cards';
import type { ClassGroup, GroupAxis } from '../../src-shared/contracts/classification';
import { countStatement, pageStatement, scopeOf, withRegionSubtrees } from '../cards/card-search';
import { sessionOf, type Call } from '../router/call';
import type { ArchiveSchema } from '../store/schema';
import { AXIS_COLUMNS } from './axis-columns';

/** The list column each grouping axis reads: the card's own code, its rep, or its effective derived class. */
const GROUP_COLUMNS: Record<GroupAxis, string> = {
  ...AXIS_COLUMNS,
  assignedRep: 'assigned_rep',
  lifecycle: 'lifecycle',
  volumeTier: 'volume_tier',
};

/**
 * Each customer's sales in a period, both days included, in one grouped pass over the sales lines;
 * a merged card's lines count for the card it was merged into (to the end of the chain).
 */
export async function salesByCustomer(
  db: Kysely<ArchiveSchema>,
  from: string,
  to: string,
): Promise<Map<number, number>> {
  const merged = await db
    .selectFrom('customers')
    .select(['id', 'merged_into'])
    .where('merged_into', 'is not', null)
    .execute();
  const mergedInto = new Map(merged.map((m) => [m.id, m.merged_into!]));
  const keptCard = (id: number) => {
    let current = id;
    for (let steps = 0; steps < 1000 && mergedInto.has(current); steps++) current = mergedInto.get(current)!;
    return current;
  };
  const lines = await db.executeQuery<{ customer_id: number; cents: number }>(
    CompiledQuery.raw(
      `SELECT customer_id, sum(amount_cents) AS cents FROM sales_lines
        WHERE sold_on BETWEEN ? AND ? GROUP BY customer_id`,
      [from, to],
    ),
  );
  const sales = new Map<number, number>();
  for (const line of lines.rows) {
    const id = keptCard(line.customer_id);
    sales.set(id, (sales.get(id) ?? 0) + line.cents);
  }
  return sales;
}

/**
 * The classification view (method 三.2): the cards of the filters grouped by one or two axes,
 * with the number of cards and their sales in the period. Without a status filter only active
 * cards are counted (archived and merged cards are not customers being worked with); a status
 * filter chooses otherwise. Region filters take in their sub-regions, as in the card list. The
 * key '' is "not classified". Groups come largest sales first.
 */
export async function classGroups(
  call: Call,
  input: ParsedInputOf<'classification.groups'>,
): Promise<OutputOf<'classification.groups'>> {
  const db = call.office.requireArchive().db;
  const scope = scopeOf(sessionOf(call));
  const status = input.filters.status && input.filters.status.length > 0 ? input.filters.status : ['active' as const];
  const query = await withRegionSubtrees(db, {
    query: '',
    filters: { ...input.filters, status },
    sort: { column: 'code', direction: 'asc' },
  } satisfies CardQuery);
  const counted = await db.executeQuery<{ total: number }>(countStatement(query, scope));
  const total = Number(counted.rows[0]?.total ?? 0);
  const columns = input.axes.map((axis) => GROUP_COLUMNS[axis]);
  const cards =
    total === 0
      ? []
      : (
          await db.executeQuery<Record<string, string | number>>(
            pageStatement(query, scope, 0, null, total, ['id', ...columns.map((c, i) => `${c} AS k${i}`)].join(', ')),
          )
        ).rows;
  const sales = await salesByCustomer(db, input.period.from, input.period.to);

  const groups = new Map<string, ClassGroup>();
  let totalCents = 0;
  for (const card of cards) {
    const keys = columns.map((_, i) => String(card[`k${i}`] ?? ''));
    const id = keys.join('\u0000');
    const cents = sales.get(Number(card.id)) ?? 0;
    totalCents += cents;
    const group = groups.get(id);
    if (group) {
      group.customers += 1;
      group.cents += cents;
    } else groups.set(id, { keys, customers: 1, cents });
  }
  return {
    axes: input.axes,
    totalCustomers: cards.length,
    totalCents,
    groups: [...groups.values()].sort(
      (a, b) =>
        b.cents - a.cents || b.customers - a.customers || a.keys.join('\u0000').localeCompare(b.keys.join('\u0000')),
    ),
  };
}
