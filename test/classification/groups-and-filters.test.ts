import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardFilters, CardQuery } from '../../src-shared/contracts/cards';
import type { ClassGroups, GroupAxis } from '../../src-shared/contracts/classification';
import { recomputeDerived } from '../../src-main/classification/derived-classes';
import type { Connection } from '../../src-main/router/connection';
import { addSales, classificationOffice, classifiedCard, type ClassificationOffice } from './classification-office';

const QUERY: CardQuery = { query: '', filters: {}, sort: { column: 'name', direction: 'asc' } };
const PERIOD = { from: '2026-01-01', to: '2026-06-30' };

describe('the classification view and the card list filters', () => {
  let co: ClassificationOffice;
  let keeper: Connection;
  let boss: Connection;
  let wang: Connection;
  /** Each card's id with the region it was filed under. */
  const regionOf = new Map<number, string>();

  beforeAll(async () => {
    co = await classificationOffice();
    const admin = await co.login('admin');
    keeper = await co.login('keeper');
    boss = await co.login('boss');
    wang = await co.login('rep.wang');
    const region = (code: string, label: string, parentCode: string | null) =>
      co.ok(admin, 'classification.saveEntry', {
        create: true,
        axis: 'region',
        code,
        label,
        labelEn: '',
        parentCode,
        active: true,
      });
    await region('HD', '华东区', null);
    await region('SH', '上海', 'HD');
    await region('PD', '浦东新区', 'SH');
    await region('XH', '徐汇区', 'SH');
    await region('JS', '江苏', 'HD');
    await region('BJ', '北京', null);
    const grades = ['A', 'B', 'C', ''];
    const regions = ['PD', 'XH', 'SH', 'JS', 'BJ', ''];
    const reps = ['rep.wang', 'rep.li', ''];
    const ids: number[] = [];
    for (let i = 0; i < 36; i++) {
      const card = await co.ok(keeper, 'cards.create', {
        content: classifiedCard(`华信测试客户${String.fromCharCode(0x4e00 + i * 7)}商行`, {
          grade: grades[i % 4]!,
          region: regions[i % 6]!,
          assignedRep: reps[i % 3]!,
        }),
        acceptDuplicates: true,
      });
      ids.push(card.id);
      regionOf.set(card.id, regions[i % 6]!);
    }
    // Two archived, one merged into another card (its sales go to the kept card).
    for (const id of ids.slice(0, 2)) {
      const card = await co.ok(keeper, 'cards.get', { id });
      await co.ok(keeper, 'cards.setArchived', { id, expectedVersion: card.version, archived: true });
    }
    const keep = await co.ok(keeper, 'cards.get', { id: ids[10]! });
    const gone = await co.ok(keeper, 'cards.get', { id: ids[11]! });
    await co.ok(keeper, 'cards.merge', {
      keepId: keep.id,
      keepVersion: keep.version,
      mergeId: gone.id,
      mergeVersion: gone.version,
    });
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const lines = [];
    for (let i = 0; i < 400; i++) {
      const id = ids[next() % ids.length]!;
      const month = 1 + (next() % 24);
      const soldOn = `${month > 12 ? 2026 : 2025}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-${String(1 + (next() % 28)).padStart(2, '0')}`;
      lines.push({ customerId: id, soldOn, cents: (next() % 5_000_000) - 50_000 });
    }
    // Boundary days of the period.
    lines.push(
      { customerId: ids[5]!, soldOn: '2026-01-01', cents: 1 },
      { customerId: ids[5]!, soldOn: '2026-06-30', cents: 10 },
    );
    lines.push(
      { customerId: ids[5]!, soldOn: '2025-12-31', cents: 100 },
      { customerId: ids[5]!, soldOn: '2026-07-01', cents: 1000 },
    );
    lines.push({ customerId: ids[11]!, soldOn: '2026-03-03', cents: 777_77 });
    await addSales(co.db(), lines);
    await recomputeDerived(co.db(), '2026-11-27');
  });
  afterAll(async () => co?.close());

  const search = async (filters: CardFilters, as = keeper, query = '', sort: CardQuery['sort'] = QUERY.sort) =>
    co.ok(as, 'cards.search', { query, filters, sort, offset: 0, limit: 500 });
  const idsOf = async (filters: CardFilters, as = keeper, query = '') =>
    (await search(filters, as, query)).rows.map((r) => r.id).sort((a, b) => a - b);

  it('a region filter takes in the whole subtree of the region', async () => {
    const inRegions = (codes: string[]) =>
      [...regionOf]
        .filter(([, r]) => codes.includes(r))
        .map(([id]) => id)
        .sort((a, b) => a - b);
    expect(await idsOf({ region: ['PD'] })).toEqual(inRegions(['PD']));
    expect(await idsOf({ region: ['SH'] })).toEqual(inRegions(['SH', 'PD', 'XH']));
    expect(await idsOf({ region: ['HD'] })).toEqual(inRegions(['SH', 'PD', 'XH', 'JS']));
    expect(await idsOf({ region: ['BJ', 'XH'] })).toEqual(inRegions(['BJ', 'XH']));
    expect((await idsOf({ region: ['HD'] })).length).toBeGreaterThan((await idsOf({ region: ['SH'] })).length);
    // With the search box, other filters and a rep's scope, as every other filter combines.
    const wangsInShanghai = await idsOf({ region: ['SH'] }, wang, '华信');
    const wangs = new Set(
      (await co.db().selectFrom('customers').select('id').where('assigned_rep', '=', 'rep.wang').execute()).map(
        (r) => r.id,
      ),
    );
    expect(wangsInShanghai).toEqual(inRegions(['SH', 'PD', 'XH']).filter((id) => wangs.has(id)));
    expect(wangsInShanghai.length).toBeGreaterThan(0);
    // Counted and paged alike: the total matches the rows.
    const page = await search({ region: ['HD'], grade: ['A', 'B'] });
    expect(page.total).toBe(page.rows.length);
    expect(page.rows.every((r) => ['SH', 'PD', 'XH', 'JS'].includes(r.region) && ['A', 'B'].includes(r.grade))).toBe(
      true,
    );
  });

  it('filters and sorts by the derived classes in effect, combined with the other filters', async () => {
    const stored = await co
      .db()
      .selectFrom('customers')
      .select(['id', 'lifecycle', 'volume_tier', 'grade', 'status'])
      .execute();
    const expectIds = (keep: (r: (typeof stored)[number]) => boolean) =>
      stored
        .filter(keep)
        .map((r) => r.id)
        .sort((a, b) => a - b);
    const lifecycles = new Set(stored.map((r) => r.lifecycle));
    expect(lifecycles.size).toBeGreaterThanOrEqual(3);
    for (const lifecycle of ['potential', 'new', 'active', 'lapsed'] as const) {
      expect(await idsOf({ lifecycle: [lifecycle] }), lifecycle).toEqual(expectIds((r) => r.lifecycle === lifecycle));
    }
    expect(await idsOf({ volumeTier: ['key', 'general'] })).toEqual(
      expectIds((r) => r.volume_tier === 'key' || r.volume_tier === 'general'),
    );
    expect(await idsOf({ volumeTier: ['key'], grade: ['A', 'C'], status: ['active'] })).toEqual(
      expectIds((r) => r.volume_tier === 'key' && ['A', 'C'].includes(r.grade) && r.status === 'active'),
    );
    expect(await idsOf({ lifecycle: ['new', 'active'] }, keeper, '华信')).toEqual(
      expectIds((r) => r.lifecycle === 'new' || r.lifecycle === 'active'),
    );
    const byTier = await search({ volumeTier: ['key', 'scattered'] }, keeper, '', {
      column: 'volumeTier',
      direction: 'desc',
    });
    expect(byTier.rows.map((r) => r.volumeTier)).toEqual([...byTier.rows.map((r) => r.volumeTier)].sort().reverse());
    expect(byTier.total).toBe(byTier.rows.length);
    // The filters move with a recompute: they are list columns, not index terms.
    const someNew = stored.find((r) => r.lifecycle === 'new');
    if (someNew) {
      await recomputeDerived(co.db(), '2031-01-01');
      expect(await idsOf({ lifecycle: ['new'] })).toEqual([]);
      await recomputeDerived(co.db(), '2026-11-27');
      expect(await idsOf({ lifecycle: ['new'] })).toContain(someNew.id);
    }
  });

  /** The groups worked out with one plain SQL statement: merged cards' lines go to their kept card. */
  async function groupsBySql(axes: string[], status: string[], regions: string[] | null) {
    const keys = axes.map((column, i) => `c.${column} AS k${i}`).join(', ');
    const group = axes.map((_, i) => `k${i}`).join(', ');
    const regionCondition = regions ? `AND c.region IN (${regions.map((r) => `'${r}'`).join(', ')})` : '';
    const result = await sql<Record<string, string | number>>`
      WITH RECURSIVE owner(id, kept) AS (
        SELECT id, id FROM customers WHERE merged_into IS NULL
        UNION ALL SELECT c.id, o.kept FROM customers c JOIN owner o ON c.merged_into = o.id
      ),
      sales AS (
        SELECT o.kept AS id, sum(l.amount_cents) AS cents FROM sales_lines l JOIN owner o ON o.id = l.customer_id
         WHERE l.sold_on BETWEEN ${PERIOD.from} AND ${PERIOD.to} GROUP BY o.kept
      )
      SELECT ${sql.raw(keys)}, count(*) AS n, coalesce(sum(s.cents), 0) AS cents
        FROM customers c LEFT JOIN sales s ON s.id = c.id
       WHERE c.status IN (${sql.join(status)}) ${sql.raw(regionCondition)}
       GROUP BY ${sql.raw(group)}`.execute(co.db());
    return result.rows
      .map((r) => ({ keys: axes.map((_, i) => String(r[`k${i}`])), customers: Number(r.n), cents: Number(r.cents) }))
      .sort((a, b) => a.keys.join('|').localeCompare(b.keys.join('|')));
  }
  const sorted = (g: ClassGroups) => [...g.groups].sort((a, b) => a.keys.join('|').localeCompare(b.keys.join('|')));

  it('groups the active cards by one or two axes with counts and sales equal to an independent SQL sum', async () => {
    const cases: [GroupAxis[], string[], CardFilters, string[] | null, string[]][] = [
      [['grade'], ['grade'], {}, null, ['active']],
      [['region', 'lifecycle'], ['region', 'lifecycle'], {}, null, ['active']],
      [
        ['assignedRep', 'volumeTier'],
        ['assigned_rep', 'volume_tier'],
        { status: ['active', 'archived'] },
        null,
        ['active', 'archived'],
      ],
      [['grade', 'region'], ['grade', 'region'], { region: ['SH'] }, ['SH', 'PD', 'XH'], ['active']],
      [['nature'], ['nature'], { status: ['merged'] }, null, ['merged']],
    ];
    for (const [axes, columns, filters, regions, status] of cases) {
      const groups = await co.ok(boss, 'classification.groups', { axes, period: PERIOD, filters });
      const expected = await groupsBySql(columns, status, regions);
      expect(sorted(groups), axes.join('×')).toEqual(expected);
      expect(groups.totalCustomers).toBe(expected.reduce((s, g) => s + g.customers, 0));
      expect(groups.totalCents).toBe(expected.reduce((s, g) => s + g.cents, 0));
      expect(groups.axes).toEqual(axes);
      // Largest sales first.
      expect(groups.groups.map((g) => g.cents)).toEqual([...groups.groups.map((g) => g.cents)].sort((a, b) => b - a));
    }
    const byGrade = await co.ok(boss, 'classification.groups', { axes: ['grade'], period: PERIOD, filters: {} });
    expect(byGrade.groups.some((g) => g.keys[0] === '')).toBe(true);
    expect(byGrade.totalCents).not.toBe(0);
    // The merged card's line counts for the card it went into, not for itself.
    const merged = await co.ok(boss, 'classification.groups', {
      axes: ['grade'],
      period: PERIOD,
      filters: { status: ['merged'] },
    });
    expect(merged.totalCents).toBe(0);
  });

  it('is for readers of all cards: not for reps, the administrator or the auditor', async () => {
    const input = { axes: ['grade' as const], period: PERIOD, filters: {} };
    expect((await co.ok(keeper, 'classification.groups', input)).totalCustomers).toBeGreaterThan(0);
    for (const user of ['rep.wang', 'admin', 'checker'] as const) {
      expect(await co.fails(await co.login(user), 'classification.groups', input)).toBe('FORBIDDEN');
    }
  });
});
