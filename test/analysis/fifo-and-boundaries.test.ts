import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgeingBucket, Period } from '../../src-shared/analysis/analysis';
import { ageBalance } from '../../src-main/analysis/fifo-ageing';
import { analysisOffice, AS_OF, type AnalysisOffice, type SpecialCard } from './analysis-office';
import { ownerMap } from './expected';

/**
 * Hand-made cases (analysis-office.ts: HAND_MADE_LINES): FIFO ageing with partial payments, an
 * overpayment, a receipt before any sale and returns; the bucket edges; inclusive period ends;
 * merged and archived cards.
 */

describe('FIFO ageing in whole numbers', () => {
  it('takes the unpaid part from the newest sales', () => {
    expect(ageBalance(600, [300, 500, 0])).toEqual([300, 300, 0, 0]);
    expect(ageBalance(1200, [0, 1000, 0])).toEqual([0, 1000, 0, 200]);
    expect(ageBalance(50, [100, 100, 100])).toEqual([50, 0, 0, 0]);
  });
  it('has nothing unpaid for a balance paid up or in credit', () => {
    expect(ageBalance(0, [100, 0, 0])).toEqual([0, 0, 0, 0]);
    expect(ageBalance(-250, [100, 0, 0])).toEqual([0, 0, 0, 0]);
  });
  it('puts what is owed beyond the last 90 days of sales over 90 days', () => {
    expect(ageBalance(1000, [0, 0, 0])).toEqual([0, 0, 0, 1000]);
  });
});

describe('hand-made cases through the service', () => {
  let office: AnalysisOffice;
  beforeAll(async () => {
    office = await analysisOffice({ cards: 40, lines: 1500, seed: 'fifo' });
  }, 120_000);
  afterAll(async () => office?.close());

  const TWELVE_MONTHS: Period = { from: '2025-11-27', to: AS_OF };
  const upTo = (to: string): Period => ({ from: '2025-01-01', to });
  /** Each hand-made customer's figure in a segment (undefined: not listed). */
  const figures = async (segment: object, p: Period) => {
    const result = await office.ok(office.manager, 'analysis.customers', { period: p, segment: segment as never });
    const byId = new Map(result.rows.map((r) => [r.id, r]));
    const of = (name: SpecialCard) => byId.get(office.special[name]);
    return { result, of, cents: (name: SpecialCard) => of(name)?.cents ?? null };
  };
  const buckets = async (name: SpecialCard, asOf = AS_OF) => {
    const out: (number | null)[] = [];
    for (const bucket of ['0-30', '31-60', '61-90', '90+'] as AgeingBucket[]) {
      out.push((await figures({ kind: 'ageing', bucket }, upTo(asOf))).cents(name));
    }
    return out;
  };

  it('a partly paid customer owes its newest sales; a receipt after the as-of date does not count', async () => {
    expect(await buckets('partlyPaid')).toEqual([30_000, 30_000, null, null]);
    // Later the 300.00 receipt of 2026-11-30 has come in and paid the 500.00 sale's rest too.
    expect(await buckets('partlyPaid', '2026-12-01')).toEqual([30_000, null, null, null]);
  });

  it('an overpaying customer owes nothing and has a credit balance', async () => {
    expect(await buckets('overpaid')).toEqual([null, null, null, null]);
    const grade = await figures({ kind: 'creditGrade', creditGrade: 'A' }, upTo(AS_OF));
    expect(grade.of('overpaid')).toMatchObject({ cents: 0, outstandingCents: 0 });
    const credit = await office.ok(office.manager, 'analysis.credit', { asOf: AS_OF });
    expect(credit.totals.creditBalanceCustomers).toBeGreaterThanOrEqual(1);
  });

  it('a receipt before any sale pays the next sales', async () => {
    expect(await buckets('prepaid')).toEqual([60_000, null, null, null]);
    // Before the second sale the customer had paid 300.00 more than it bought.
    const early = await figures({ kind: 'creditGrade', creditGrade: 'A' }, upTo('2026-10-31'));
    expect(early.of('prepaid')).toMatchObject({ cents: 0, outstandingCents: 0 });
    expect(await buckets('prepaid', '2026-01-10')).toEqual([null, null, null, null]);
  });

  it('returns are credits that pay the oldest sales, and the customer is over its limit', async () => {
    expect(await buckets('withReturns')).toEqual([null, 100_000, null, 20_000]);
    const over = await figures({ kind: 'overLimit' }, upTo(AS_OF));
    expect(over.of('withReturns')).toMatchObject({ cents: 110_000, outstandingCents: 120_000, limitCents: 10_000 });
    expect(over.of('partlyPaid')).toBeUndefined();
  });

  it('ages 30, 60 and 90 days fall in the lower bucket, 31, 61 and 91 in the next; later sales do not count', async () => {
    expect(await buckets('boundaries')).toEqual([300, 1_200, 4_800, 83_200]);
    // A day earlier every sale is a day younger: 30, 60 and 90 days now fall in the lower bucket.
    expect(await buckets('boundaries', '2026-11-25')).toEqual([600, 2_400, 9_600, 76_800]);
  });

  it('counts the first and the last day of a period, and neither day beside it', async () => {
    const twelve = await figures({ kind: 'grade', grade: 'A' }, TWELVE_MONTHS);
    expect(twelve.cents('boundaries')).toBe(63_900);
    const wider = await figures({ kind: 'grade', grade: 'A' }, { from: '2025-11-26', to: '2026-11-27' });
    expect(wider.cents('boundaries')).toBe(63_900 + 25_600 + 12_800);
    const oneDay = await figures({ kind: 'grade', grade: 'A' }, { from: '2025-11-27', to: '2025-11-27' });
    expect(oneDay.cents('boundaries')).toBe(51_200);
  });

  it('counts a merged card’s sales for the end of its merge chain, and an archived customer’s sales', async () => {
    const { special } = office;
    const lines = (ids: number[]) =>
      office.lines
        .filter((l) => ids.includes(l.customerId) && l.soldOn >= TWELVE_MONTHS.from && l.soldOn <= AS_OF)
        .reduce((s, l) => s + l.cents, 0);
    const gradeA = await figures({ kind: 'grade', grade: 'A' }, TWELVE_MONTHS);
    expect(gradeA.cents('keptLast')).toBe(lines([special.keptLast, special.keptFirst, special.mergedFirst]));
    for (const grade of ['A', 'B', 'C', 'D', '']) {
      const listed = await figures({ kind: 'grade', grade }, TWELVE_MONTHS);
      expect(listed.of('mergedFirst')).toBeUndefined();
      expect(listed.of('keptFirst')).toBeUndefined();
    }
    const gradeB = await figures({ kind: 'grade', grade: 'B' }, TWELVE_MONTHS);
    expect(gradeB.cents('archived')).toBe(lines([special.archived]));
    // The chain's end is filed under 江苏 (HD-JS): its merged cards' sales count there, not under 华北 or 东北.
    const owners = ownerMap(office.cards());
    const regionOf = new Map(office.cards().map((c) => [c.id, c.region]));
    const expected = office.lines
      .filter((l) => l.soldOn >= TWELVE_MONTHS.from && l.soldOn <= AS_OF)
      .filter((l) => regionOf.get(owners.get(l.customerId)!)!.startsWith('HD-JS'))
      .reduce((s, l) => s + l.cents, 0);
    expect(expected).toBe(lines([special.keptLast, special.keptFirst, special.mergedFirst, special.nanjing]));
    const east = await office.ok(office.manager, 'analysis.region', { period: TWELVE_MONTHS, parent: 'HD' });
    expect(east.groups.find((g) => g.key === 'HD-JS')).toMatchObject({
      cents: expected,
      customers: 2,
      hasChildren: true,
    });
  });
});
