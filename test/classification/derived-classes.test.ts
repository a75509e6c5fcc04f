import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CLASSIFICATION_RULES,
  type ClassificationRules,
  type Lifecycle,
  type VolumeTier,
} from '../../src-shared/classification/derived';
import { openArchive, type OpenArchive } from '../../src-main/archive/open-archive';
import { BulkCardWriter } from '../../src-main/cards/spreadsheet/bulk-card-writer';
import { storedContents } from '../../src-main/cards/spreadsheet/stored-contents';
import { windowStart } from '../../src-main/classification/calendar';
import { recomputeDerived } from '../../src-main/classification/derived-classes';
import { RULES_SETTING_KEY } from '../../src-main/classification/rules-service';
import { namedCard } from '../support/card-samples';
import { addSales } from './classification-office';

interface Line {
  customerId: number;
  soldOn: string;
  cents: number;
}

interface Expected {
  lifecycle: Lifecycle;
  lifecycle_derived: Lifecycle;
  volume_tier: VolumeTier;
  volume_tier_derived: VolumeTier;
  first_sale_on: string | null;
  last_sale_on: string | null;
  sales_12m_cents: number;
}

/** A small deterministic generator, so that a failure can be replayed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

/** The first day of the N months ending on asOf, worked out with Date's own month arithmetic. */
function firstDayOfMonths(asOf: string, months: number): string {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const monthStart = new Date(Date.UTC(y, m - 1 - months, 1));
  const days = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 0)).getUTCDate();
  monthStart.setUTCDate(Math.min(d, days) + 1);
  return monthStart.toISOString().slice(0, 10);
}

/**
 * The derived classes computed independently of the service: plain TypeScript over the same lines,
 * following the rules as written in src-shared/classification/derived.ts.
 */
function expectedClasses(
  customers: readonly { id: number; mergedInto: number | null; lifecycleOverride: string; tierOverride: string }[],
  lines: readonly Line[],
  asOf: string,
  rules: ClassificationRules,
): Map<number, Expected> {
  const parent = new Map(customers.filter((c) => c.mergedInto !== null).map((c) => [c.id, c.mergedInto!]));
  const owner = (id: number): number => (parent.has(id) ? owner(parent.get(id)!) : id);
  const from12 = firstDayOfMonths(asOf, 12);
  const facts = new Map<number, { first: string; last: string; recent: number }>();
  for (const line of lines) {
    if (line.soldOn > asOf) continue;
    const id = owner(line.customerId);
    const f = facts.get(id) ?? { first: line.soldOn, last: line.soldOn, recent: 0 };
    if (line.soldOn < f.first) f.first = line.soldOn;
    if (line.soldOn > f.last) f.last = line.soldOn;
    if (line.soldOn >= from12) f.recent += line.cents;
    facts.set(id, f);
  }
  const kept = customers.filter((c) => c.mergedInto === null);
  const ranked = kept
    .map((c) => ({ id: c.id, recent: facts.get(c.id)?.recent ?? 0 }))
    .filter((c) => c.recent > 0)
    .sort((a, b) => (a.recent === b.recent ? a.id - b.id : b.recent - a.recent));
  const total = ranked.reduce((s, c) => s + c.recent, 0);
  const tier = new Map<number, VolumeTier>();
  let before = 0;
  for (const c of ranked) {
    tier.set(
      c.id,
      before * 100 < rules.keyPercent * total
        ? 'key'
        : before * 100 < (rules.keyPercent + rules.generalPercent) * total
          ? 'general'
          : 'scattered',
    );
    before += c.recent;
  }
  const result = new Map<number, Expected>();
  for (const c of customers) {
    const f = c.mergedInto === null ? facts.get(c.id) : undefined;
    let lifecycle: Lifecycle = 'potential';
    if (f) {
      if (f.last < firstDayOfMonths(asOf, rules.lapsedMonths)) lifecycle = 'lapsed';
      else if (f.first >= firstDayOfMonths(asOf, rules.newMonths)) lifecycle = 'new';
      else lifecycle = 'active';
    }
    const volume = tier.get(c.id) ?? 'scattered';
    result.set(c.id, {
      lifecycle: (c.lifecycleOverride || lifecycle) as Lifecycle,
      lifecycle_derived: lifecycle,
      volume_tier: (c.tierOverride || volume) as VolumeTier,
      volume_tier_derived: volume,
      first_sale_on: f?.first ?? null,
      last_sale_on: f?.last ?? null,
      sales_12m_cents: f?.recent ?? 0,
    });
  }
  return result;
}

describe('derived classes: lifecycle and volume tier from the sales lines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kedang-derived-'));
  let archive: OpenArchive;
  const db = () => archive.db;

  beforeAll(async () => {
    archive = await openArchive(join(dir, 'a.kedang'), randomBytes(32), 'id', () => new Date(), { create: true });
  });
  afterAll(async () => {
    await archive?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** New cards written as the import writes them; returns their ids. */
  function addCustomers(count: number, prefix: string): number[] {
    const writer = new BulkCardWriter(
      archive.raw,
      storedContents(archive.raw),
      { username: 'keeper', displayName: '张档案' },
      '2026-11-27T09:00:00.000Z',
      'create',
      '',
    );
    return archive.raw.transaction(() =>
      Array.from({ length: count }, (_, i) =>
        writer.insert(namedCard(`${prefix}客户${i}`, { code: `${prefix}${String(i).padStart(5, '0')}` })),
      ),
    )();
  }
  const mergeInto = (id: number, into: number) =>
    db().updateTable('customers').set({ status: 'merged', merged_into: into }).where('id', '=', id).execute();
  const setRules = async (rules: ClassificationRules) => {
    const value = JSON.stringify(rules);
    await db()
      .insertInto('settings')
      .values({ key: RULES_SETTING_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  };
  const stored = async (ids: readonly number[]) =>
    new Map(
      (
        await db()
          .selectFrom('customers')
          .select([
            'id',
            'lifecycle',
            'lifecycle_derived',
            'volume_tier',
            'volume_tier_derived',
            'first_sale_on',
            'last_sale_on',
            'sales_12m_cents',
          ])
          .where('id', 'in', ids)
          .execute()
      ).map(({ id, ...rest }) => [id, rest]),
    );

  it('counts the 12 months ending on the day, both ends included, month ends clamped', () => {
    expect(windowStart('2026-11-27', 12)).toBe('2025-11-28');
    expect(windowStart('2024-02-29', 12)).toBe('2023-03-01');
    expect(windowStart('2026-03-31', 1)).toBe('2026-03-01');
    expect(windowStart('2026-01-15', 13)).toBe('2024-12-16');
    for (const [asOf, months] of [
      ['2026-11-27', 12],
      ['2024-02-29', 12],
      ['2026-03-31', 1],
      ['2025-12-31', 6],
      ['2024-03-30', 1],
    ] as const) {
      expect(windowStart(asOf, months), `${asOf} − ${months}`).toBe(firstDayOfMonths(asOf, months));
    }
  });

  it('decides the boundary days as the rules say', async () => {
    const [onStart, dayBefore, oldAndRecent, future, onAsOf] = addCustomers(5, 'B');
    await addSales(db(), [
      { customerId: onStart!, soldOn: '2025-11-28', cents: 100 },
      { customerId: dayBefore!, soldOn: '2025-11-27', cents: 100 },
      { customerId: oldAndRecent!, soldOn: '2020-01-01', cents: 100 },
      { customerId: oldAndRecent!, soldOn: '2025-11-28', cents: 50 },
      { customerId: future!, soldOn: '2026-11-28', cents: 900 },
      { customerId: onAsOf!, soldOn: '2026-11-27', cents: 70 },
    ]);
    await recomputeDerived(db(), '2026-11-27');
    const rows = await stored([onStart!, dayBefore!, oldAndRecent!, future!, onAsOf!]);
    // The first day of the window counts: sales, and "new" (first sale within 12 months).
    expect(rows.get(onStart!)).toMatchObject({ lifecycle: 'new', sales_12m_cents: 100, first_sale_on: '2025-11-28' });
    // The day before it does not: no sale in the last 12 months is lapsed.
    expect(rows.get(dayBefore!)).toMatchObject({ lifecycle: 'lapsed', sales_12m_cents: 0, volume_tier: 'scattered' });
    expect(rows.get(oldAndRecent!)).toMatchObject({
      lifecycle: 'active',
      sales_12m_cents: 50,
      first_sale_on: '2020-01-01',
      last_sale_on: '2025-11-28',
    });
    // A line dated after the day is not counted yet.
    expect(rows.get(future!)).toMatchObject({ lifecycle: 'potential', sales_12m_cents: 0, last_sale_on: null });
    expect(rows.get(onAsOf!)).toMatchObject({ lifecycle: 'new', sales_12m_cents: 70 });
    // The next day the boundary moves by one day.
    await recomputeDerived(db(), '2026-11-28');
    const next = await stored([onStart!, future!]);
    expect(next.get(onStart!)).toMatchObject({ lifecycle: 'lapsed', sales_12m_cents: 0 });
    expect(next.get(future!)).toMatchObject({ lifecycle: 'new', sales_12m_cents: 900 });
  });

  it('ranks ties by card id, and a tier starts when the share before a customer reaches its threshold', async () => {
    // The other tests' customers sell before 2028: these four have the only sales of their window.
    const ids = addCustomers(4, 'T');
    await addSales(
      db(),
      ids.map((id) => ({ customerId: id, soldOn: '2030-06-01', cents: 2500 })),
    );
    await setRules({ ...DEFAULT_CLASSIFICATION_RULES, keyPercent: 50, generalPercent: 30 });
    await recomputeDerived(db(), '2030-06-30');
    let rows = await stored(ids);
    // Shares before them: 0 %, 25 % (key, below 50), 50 % (general), 75 % (general, below 80).
    expect(ids.map((id) => rows.get(id)!.volume_tier)).toEqual(['key', 'key', 'general', 'general']);
    await setRules({ ...DEFAULT_CLASSIFICATION_RULES, keyPercent: 50, generalPercent: 25 });
    await recomputeDerived(db(), '2030-06-30');
    rows = await stored(ids);
    expect(ids.map((id) => rows.get(id)!.volume_tier)).toEqual(['key', 'key', 'general', 'scattered']);
    await setRules(DEFAULT_CLASSIFICATION_RULES);
  });

  it('counts a merged card’s lines for the card it was merged into, through a chain', async () => {
    const [kept, middle, last] = addCustomers(3, 'M');
    await addSales(db(), [
      { customerId: kept!, soldOn: '2026-05-01', cents: 1000 },
      { customerId: middle!, soldOn: '2019-05-01', cents: 300 },
      { customerId: last!, soldOn: '2026-10-01', cents: 200 },
    ]);
    await mergeInto(middle!, kept!);
    await mergeInto(last!, middle!);
    await recomputeDerived(db(), '2026-11-27');
    const rows = await stored([kept!, middle!, last!]);
    expect(rows.get(kept!)).toMatchObject({
      lifecycle: 'active',
      first_sale_on: '2019-05-01',
      last_sale_on: '2026-10-01',
      sales_12m_cents: 1200,
    });
    for (const merged of [middle!, last!]) {
      expect(rows.get(merged)).toEqual({
        lifecycle: 'potential',
        lifecycle_derived: 'potential',
        volume_tier: 'scattered',
        volume_tier_derived: 'scattered',
        first_sale_on: null,
        last_sale_on: null,
        sales_12m_cents: 0,
      });
    }
  });

  it('matches an independent computation on generated data, for several days and rules, overrides kept', async () => {
    const random = seeded(20261127);
    const ids = addCustomers(600, 'G');
    // Some cards merged into others, a few through a chain.
    const merged = new Map<number, number>();
    for (let i = 0; i < 40; i++) {
      const id = ids[random.int(0, ids.length - 1)]!;
      const into = ids[random.int(0, ids.length - 1)]!;
      if (id === into || merged.has(id) || merged.has(into) || [...merged.values()].includes(id)) continue;
      merged.set(id, into);
    }
    const chainFrom = ids.find((id) => !merged.has(id) && ![...merged.values()].includes(id))!;
    const chainTarget = [...merged.keys()][0]!;
    merged.set(chainFrom, chainTarget);
    for (const [id, into] of merged) await mergeInto(id, into);
    // Skewed amounts (a few customers buy most), dates from 2022 to 2027, some returns, some ties.
    const lines: Line[] = [];
    for (let i = 0; i < 12_000; i++) {
      const rank = Math.floor(ids.length * random.next() ** 2.5);
      const day = new Date(Date.UTC(2022, 5, 1) + random.int(0, 1730) * 86_400_000).toISOString().slice(0, 10);
      const cents = random.next() < 0.03 ? -random.int(100, 50_000) : random.int(100, 2_000_000);
      lines.push({ customerId: ids[rank]!, soldOn: day, cents });
    }
    for (const id of ids.slice(-12)) lines.push({ customerId: id, soldOn: '2026-08-08', cents: 123_456 });
    await addSales(db(), lines);
    // Overrides: the effective class is the override, the derived one is still computed.
    const overridden = ids.filter((_, i) => i % 37 === 0);
    for (const [n, id] of overridden.entries()) {
      await db()
        .updateTable('customers')
        .set({ lifecycle_override: n % 2 ? 'lapsed' : 'new', volume_tier_override: n % 3 ? '' : 'key' })
        .where('id', '=', id)
        .execute();
    }
    const all = await db()
      .selectFrom('customers')
      .select(['id', 'merged_into', 'lifecycle_override', 'volume_tier_override'])
      .execute();
    const everyLine = (
      await db().selectFrom('sales_lines').select(['customer_id', 'sold_on', 'amount_cents']).execute()
    ).map((l) => ({ customerId: l.customer_id, soldOn: l.sold_on, cents: l.amount_cents }));
    const customers = all.map((c) => ({
      id: c.id,
      mergedInto: c.merged_into,
      lifecycleOverride: c.lifecycle_override,
      tierOverride: c.volume_tier_override,
    }));

    const scenarios: [string, ClassificationRules][] = [
      ['2026-11-27', DEFAULT_CLASSIFICATION_RULES],
      ['2024-02-29', DEFAULT_CLASSIFICATION_RULES],
      [
        '2026-03-31',
        { ...DEFAULT_CLASSIFICATION_RULES, newMonths: 6, lapsedMonths: 3, keyPercent: 60, generalPercent: 30 },
      ],
      [
        '2025-12-31',
        { ...DEFAULT_CLASSIFICATION_RULES, newMonths: 24, lapsedMonths: 1, keyPercent: 99, generalPercent: 0 },
      ],
    ];
    for (const [asOf, rules] of scenarios) {
      await setRules(rules);
      const summary = await recomputeDerived(db(), asOf);
      expect(summary.customers).toBe(all.length);
      const expected = expectedClasses(customers, everyLine, asOf, rules);
      const actual = await stored(all.map((c) => c.id));
      const wrong = all.filter((c) => JSON.stringify(actual.get(c.id)) !== JSON.stringify(expected.get(c.id)));
      expect(wrong.map((c) => [c.id, actual.get(c.id), expected.get(c.id)]).slice(0, 3), `as of ${asOf}`).toEqual([]);
      // Every tier and lifecycle occurs, so the comparison is not between empty answers.
      const tiers = new Set([...expected.values()].map((e) => e.volume_tier_derived));
      expect(tiers.size, asOf).toBeGreaterThanOrEqual(rules.generalPercent > 0 ? 3 : 2);
      // A second run with nothing new rewrites nothing.
      expect((await recomputeDerived(db(), asOf)).changed).toBe(0);
    }
    await setRules(DEFAULT_CLASSIFICATION_RULES);
  });
});
