import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrossTabBy, Period } from '../../src-shared/analysis/analysis';
import { DEFAULT_CLASSIFICATION_RULES } from '../../src-shared/classification/derived';
import { analysisOffice, AS_OF, type AnalysisOffice, type CardFacts } from './analysis-office';
import {
  boughtBy,
  bp,
  comparisonSpans,
  creditByOwner,
  dictionaryCodes,
  exactShares,
  limitCents,
  ownerMap,
  regionPaths,
  sum,
  type Bought,
} from './expected';

/**
 * Every figure of every analysis against an independent computation over the generated data
 * (expected.ts), to the cent; shares add up to exactly 10,000 bp.
 */

const TWELVE_MONTHS: Period = { from: '2025-11-27', to: AS_OF };
/** Previous period and last year differ by a day here (2024 has a 29 February). */
const ACROSS_LEAP_DAY: Period = { from: '2024-03-01', to: '2025-02-28' };
const ONE_MONTH: Period = { from: '2026-02-01', to: '2026-02-28' };
/** Longer than a year: last year overlaps the period itself. */
const TWO_YEARS: Period = { from: '2024-06-01', to: '2026-05-31' };
/** Ends after the latest sale: the statements leave out the upper bound then. */
const PAST_THE_LATEST_SALE: Period = { from: '2026-01-01', to: '2026-12-31' };
const PERIODS = [TWELVE_MONTHS, ACROSS_LEAP_DAY, ONE_MONTH, TWO_YEARS, PAST_THE_LATEST_SALE];

describe('composition analyses against an independent computation', () => {
  let office: AnalysisOffice;
  let cards: Map<number, CardFacts>;
  let owner: Map<number, number>;

  beforeAll(async () => {
    office = await analysisOffice();
    cards = new Map(office.cards().map((c) => [c.id, c]));
    owner = ownerMap([...cards.values()]);
  }, 120_000);
  afterAll(async () => office?.close());

  const cardOf = (id: number) => cards.get(id)!;
  /** Customers (never merged cards) in a stable order: largest figure first, then id. */
  const ranked = (figures: Map<number, number>) =>
    [...figures.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id, cents]) => ({ id, cents }));

  it('the generated data has what the analyses must handle', () => {
    const { special } = office;
    expect(cardOf(special.mergedFirst)).toMatchObject({ status: 'merged', mergedInto: special.keptFirst });
    expect(cardOf(special.keptFirst)).toMatchObject({ status: 'merged', mergedInto: special.keptLast });
    expect(cardOf(special.archived).status).toBe('archived');
    expect(office.lines.some((l) => l.cents < 0)).toBe(true);
    expect(office.lines.some((l) => l.customerId === special.mergedFirst && l.soldOn >= TWELVE_MONTHS.from)).toBe(true);
    expect([...cards.values()].some((c) => c.grade === '' && c.status !== 'merged')).toBe(true);
  });

  describe.each(PERIODS)('sales by grade, $from to $to', (period) => {
    it('has each grade with its customers, sales and share, and the comparison periods', async () => {
      const result = await office.ok(office.manager, 'analysis.grade', { period });
      const spans = comparisonSpans(period);
      expect({ previous: result.previous, lastYear: result.lastYear }).toEqual(spans);
      const current = boughtBy(office, period);
      const previous = boughtBy(office, spans.previous);
      const lastYear = boughtBy(office, spans.lastYear);
      const gradeOf = (id: number) => cardOf(id).grade;
      const codes = dictionaryCodes(office, 'grade');
      const byGrade = (m: Map<number, Bought>, code: string) =>
        sum([...m].filter(([id]) => gradeOf(id) === code).map(([, b]) => b.cents));
      const ungraded = [current, previous, lastYear].some((m) => [...m.keys()].some((id) => gradeOf(id) === ''));
      const keys = ungraded ? [...codes, ''] : codes;
      const cents = keys.map((k) => byGrade(current, k));
      expect(result.groups.map((g) => g.key)).toEqual(keys);
      expect(result.groups).toEqual(
        keys.map((key, i) => ({
          key,
          customers: [...current].filter(([id, b]) => gradeOf(id) === key && b.lines > 0).length,
          cents: cents[i],
          previousCents: byGrade(previous, key),
          lastYearCents: byGrade(lastYear, key),
          shareBp: exactShares(cents)[i],
        })),
      );
      expect(sum(result.groups.map((g) => g.shareBp))).toBe(10_000);
      expect(result.totalCents).toBe(sum([...current.values()].map((b) => b.cents)));
      expect(result.previousCents).toBe(sum([...previous.values()].map((b) => b.cents)));
      expect(result.lastYearCents).toBe(sum([...lastYear.values()].map((b) => b.cents)));
    });

    it('has the Pareto curve of the customers with sales above zero', async () => {
      const { pareto } = await office.ok(office.manager, 'analysis.grade', { period });
      const values = ranked(new Map([...boughtBy(office, period)].map(([id, b]) => [id, b.cents])))
        .filter((f) => f.cents > 0)
        .map((f) => f.cents);
      const whole = sum(values);
      const cumulative = [0];
      for (const v of values) cumulative.push(cumulative.at(-1)! + v);
      const k = cumulative.findIndex((c) => c * 10 >= whole * 8);
      expect(pareto.customers).toBe(values.length);
      expect(pareto.customersFor80).toBe(k);
      expect(pareto.customersFor80ShareBp).toBe(bp(k, values.length));
      expect(pareto.points).toHaveLength(101);
      for (const point of pareto.points) {
        const m = Math.floor((2 * point.customerPercent * values.length + 100) / 200);
        expect(point.salesShareBp, `${point.customerPercent}%`).toBe(bp(cumulative[m]!, whole));
      }
      expect(pareto.points[100]!.salesShareBp).toBe(10_000);
    });
  });

  it('has the monthly sales of each grade', async () => {
    const result = await office.ok(office.manager, 'analysis.trend', { period: TWELVE_MONTHS });
    const months = [
      '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04',
      '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]; // prettier-ignore
    expect(result.months).toEqual(months);
    const expected = new Map<string, number[]>();
    for (const line of office.lines) {
      if (line.soldOn < TWELVE_MONTHS.from || line.soldOn > TWELVE_MONTHS.to) continue;
      const grade = cardOf(owner.get(line.customerId)!).grade;
      const series = expected.get(grade) ?? months.map(() => 0);
      series[months.indexOf(line.soldOn.slice(0, 7))]! += line.cents;
      expected.set(grade, series);
    }
    const codes = dictionaryCodes(office, 'grade');
    const keys = expected.has('') ? [...codes, ''] : codes;
    expect(result.series).toEqual(keys.map((grade) => ({ grade, cents: expected.get(grade) ?? months.map(() => 0) })));
    expect(result.totals).toEqual(months.map((_, m) => sum([...expected.values()].map((s) => s[m]!))));
  });

  describe.each(['grade', 'region'] as CrossTabBy[])('product composition by %s', (by) => {
    it('has each product and category with customers, quantity, sales and share, and the cross-tab', async () => {
      const period = TWELVE_MONTHS;
      const result = await office.ok(office.manager, 'analysis.product', { period, by });
      const inPeriod = office.lines.filter((l) => l.soldOn >= period.from && l.soldOn <= period.to);
      const product = new Map(office.products.map((p) => [p.id, p]));
      const perProduct = new Map<number, { cents: number; quantity: number; buyers: Set<number> }>();
      const perCategory = new Map<string, { cents: number; quantity: number; buyers: Set<number> }>();
      const paths = regionPaths(office);
      const columnOf = (id: number) => {
        const card = cardOf(owner.get(id)!);
        return by === 'grade' ? card.grade : card.region === '' ? '' : paths.get(card.region)![0]!;
      };
      const cells = new Map<string, number>();
      for (const l of inPeriod) {
        const p = product.get(l.productId)!;
        for (const [map, key] of [
          [perProduct, l.productId],
          [perCategory, p.category],
        ] as const) {
          const e = (map as Map<unknown, { cents: number; quantity: number; buyers: Set<number> }>).get(key) ?? {
            cents: 0,
            quantity: 0,
            buyers: new Set<number>(),
          };
          e.cents += l.cents;
          e.quantity += l.quantity;
          e.buyers.add(owner.get(l.customerId)!);
          (map as Map<unknown, typeof e>).set(key, e);
        }
        const cell = `${p.category}\u0000${columnOf(l.customerId)}`;
        cells.set(cell, (cells.get(cell) ?? 0) + l.cents);
      }
      const products = [...perProduct.entries()]
        .map(([id, e]) => ({ ...product.get(id)!, ...e }))
        .sort((a, b) => b.cents - a.cents || a.code.localeCompare(b.code));
      expect(result.products).toEqual(
        products.map((p, i) => ({
          key: p.code,
          productId: p.id,
          code: p.code,
          name: p.name,
          category: p.category,
          customers: p.buyers.size,
          cents: p.cents,
          quantity: p.quantity,
          shareBp: exactShares(products.map((x) => x.cents))[i],
        })),
      );
      const categories = [...perCategory.entries()].sort(
        (a, b) => b[1].cents - a[1].cents || (a[0] === '' ? 1 : b[0] === '' ? -1 : a[0].localeCompare(b[0])),
      );
      expect(result.categories).toEqual(
        categories.map(([key, e], i) => ({
          key,
          customers: e.buyers.size,
          cents: e.cents,
          quantity: e.quantity,
          shareBp: exactShares(categories.map(([, x]) => x.cents))[i],
        })),
      );
      expect(result.totalCents).toBe(sum(inPeriod.map((l) => l.cents)));
      expect(result.totalQuantity).toBe(sum(inPeriod.map((l) => l.quantity)));

      const codes =
        by === 'grade'
          ? dictionaryCodes(office, 'grade')
          : dictionaryCodes(office, 'region').filter((c) => paths.get(c)!.length === 1);
      const unclassified = inPeriod.some((l) => columnOf(l.customerId) === '');
      const columns = unclassified ? [...codes, ''] : codes;
      expect(result.crossTab.by).toBe(by);
      expect(result.crossTab.columns).toEqual(
        columns.map((key) => ({
          key,
          cents: sum(inPeriod.filter((l) => columnOf(l.customerId) === key).map((l) => l.cents)),
        })),
      );
      expect(result.crossTab.rows.map((r) => r.category)).toEqual(categories.map(([key]) => key));
      columns.forEach((column, j) => {
        const values = categories.map(([category]) => cells.get(`${category}\u0000${column}`) ?? 0);
        const shares = exactShares(values);
        expect(result.crossTab.rows.map((r) => r.cells[j])).toEqual(
          values.map((cents, i) => ({ cents, shareBp: shares[i] })),
        );
        if (values.some((v) => v > 0)) expect(sum(shares)).toBe(10_000);
      });
    });
  });

  describe.each([null, 'HD', 'HD-SH', 'HD-SH-PD'])('regional composition under %s', (parent) => {
    it('has each child region with its whole subtree, the parent itself, and no region at the top', async () => {
      const result = await office.ok(office.manager, 'analysis.region', { period: TWELVE_MONTHS, parent });
      const paths = regionPaths(office);
      const bought = boughtBy(office, TWELVE_MONTHS);
      const children = dictionaryCodes(office, 'region').filter((code) => {
        const path = paths.get(code)!;
        return parent === null ? path.length === 1 : path.length >= 2 && path[path.length - 2] === parent;
      });
      const groupOf = (region: string): string | null => {
        if (region === '') return parent === null ? '' : null;
        const path = paths.get(region)!;
        if (parent === null) return path[0]!;
        const at = path.indexOf(parent);
        return at < 0 ? null : (path[at + 1] ?? parent);
      };
      const groups = new Map<string, { customers: number; cents: number }>();
      for (const [id, b] of bought) {
        const key = groupOf(cardOf(id).region);
        if (key === null) continue;
        const g = groups.get(key) ?? { customers: 0, cents: 0 };
        g.customers += 1;
        g.cents += b.cents;
        groups.set(key, g);
      }
      const keys = [
        ...children,
        ...(parent !== null && groups.has(parent) ? [parent] : []),
        ...(parent === null && groups.has('') ? [''] : []),
      ];
      const cents = keys.map((k) => groups.get(k)?.cents ?? 0);
      expect(result.path).toEqual(parent === null ? [] : paths.get(parent));
      expect(result.groups).toEqual(
        keys.map((key, i) => ({
          key,
          customers: groups.get(key)?.customers ?? 0,
          cents: cents[i],
          shareBp: exactShares(cents)[i],
          hasChildren:
            key !== '' && key !== parent && [...paths.values()].some((p) => p.length >= 2 && p[p.length - 2] === key),
        })),
      );
      expect(result.totalCents).toBe(sum(cents));
      if (sum(cents) > 0) expect(sum(result.groups.map((g) => g.shareBp))).toBe(10_000);
    });
  });

  it('refuses a parent region that does not exist', async () => {
    const result = await office.call(office.manager, 'analysis.region', { period: TWELVE_MONTHS, parent: 'NOWHERE' });
    expect(result.ok ? 'OK' : result.error.code).toBe('ENTRY_NOT_FOUND');
  });

  describe.each([AS_OF, '2025-06-30', '2026-12-31'])('credit analysis as of %s', (asOf) => {
    it('has balances, FIFO ageing, limits and over-limit customers by credit grade, with the terms', async () => {
      const result = await office.ok(office.manager, 'analysis.credit', { asOf });
      const credit = creditByOwner(office, asOf);
      const facts = (id: number) => credit.get(id) ?? { balance: 0, unpaid: [0, 0, 0, 0] as const };
      const counted = [...cards.values()].filter(
        (c) => c.status === 'active' || (c.status === 'archived' && facts(c.id).balance !== 0),
      );
      const outstanding = (c: CardFacts) => Math.max(0, facts(c.id).balance);
      const excess = (c: CardFacts) => {
        const limit = limitCents(c);
        return limit !== null && outstanding(c) > limit ? outstanding(c) - limit : 0;
      };
      const codes = dictionaryCodes(office, 'creditGrade');
      const keys = counted.some((c) => c.creditGrade === '') ? [...codes, ''] : codes;
      const ofGrade = (key: string) => counted.filter((c) => c.creditGrade === key);
      const owed = keys.map((k) => sum(ofGrade(k).map(outstanding)));
      expect(result.byCreditGrade).toEqual(
        keys.map((key, i) => ({
          key,
          customers: ofGrade(key).length,
          cents: owed[i],
          shareBp: exactShares(owed)[i],
          limitCents: sum(ofGrade(key).map((c) => limitCents(c) ?? 0)),
          outstandingCents: owed[i],
          overLimitCustomers: ofGrade(key).filter((c) => excess(c) > 0).length,
          terms: DEFAULT_CLASSIFICATION_RULES.creditTerms.find((t) => t.creditGrade === key) ?? null,
        })),
      );
      const buckets = [0, 1, 2, 3].map((b) => sum(counted.map((c) => facts(c.id).unpaid[b]!)));
      expect(result.ageing).toEqual(
        (['0-30', '31-60', '61-90', '90+'] as const).map((bucket, b) => ({
          bucket,
          cents: buckets[b],
          customers: counted.filter((c) => facts(c.id).unpaid[b]! > 0).length,
          shareBp: exactShares(buckets)[b],
        })),
      );
      expect(sum(buckets)).toBe(sum(owed));
      const over = counted.filter((c) => excess(c) > 0);
      expect(result.totals).toEqual({
        customers: counted.length,
        customersWithBalance: counted.filter((c) => outstanding(c) > 0).length,
        limitCents: sum(counted.map((c) => limitCents(c) ?? 0)),
        outstandingCents: sum(owed),
        overLimitCustomers: over.length,
        overLimitCents: sum(over.map(excess)),
        creditBalanceCustomers: counted.filter((c) => facts(c.id).balance < 0).length,
        creditBalanceCents: sum(counted.filter((c) => facts(c.id).balance < 0).map((c) => -facts(c.id).balance)),
      });
      expect(result.overLimitCount).toBe(over.length);
      expect(result.overLimit.map((c) => [c.id, c.cents, c.outstandingCents, c.limitCents])).toEqual(
        ranked(new Map(over.map((c) => [c.id, excess(c)])))
          .slice(0, 500)
          .map((f) => [f.id, f.cents, outstanding(cardOf(f.id)), limitCents(cardOf(f.id))]),
      );
    });
  });

  describe('the customers behind a segment', () => {
    const segmentOf = (period: Period, segment: object) =>
      office.ok(office.manager, 'analysis.customers', { period, segment: segment as never });
    const check = async (segment: object, expected: Map<number, number>, period: Period = TWELVE_MONTHS) => {
      const result = await segmentOf(period, segment);
      const list = ranked(expected);
      expect(result.total).toBe(list.length);
      expect(result.totalCents).toBe(sum(list.map((f) => f.cents)));
      expect(result.rows.map((r) => ({ id: r.id, cents: r.cents }))).toEqual(list.slice(0, 1000));
      for (const row of result.rows.slice(0, 20)) {
        const card = cardOf(row.id);
        expect(row).toMatchObject({
          code: card.code,
          name: card.name,
          grade: card.grade,
          region: card.region,
          limitCents: limitCents(card),
        });
        expect(card.status).not.toBe('merged');
      }
      return result;
    };
    const buyersWhere = (keep: (id: number) => boolean, bought = boughtBy(office, TWELVE_MONTHS)) =>
      new Map([...bought].filter(([id, b]) => b.lines > 0 && keep(id)).map(([id, b]) => [id, b.cents]));

    it.each(['A', 'B', 'C', 'D', ''])('grade %s', async (grade) => {
      await check(
        { kind: 'grade', grade },
        buyersWhere((id) => cardOf(id).grade === grade),
      );
    });

    it('the customers who make 80 % of sales', async () => {
      const sales = ranked(buyersWhere(() => true)).filter((f) => f.cents > 0);
      const { pareto } = await office.ok(office.manager, 'analysis.grade', { period: TWELVE_MONTHS });
      await check({ kind: 'pareto80' }, new Map(sales.slice(0, pareto.customersFor80).map((f) => [f.id, f.cents])));
    });

    it.each([
      { region: 'HD', exact: false },
      { region: 'HD-SH', exact: false },
      { region: 'HD', exact: true },
      { region: '', exact: false },
      { region: 'XN', exact: false },
    ])('region $region (exact: $exact)', async ({ region, exact }) => {
      const paths = regionPaths(office);
      const inside = (code: string) =>
        region === '' ? code === '' : exact ? code === region : code !== '' && paths.get(code)!.includes(region);
      await check(
        { kind: 'region', region, exact },
        buyersWhere((id) => inside(cardOf(id).region)),
      );
    });

    it('a product, a category, and a category within one grade column', async () => {
      const product = office.products[3]!;
      const of = (keep: (l: { productId: number }) => boolean) =>
        new Map([...boughtBy(office, TWELVE_MONTHS, keep)].map(([id, b]) => [id, b.cents]));
      await check(
        { kind: 'product', productId: product.id },
        of((l) => l.productId === product.id),
      );
      const inCategory = new Set(office.products.filter((p) => p.category === '饮料').map((p) => p.id));
      await check(
        { kind: 'product', category: '饮料' },
        of((l) => inCategory.has(l.productId)),
      );
      const none = new Set(office.products.filter((p) => p.category === '').map((p) => p.id));
      await check(
        { kind: 'product', category: '' },
        of((l) => none.has(l.productId)),
      );
      const beverages = of((l) => inCategory.has(l.productId));
      await check(
        { kind: 'product', category: '饮料', column: { by: 'grade', key: 'B' } },
        new Map([...beverages].filter(([id]) => cardOf(id).grade === 'B')),
      );
      const result = await office.call(office.manager, 'analysis.customers', {
        period: TWELVE_MONTHS,
        segment: { kind: 'product', productId: 999_999 },
      });
      expect(result.ok ? 'OK' : result.error.code).toBe('PRODUCT_NOT_FOUND');
    });

    it('credit grade, age bucket and over-limit customers as of the period end', async () => {
      const credit = creditByOwner(office, AS_OF);
      const counted = [...cards.values()].filter(
        (c) => c.status === 'active' || (c.status === 'archived' && (credit.get(c.id)?.balance ?? 0) !== 0),
      );
      const outstanding = (c: CardFacts) => Math.max(0, credit.get(c.id)?.balance ?? 0);
      await check(
        { kind: 'creditGrade', creditGrade: 'AA' },
        new Map(counted.filter((c) => c.creditGrade === 'AA').map((c) => [c.id, outstanding(c)])),
      );
      for (const [b, bucket] of (['0-30', '31-60', '61-90', '90+'] as const).entries()) {
        await check(
          { kind: 'ageing', bucket },
          new Map(
            counted
              .filter((c) => (credit.get(c.id)?.unpaid[b] ?? 0) > 0)
              .map((c) => [c.id, credit.get(c.id)!.unpaid[b]!]),
          ),
        );
      }
      const over = counted.flatMap((c) => {
        const limit = limitCents(c);
        return limit !== null && outstanding(c) > limit ? [[c.id, outstanding(c) - limit] as const] : [];
      });
      const result = await check({ kind: 'overLimit' }, new Map(over));
      for (const row of result.rows) expect(row.outstandingCents).toBe(outstanding(cardOf(row.id)));
    });
  });
});
