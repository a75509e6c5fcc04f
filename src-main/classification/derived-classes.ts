import { CompiledQuery, type Kysely } from 'kysely';
import {
  LIFECYCLES,
  VOLUME_TIERS,
  type ClassificationRules,
  type DerivedAxis,
  type Lifecycle,
  type VolumeTier,
} from '../../src-shared/classification/derived';
import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import type { DerivedClassesDto } from '../../src-shared/contracts/classification';
import { logDetail, type LogDetailPart } from '../../src-shared/log-details';
import { inScope, scopeOf } from '../cards/card-search';
import { KedangError } from '../errors';
import { sessionOf, type Call } from '../router/call';
import { inTransaction } from '../store/transaction';
import type { ArchiveSchema } from '../store/schema';
import { calendarDate, windowStart } from './calendar';
import { loadRules } from './rules-store';

/** The settings row remembering the day the derived classes were last computed for (YYYY-MM-DD). */
export const DERIVED_AS_OF_KEY = 'derived_classes_as_of';

/** What a recompute did: customers looked at and rows rewritten (only changed rows are written). */
export interface RecomputeSummary {
  asOf: string;
  customers: number;
  changed: number;
}

/** One customer's sales facts as of a day. */
interface SalesFacts {
  first: string | null;
  last: string | null;
  /** Sales of the 12 months ending on the day. */
  recent: number;
}

/** One customer as the recompute reads it: what decides its classes, and its stored derived columns as one text. */
interface CustomerFacts {
  id: number;
  status: string;
  merged_into: number | null;
  lifecycle_override: string;
  volume_tier_override: string;
  /** The stored derived columns joined by '|' (see {@link derivedState}); one value per row reads much faster than eight. */
  state: string;
}

/** The derived columns in the order of the UPDATE below. */
type DerivedColumns = [
  lifecycle: string,
  lifecycleDerived: string,
  volumeTier: string,
  volumeTierDerived: string,
  firstSaleOn: string | null,
  lastSaleOn: string | null,
  sales12mCents: number,
];

const STATE_SQL = `lifecycle || '|' || lifecycle_derived || '|' || volume_tier || '|' || volume_tier_derived || '|' ||
  coalesce(first_sale_on, '') || '|' || coalesce(last_sale_on, '') || '|' || sales_12m_cents`;
const derivedState = (c: DerivedColumns) => c.map((v) => v ?? '').join('|');

const isLifecycle = (v: string): v is Lifecycle => (LIFECYCLES as readonly string[]).includes(v);
const isVolumeTier = (v: string): v is VolumeTier => (VOLUME_TIERS as readonly string[]).includes(v);

/** The first days of the lifecycle windows: the newMonths and the lapsedMonths ending on asOf. */
export function lifecycleWindows(asOf: string, rules: ClassificationRules): { newFrom: string; lapsedFrom: string } {
  return { newFrom: windowStart(asOf, rules.newMonths), lapsedFrom: windowStart(asOf, rules.lapsedMonths) };
}

/**
 * Lifecycle on asOf (src-shared/classification/derived.ts), with "within N months" meaning the N
 * months ending on asOf, both ends included (as for the 12-month sales): no sale up to asOf →
 * potential; last sale before the lapsedMonths window → lapsed; first sale inside the newMonths
 * window → new; otherwise active.
 */
export function lifecycleOf(facts: SalesFacts, windows: { newFrom: string; lapsedFrom: string }): Lifecycle {
  if (facts.last === null || facts.first === null) return 'potential';
  if (facts.last < windows.lapsedFrom) return 'lapsed';
  if (facts.first >= windows.newFrom) return 'new';
  return 'active';
}

/**
 * ABC on the 12-month sales: customers with positive sales ranked largest first (ties: lower id
 * first); a customer is key while the share of the customers before it is below keyPercent,
 * general while it is below keyPercent + generalPercent, scattered after that. Exact integer
 * arithmetic (BigInt), so a boundary share is never misjudged by rounding.
 */
export function volumeTiersOf(
  recent: ReadonlyMap<number, number>,
  rules: ClassificationRules,
): Map<number, VolumeTier> {
  const ranked = [...recent].filter(([, cents]) => cents > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const total = BigInt(ranked.reduce((sum, [, cents]) => sum + cents, 0));
  const keyLimit = total * BigInt(rules.keyPercent);
  const generalLimit = total * BigInt(rules.keyPercent + rules.generalPercent);
  const tiers = new Map<number, VolumeTier>();
  let before = 0n;
  for (const [id, cents] of ranked) {
    const share = before * 100n;
    tiers.set(id, share < keyLimit ? 'key' : share < generalLimit ? 'general' : 'scattered');
    before += BigInt(cents);
  }
  return tiers;
}

/** The card a merged card's sales belong to: the end of its merged_into chain (a loop, never expected, stops). */
function keptCardOf(id: number, mergedInto: ReadonlyMap<number, number>): number {
  let current = id;
  for (let steps = 0; steps < 1000; steps++) {
    const next = mergedInto.get(current);
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

/** Rows are written in slices of this many, each one UPDATE over a JSON array (one statement, not one per card). */
const UPDATE_SLICE = 10_000;

/**
 * Recomputes every customer's derived classes (lifecycle, volume tier, first/last sale date,
 * 12-month sales) as of `asOf` (YYYY-MM-DD) with the stored rules, keeping overrides in effect.
 * Called after a sales import, after the rules change, and at the first unlock of a day.
 *
 * Lines dated after asOf are not counted; the 12 months run from asOf minus 12 months plus one day
 * to asOf. A merged card's lines count for the card it was merged into; merged cards themselves
 * are potential and scattered. One grouped pass over the sales lines (the covering index
 * sales_by_customer), the classes in TypeScript, and one UPDATE per slice of changed rows only.
 * Runs in the caller's transaction, or in its own.
 */
export async function recomputeDerived(db: Kysely<ArchiveSchema>, asOf: string): Promise<RecomputeSummary> {
  if (db.isTransaction) return recomputeIn(db, asOf);
  return inTransaction(db, (trx) => recomputeIn(trx, asOf));
}

async function recomputeIn(db: Kysely<ArchiveSchema>, asOf: string): Promise<RecomputeSummary> {
  const rules = await loadRules(db);
  const customers = (
    await db.executeQuery<CustomerFacts>(
      CompiledQuery.raw(
        `SELECT id, status, merged_into, lifecycle_override, volume_tier_override, ${STATE_SQL} AS state FROM customers`,
      ),
    )
  ).rows;
  const mergedInto = new Map<number, number>();
  for (const c of customers) if (c.status === 'merged' && c.merged_into !== null) mergedInto.set(c.id, c.merged_into);

  const from = windowStart(asOf, 12);
  const lines = await db.executeQuery<{ customer_id: number; first: string; last: string; recent: number }>(
    CompiledQuery.raw(
      `SELECT customer_id, min(sold_on) AS first, max(sold_on) AS last,
              sum(CASE WHEN sold_on >= ? THEN amount_cents ELSE 0 END) AS recent
         FROM sales_lines WHERE sold_on <= ? GROUP BY customer_id`,
      [from, asOf],
    ),
  );
  const facts = new Map<number, SalesFacts>();
  for (const line of lines.rows) {
    const id = keptCardOf(line.customer_id, mergedInto);
    const known = facts.get(id);
    if (!known) facts.set(id, { first: line.first, last: line.last, recent: line.recent });
    else {
      if (known.first === null || line.first < known.first) known.first = line.first;
      if (known.last === null || line.last > known.last) known.last = line.last;
      known.recent += line.recent;
    }
  }

  const recent = new Map<number, number>();
  for (const c of customers) if (c.status !== 'merged') recent.set(c.id, facts.get(c.id)?.recent ?? 0);
  const tiers = volumeTiersOf(recent, rules);

  const windows = lifecycleWindows(asOf, rules);
  const changed: unknown[][] = [];
  for (const c of customers) {
    const merged = c.status === 'merged';
    const own: SalesFacts = (!merged && facts.get(c.id)) || { first: null, last: null, recent: 0 };
    const lifecycle: Lifecycle = merged ? 'potential' : lifecycleOf(own, windows);
    const tier: VolumeTier = merged ? 'scattered' : (tiers.get(c.id) ?? 'scattered');
    const next: DerivedColumns = [
      isLifecycle(c.lifecycle_override) ? c.lifecycle_override : lifecycle,
      lifecycle,
      isVolumeTier(c.volume_tier_override) ? c.volume_tier_override : tier,
      tier,
      own.first,
      own.last,
      own.recent,
    ];
    if (derivedState(next) !== c.state) changed.push([c.id, ...next]);
  }

  for (let i = 0; i < changed.length; i += UPDATE_SLICE) {
    await db.executeQuery(
      CompiledQuery.raw(
        `UPDATE customers SET
            lifecycle = j.value ->> 1, lifecycle_derived = j.value ->> 2,
            volume_tier = j.value ->> 3, volume_tier_derived = j.value ->> 4,
            first_sale_on = j.value ->> 5, last_sale_on = j.value ->> 6, sales_12m_cents = j.value ->> 7
           FROM json_each(?) AS j
          WHERE customers.id = j.value ->> 0`,
        [JSON.stringify(changed.slice(i, i + UPDATE_SLICE))],
      ),
    );
  }
  await db
    .insertInto('settings')
    .values({ key: DERIVED_AS_OF_KEY, value: asOf })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: asOf }))
    .execute();
  return { asOf, customers: customers.length, changed: changed.length };
}

/**
 * At the first unlock of each calendar day the classes move on with the date (a customer becomes
 * lapsed without any new data). The day of the last recompute is kept in the archive, so the app,
 * the CLI and a restart on the same day do not repeat it.
 */
export async function recomputeDerivedIfDue(db: Kysely<ArchiveSchema>, now: Date): Promise<RecomputeSummary | null> {
  const today = calendarDate(now);
  const row = await db.selectFrom('settings').select('value').where('key', '=', DERIVED_AS_OF_KEY).executeTakeFirst();
  if (row?.value === today) return null;
  return recomputeDerived(db, today);
}

async function derivedDto(db: Kysely<ArchiveSchema>, id: number): Promise<DerivedClassesDto> {
  const row = await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new KedangError('CARD_NOT_FOUND');
  const overrides = await db
    .selectFrom('class_overrides')
    .leftJoin('users', 'users.username', 'class_overrides.by_username')
    .select([
      'class_overrides.axis',
      'class_overrides.value',
      'class_overrides.note',
      'class_overrides.at',
      'class_overrides.by_username',
      'users.display_name',
    ])
    .where('class_overrides.customer_id', '=', id)
    .orderBy('class_overrides.id', 'desc')
    .execute();
  const lifecycleOverride = isLifecycle(row.lifecycle_override) ? row.lifecycle_override : null;
  const volumeTierOverride = isVolumeTier(row.volume_tier_override) ? row.volume_tier_override : null;
  return {
    lifecycle: row.lifecycle as Lifecycle,
    lifecycleDerived: row.lifecycle_derived as Lifecycle,
    lifecycleOverride,
    volumeTier: row.volume_tier as VolumeTier,
    volumeTierDerived: row.volume_tier_derived as VolumeTier,
    volumeTierOverride,
    firstSaleOn: row.first_sale_on,
    lastSaleOn: row.last_sale_on,
    sales12mCents: row.sales_12m_cents,
    // Newest first, as the card history lists its versions.
    overrides: overrides.map((o) => ({
      axis: o.axis,
      value: o.value,
      note: o.note,
      at: o.at,
      by: o.display_name ?? o.by_username,
    })),
  };
}

/** A card's derived classes, the facts behind them and every recorded override (newest first); reps only for their cards. */
export async function derivedClasses(
  call: Call,
  input: ParsedInputOf<'classification.derived'>,
): Promise<OutputOf<'classification.derived'>> {
  const session = sessionOf(call);
  const db = call.office.requireArchive().db;
  const row = await db.selectFrom('customers').select('assigned_rep').where('id', '=', input.id).executeTakeFirst();
  if (!row || !inScope(row.assigned_rep, scopeOf(session))) throw new KedangError('CARD_NOT_FOUND');
  return derivedDto(db, input.id);
}

const OVERRIDE_COLUMNS = {
  lifecycle: { override: 'lifecycle_override', effective: 'lifecycle', derived: 'lifecycle_derived' },
  volumeTier: { override: 'volume_tier_override', effective: 'volume_tier', derived: 'volume_tier_derived' },
} as const satisfies Record<DerivedAxis, Record<string, keyof ArchiveSchema['customers']>>;

/**
 * Overrides a derived class (null removes the override): the override is recorded in
 * class_overrides with its note, the card's effective class follows at once and survives every
 * recompute. Derived classes are not card content, so the card gets no new version; the change is
 * in the override record and the access log. Setting the override already in force changes nothing.
 */
export async function setOverride(
  call: Call,
  input: ParsedInputOf<'classification.setOverride'>,
): Promise<OutputOf<'classification.setOverride'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const at = office.now().toISOString();
  const columns = OVERRIDE_COLUMNS[input.axis];
  const value = input.value ?? '';
  await office.transaction(async (trx, log) => {
    const row = await trx.selectFrom('customers').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new KedangError('CARD_NOT_FOUND');
    if (row.status === 'merged') throw new KedangError('CARD_MERGED');
    if (row[columns.override] === value) return;
    await trx
      .insertInto('class_overrides')
      .values({ customer_id: row.id, axis: input.axis, value, note: input.note, at, by_username: session.username })
      .execute();
    await trx
      .updateTable('customers')
      .set({ [columns.override]: value, [columns.effective]: value || row[columns.derived] })
      .where('id', '=', row.id)
      .execute();
    const part: LogDetailPart =
      input.axis === 'lifecycle'
        ? value
          ? ['lifecycleOverridden', { lifecycle: value, note: input.note }]
          : ['lifecycleOverrideRemoved', { note: input.note }]
        : value
          ? ['volumeTierOverridden', { volumeTier: value, note: input.note }]
          : ['volumeTierOverrideRemoved', { note: input.note }];
    await log(
      trx,
      office.entry(connection, session, {
        action: 'class_override',
        target: row.code,
        outcome: 'success',
        detail: logDetail(part),
      }),
    );
  });
  return derivedDto(office.requireArchive().db, input.id);
}
