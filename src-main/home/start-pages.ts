import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import type { VersionKind } from '../../src-shared/contracts/cards';
import type { RecentChange } from '../../src-shared/contracts/home';
import { ROLES, type Role } from '../../src-shared/roles';
import { addDays, daysBetween } from '../../src-shared/calendar';
import { twelveMonthsTo } from '../analysis/dates';
import { scopeOf } from '../cards/card-search';
import { calendarDate } from '../classification/calendar';
import { sessionOf, type Call } from '../router/call';
import type { ArchiveSchema } from '../store/schema';
import { attentionPage } from '../upkeep/attention-list';
import { loadUpkeepRules } from '../upkeep/upkeep-rules';
import { pendingCounts, summaryQuery, toSummary, urgentFirst } from '../visits/report-rows';
import { disciplineOf } from '../visits/schedules-service';
import { mergedOwners } from './sales-figures';
import { fileBytes, lastBackup } from '../backup/backup-service';

/**
 * Each role's start page (首页): what that role looks at first. Every
 * figure is as of the office's today; nothing here is logged (each list
 * opened from a start page is logged where it is opened).
 */

/** How many lines the short lists of a start page show. */
const SHORT_LIST = 5;
const RECENT_CHANGES = 10;

/** Overdue reports are counted from the first day of the previous month: the custodian chases recent ones. */
function overdueWindow(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  return { from: `${previous}-01`, to: today };
}

/**
 * The 10 latest versions of any card. Every save sets the card's updated_at to its version's time, so
 * the latest versions all belong to the 10 cards saved last: read from the updated_at index instead of
 * sorting every version of 100,000 cards.
 */
async function recentChanges(db: Kysely<ArchiveSchema>): Promise<RecentChange[]> {
  const latest = await db
    .selectFrom('customers')
    .select('id')
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(RECENT_CHANGES)
    .execute();
  if (latest.length === 0) return [];
  const rows = await db
    .selectFrom('card_versions as v')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .select(['v.customer_id', 'c.code', 'c.name', 'v.version', 'v.at', 'v.by_name', 'v.kind', 'v.note'])
    .select(sql<number>`json_array_length(v.changes)`.as('changes'))
    .where(
      'v.customer_id',
      'in',
      latest.map((l) => l.id),
    )
    .orderBy('v.at', 'desc')
    .orderBy('v.customer_id', 'desc')
    .orderBy('v.version', 'desc')
    .limit(RECENT_CHANGES)
    .execute();
  return rows.map((r) => ({
    cardId: r.customer_id,
    code: r.code,
    name: r.name,
    version: r.version,
    at: r.at,
    byName: r.by_name,
    kind: r.kind as VersionKind,
    note: r.note,
    changes: Number(r.changes),
  }));
}

/** The custodian's start: the report inbox, the cards needing attention, the latest saves, overdue reports. */
export async function custodianStart(
  call: Call,
  _input: ParsedInputOf<'home.custodian'>,
): Promise<OutputOf<'home.custodian'>> {
  const { office } = call;
  const db = office.requireArchive().db;
  const today = calendarDate(office.now());
  const inbox = await pendingCounts(db);
  const oldest = await urgentFirst(summaryQuery(db).where('r.status', '=', 'pending'))
    .limit(SHORT_LIST)
    .execute();
  const rules = await loadUpkeepRules(db);
  const attention = await attentionPage(db, rules, today, scopeOf(sessionOf(call)), {}, 0, SHORT_LIST);
  const discipline = await disciplineOf(db, overdueWindow(today), today);
  return {
    inbox: {
      ...inbox,
      oldest: oldest.map(toSummary),
    },
    attention,
    recentChanges: await recentChanges(db),
    overdueReports: discipline.overdue.length,
  };
}

/** The rep's start: my customers and prospects, my routes, my reports and the ones I owe. */
export async function repStart(call: Call, _input: ParsedInputOf<'home.rep'>): Promise<OutputOf<'home.rep'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const db = office.requireArchive().db;
  const today = calendarDate(office.now());
  const me = session.username;
  const mine = sql<boolean>`assigned_rep = ${me} COLLATE NOCASE`;
  const cards = await db
    .selectFrom('customers')
    .select((eb) => [
      eb.fn.sum<number | null>(sql`prospect = 0`).as('customers'),
      eb.fn.sum<number | null>(sql`prospect = 1`).as('prospects'),
    ])
    .where('status', '=', 'active')
    .where(mine)
    .executeTakeFirst();
  const attention = await attentionPage(db, await loadUpkeepRules(db), today, { repUsername: me }, {}, 0, 1);

  // The routes of my active cards, with the route's label and its region's (the route's parent in the dictionary).
  const english = connection.language === 'en';
  const routeRows = await db
    .selectFrom('customers as c')
    .leftJoin('dictionary_entries as r', (join) => join.onRef('r.code', '=', 'c.route').on('r.axis', '=', 'route'))
    .leftJoin('dictionary_entries as g', (join) =>
      join.onRef('g.code', '=', 'r.parent_code').on('g.axis', '=', 'region'),
    )
    .select(['c.route', 'r.label', 'r.label_en', 'r.sort_order', 'g.label as region_label', 'g.label_en as region_en'])
    .select((eb) => eb.fn.countAll<number>().as('stops'))
    .select('r.parent_code')
    .where('c.status', '=', 'active')
    .where(sql<boolean>`c.assigned_rep = ${me} COLLATE NOCASE`)
    .where('c.route', '<>', '')
    .groupBy('c.route')
    .orderBy('r.sort_order')
    .orderBy('c.route')
    .execute();
  const pick = (zh: string | null, en: string | null, fallback: string) => (english && en ? en : zh) || fallback;
  const routes = routeRows.map((r) => ({
    code: r.route,
    label: pick(r.label, r.label_en, r.route),
    region: pick(r.region_label, r.region_en, r.parent_code ?? ''),
    stops: Number(r.stops),
  }));

  const recent = await summaryQuery(db)
    .where('r.rep_username', '=', me)
    .orderBy('r.submitted_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(SHORT_LIST)
    .execute();
  const pending = await db
    .selectFrom('visit_reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('rep_username', '=', me)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  const discipline = await disciplineOf(db, overdueWindow(today), today, me);
  return {
    myCustomers: Number(cards?.customers ?? 0),
    myProspects: Number(cards?.prospects ?? 0),
    attention: attention.counts,
    routes,
    recentReports: recent.map(toSummary),
    pendingReports: Number(pending?.n ?? 0),
    overdue: discipline.overdue,
  };
}

/**
 * Per card that owns figures (merged cards count for the card they went into): sales and receipts up to
 * `asOf`, and its limit. Plain SQL sums per card, folded onto owners here.
 */
async function balances(db: Kysely<ArchiveSchema>, asOf: string) {
  const owners = await mergedOwners(db);
  const balance = new Map<number, number>();
  const add = (id: number, cents: number) => {
    const owner = owners.get(id) ?? id;
    balance.set(owner, (balance.get(owner) ?? 0) + cents);
  };
  const sales = await db
    .selectFrom('sales_lines')
    .select(['customer_id', (eb) => eb.fn.sum<number>('amount_cents').as('cents')])
    .where('sold_on', '<=', asOf)
    .groupBy('customer_id')
    .execute();
  for (const s of sales) add(s.customer_id, Number(s.cents));
  const receipts = await db
    .selectFrom('receipts')
    .select(['customer_id', (eb) => eb.fn.sum<number>('amount_cents').as('cents')])
    .where('received_on', '<=', asOf)
    .groupBy('customer_id')
    .execute();
  for (const r of receipts) add(r.customer_id, -Number(r.cents));
  return { owners, balance };
}

/**
 * The manager's key figures. The period is the last twelve months ending today, the default period
 * of the analyses (analysis/dates.ts twelveMonthsTo), so the figures match the four small charts
 * beside them; the previous period is the twelve months before it.
 */
export async function managerStart(
  call: Call,
  _input: ParsedInputOf<'home.manager'>,
): Promise<OutputOf<'home.manager'>> {
  const { office } = call;
  const db = office.requireArchive().db;
  const today = calendarDate(office.now());
  const period = twelveMonthsTo(today);
  const previous = twelveMonthsTo(addDays(period.from, -1));

  const cards = await db
    .selectFrom('customers')
    .select((eb) => [
      eb.fn.sum<number | null>(sql`prospect = 0`).as('customers'),
      eb.fn.sum<number | null>(sql`prospect = 1`).as('prospects'),
    ])
    .where('status', '=', 'active')
    .executeTakeFirst();
  const salesIn = async (from: string, to: string) =>
    db
      .selectFrom('sales_lines')
      .select((eb) => eb.fn.sum<number | null>('amount_cents').as('cents'))
      .where('sold_on', '>=', from)
      .where('sold_on', '<=', to)
      .executeTakeFirst();
  const current = await salesIn(period.from, period.to);
  const before = await salesIn(previous.from, previous.to);
  const { owners, balance } = await balances(db, today);

  const buyers = await db
    .selectFrom('sales_lines')
    .select('customer_id')
    .distinct()
    .where('sold_on', '>=', period.from)
    .where('sold_on', '<=', period.to)
    .execute();
  const trading = new Set(buyers.map((b) => owners.get(b.customer_id) ?? b.customer_id));

  const limits = await db
    .selectFrom('customers')
    .select(['id', 'credit_limit'])
    .where('credit_limit', 'is not', null)
    .where('merged_into', 'is', null)
    .execute();
  let outstandingCents = 0;
  for (const cents of balance.values()) outstandingCents += Math.max(0, cents);
  const overLimitCustomers = limits.filter((l) => (balance.get(l.id) ?? 0) > Math.round(l.credit_limit! * 100)).length;

  const reports = await db
    .selectFrom('visit_reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('submitted_at', '>=', new Date(Date.parse(`${addDays(today, -29)}T00:00:00`)).toISOString())
    .executeTakeFirst();
  return {
    asOf: today,
    period,
    activeCards: Number(cards?.customers ?? 0),
    prospects: Number(cards?.prospects ?? 0),
    tradingCustomers: trading.size,
    salesCents: Number(current?.cents ?? 0),
    previousSalesCents: Number(before?.cents ?? 0),
    outstandingCents,
    overLimitCustomers,
    visitReports30d: Number(reports?.n ?? 0),
  };
}

/** The administrator's start page: users, the last backup and storage; no card content at all. */
export async function adminStart(call: Call, _input: ParsedInputOf<'home.admin'>): Promise<OutputOf<'home.admin'>> {
  const { office } = call;
  const db = office.requireArchive().db;
  const today = calendarDate(office.now());
  const users = await db.selectFrom('users').select(['id', 'active', 'must_change_password']).execute();
  const roles = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['user_roles.role', (eb) => eb.fn.countAll<number>().as('n')])
    .where('users.active', '=', 1)
    .groupBy('user_roles.role')
    .execute();
  const byRole = Object.fromEntries(ROLES.map((role) => [role, 0])) as Record<Role, number>;
  for (const r of roles) if ((ROLES as readonly string[]).includes(r.role)) byRole[r.role as Role] = Number(r.n);

  const last = await lastBackup(db);

  const { archivePath, keyringPath } = office.location;
  let freeBytes: number | null = null;
  try {
    const disk = statfsSync(dirname(archivePath));
    freeBytes = disk.bavail * disk.bsize;
  } catch {
    freeBytes = null;
  }
  return {
    users: {
      active: users.filter((u) => u.active === 1).length,
      inactive: users.filter((u) => u.active !== 1).length,
      byRole,
      mustChangePassword: users.filter((u) => u.active === 1 && u.must_change_password === 1).length,
    },
    lastBackup: last,
    daysSinceBackup: last ? daysBetween(calendarDate(new Date(last.at)), today) : null,
    storage: {
      archiveBytes: fileBytes(archivePath) + fileBytes(`${archivePath}-wal`),
      keyringBytes: fileBytes(keyringPath),
      freeBytes,
    },
  };
}
