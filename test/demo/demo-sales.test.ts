import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCards } from '../../src-main/demo/demo-cards';
import { DEMO_CATEGORIES, demoProducts } from '../../src-main/demo/demo-products';
import { writeDemoSalesFiles } from '../../src-main/demo/demo-sales';

const UNTIL = '2026-11-27';

/** The demo customers as the generator takes them: code, grade, credit limit (null for prospects). */
function customersOf(count: number, seed: string) {
  return generateDemoCards({ count, seed, reps: [] }).map((card, i) => ({
    code: `KH${String(i + 1).padStart(6, '0')}`,
    grade: card.classification.grade,
    creditLimit: card.trading.creditLimit,
  }));
}

/** A CSV of the generator read back by plain splitting (it writes no quoted cells), amounts as whole cents. */
function readCsv(path: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = text
    .slice(1)
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(','));
  return { header: header!, rows };
}

/** "1234.50" or "-56.00" as cents, digit by digit. */
const cents = (text: string) => {
  const negative = text.startsWith('-');
  const [whole, fraction] = text.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number(fraction);
  return negative ? -value : value;
};

const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

describe('demo sales and receipts', () => {
  let dir: string;
  const customers = customersOf(1500, 'demo-sales-test');
  let files: Awaited<ReturnType<typeof writeDemoSalesFiles>>;
  let sales: string[][];
  let receipts: string[][];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kedang-demo-sales-'));
    files = await writeDemoSalesFiles(join(dir, 'a'), { customers, lines: 60_000, seed: 'test', until: UNTIL });
    sales = readCsv(files.salesCsv).rows;
    receipts = readCsv(files.receiptsCsv).rows;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes exactly the lines asked for, from 2024-01-01 to the given day, under ERP headers', () => {
    expect(files.lines).toBe(60_000);
    expect(sales).toHaveLength(60_000);
    expect(receipts).toHaveLength(files.receipts);
    expect(readCsv(files.salesCsv).header).toEqual([
      '单据编号',
      '行号',
      '单据日期',
      '客户编码',
      '存货编码',
      '存货名称',
      '存货分类',
      '数量',
      '单价',
      '价税合计',
    ]);
    expect(readCsv(files.receiptsCsv).header).toEqual(['单据编号', '收款日期', '客户编码', '收款金额', '结算方式']);
    const dates = sales.map((r) => r[2]!);
    expect(dates.reduce((a, b) => (a < b ? a : b))).toBe('2024-01-01');
    expect(dates.reduce((a, b) => (a > b ? a : b))).toBe(UNTIL);
    for (const r of receipts) expect(r[1]! <= UNTIL).toBe(true);
    // Document and line make a unique key, as an ERP's would.
    expect(new Set(sales.map((r) => `${r[0]}-${r[1]}`)).size).toBe(sales.length);
    expect(new Set(receipts.map((r) => r[0])).size).toBe(receipts.length);
    // Every amount is its quantity times its unit price, to the cent.
    for (const r of sales.slice(0, 5000)) expect(cents(r[9]!)).toBe(Number(r[7]) * cents(r[8]!));
  });

  it('gives the same files for the same seed and other files for another seed', async () => {
    const again = await writeDemoSalesFiles(join(dir, 'b'), { customers, lines: 60_000, seed: 'test', until: UNTIL });
    expect(readFileSync(again.salesCsv).equals(readFileSync(files.salesCsv))).toBe(true);
    expect(readFileSync(again.receiptsCsv).equals(readFileSync(files.receiptsCsv))).toBe(true);
    const other = await writeDemoSalesFiles(join(dir, 'c'), { customers, lines: 2000, seed: 'other', until: UNTIL });
    expect(readCsv(other.salesCsv).rows.slice(0, 50)).not.toEqual(sales.slice(0, 50));
  });

  it('sells nothing to prospects (no credit limit), and has returns as negative lines', () => {
    const prospects = new Set(customers.filter((c) => c.creditLimit === null).map((c) => c.code));
    expect(prospects.size).toBeGreaterThan(50);
    for (const r of sales) expect(prospects.has(r[3]!)).toBe(false);
    const returns = sales.filter((r) => Number(r[7]) < 0);
    expect(returns.length).toBeGreaterThan(60);
    for (const r of returns) {
      expect(r[0]!.startsWith('TH')).toBe(true);
      expect(cents(r[9]!)).toBeLessThan(0);
    }
  });

  it('has seasons: the weeks before the Spring Festival and the fourth quarter high, February low', () => {
    const byMonth = new Map<string, number>();
    for (const r of sales) byMonth.set(r[2]!.slice(0, 7), (byMonth.get(r[2]!.slice(0, 7)) ?? 0) + cents(r[9]!));
    for (const year of ['2024', '2025']) {
      const months = Array.from({ length: 12 }, (_, i) => byMonth.get(`${year}-${String(i + 1).padStart(2, '0')}`)!);
      const mean = months.reduce((s, v) => s + v, 0) / 12;
      expect(months[1]!, `${year} February`).toBeLessThan(mean * 0.85);
      expect(months[11]!, `${year} December`).toBeGreaterThan(mean * 1.1);
      const quarter = (q: number) => months.slice(q * 3, q * 3 + 3).reduce((s, v) => s + v, 0);
      expect(quarter(3)).toBeGreaterThan(quarter(1) * 1.15);
      expect(quarter(3)).toBeGreaterThan(quarter(2) * 1.1);
    }
    // 2025's festival was on 29 January: the three weeks before it outsell the three weeks after.
    const between = (from: string, to: string) =>
      sales.filter((r) => r[2]! >= from && r[2]! <= to).reduce((s, r) => s + cents(r[9]!), 0);
    expect(between('2025-01-06', '2025-01-26')).toBeGreaterThan(2 * between('2025-01-29', '2025-02-18'));
    // Gift boxes sell before the festivals, drinks in summer.
    const share = (category: string, month: string) => {
      const lines = sales.filter((r) => r[2]!.slice(5, 7) === month);
      return lines.filter((r) => r[6] === category).length / lines.length;
    };
    expect(share('节日礼盒', '01')).toBeGreaterThan(3 * share('节日礼盒', '04'));
    expect(share('饮料', '07')).toBeGreaterThan(1.3 * share('饮料', '12'));
  });

  it('is Pareto-like: about a fifth of the customers make about four fifths of the sales, A most, D least', () => {
    const byCustomer = new Map<string, number>();
    for (const r of sales) byCustomer.set(r[3]!, (byCustomer.get(r[3]!) ?? 0) + cents(r[9]!));
    const buyers = customers.filter((c) => c.creditLimit !== null);
    const sorted = buyers.map((c) => byCustomer.get(c.code) ?? 0).sort((a, b) => b - a);
    const total = sorted.reduce((s, v) => s + v, 0);
    const top = sorted.slice(0, Math.round(buyers.length * 0.2)).reduce((s, v) => s + v, 0);
    expect(top / total).toBeGreaterThan(0.7);
    expect(top / total).toBeLessThan(0.9);
    const average = (grade: string) => {
      const of = buyers.filter((c) => c.grade === grade);
      return of.reduce((s, c) => s + (byCustomer.get(c.code) ?? 0), 0) / of.length;
    };
    expect(average('A')).toBeGreaterThan(2 * average('B'));
    expect(average('B')).toBeGreaterThan(1.5 * average('C'));
    expect(average('C')).toBeGreaterThan(1.5 * average('D'));
  });

  it('pays the older sales: most owe 0–60 days, some 61–90 or more, some beyond their credit limit', () => {
    const owed = new Map<string, [number, number][]>();
    for (const r of sales) {
      const list = owed.get(r[3]!) ?? [];
      list.push([dayOf(r[2]!), cents(r[9]!)]);
      owed.set(r[3]!, list);
    }
    const paid = new Map<string, number>();
    for (const r of receipts) paid.set(r[2]!, (paid.get(r[2]!) ?? 0) + cents(r[3]!));
    // No receipt pays more than the customer owes at that moment (a later return may leave a credit).
    const events = new Map<string, [string, number, number][]>();
    for (const r of sales) events.set(r[3]!, [...(events.get(r[3]!) ?? []), [r[2]!, 1, cents(r[9]!)]]);
    for (const r of receipts) events.set(r[2]!, [...(events.get(r[2]!) ?? []), [r[1]!, 0, -cents(r[3]!)]]);
    for (const [code, list] of events) {
      let balance = 0;
      for (const [, kind, c] of list.sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1])) {
        balance += c;
        if (kind === 0) expect(balance, code).toBeGreaterThanOrEqual(0);
      }
    }
    const limit = new Map(customers.map((c) => [c.code, c.creditLimit]));
    const buckets = { none: 0, upTo60: 0, upTo90: 0, over90: 0 };
    let overLimit = 0;
    for (const [code, lines] of owed) {
      const sold = lines.reduce((s, [, c]) => s + c, 0);
      let left = paid.get(code) ?? 0;
      // Oldest first: the receipts cover the earliest sales; what is left is outstanding.
      let oldest: number | null = null;
      for (const [day, c] of lines) {
        if (left >= c) left -= c;
        else {
          oldest ??= day;
          left = 0;
        }
      }
      const outstanding = sold - (paid.get(code) ?? 0);
      if (outstanding <= 0 || oldest === null) buckets.none++;
      else {
        const age = dayOf(UNTIL) - oldest;
        if (age <= 60) buckets.upTo60++;
        else if (age <= 90) buckets.upTo90++;
        else buckets.over90++;
        if (outstanding > (limit.get(code) ?? 0) * 100) overLimit++;
      }
    }
    const customersWithSales = owed.size;
    expect(buckets.none + buckets.upTo60).toBeGreaterThan(customersWithSales * 0.75);
    expect(buckets.upTo90).toBeGreaterThan(customersWithSales * 0.02);
    expect(buckets.over90).toBeGreaterThan(customersWithSales * 0.03);
    expect(overLimit).toBeGreaterThan(customersWithSales * 0.02);
    expect(overLimit).toBeLessThan(customersWithSales * 0.4);
  });
});

describe('the demo catalogue', () => {
  it('has about 200 products in 10 categories, with unique ERP-style codes and Chinese names', () => {
    const products = demoProducts();
    expect(products.length).toBeGreaterThanOrEqual(150);
    expect(products.length).toBeLessThanOrEqual(250);
    expect(new Set(products.map((p) => p.category))).toEqual(new Set(DEMO_CATEGORIES.map((c) => c.name)));
    expect(DEMO_CATEGORIES).toHaveLength(10);
    expect(new Set(products.map((p) => p.code)).size).toBe(products.length);
    expect(new Set(products.map((p) => p.name)).size).toBe(products.length);
    for (const p of products) {
      expect(p.code).toMatch(/^[A-Z]{2}\d{4}$/);
      expect(p.name).toMatch(/\p{Script=Han}/u);
      expect(p.unitPrice).toBeGreaterThan(0);
    }
    expect(demoProducts()).toEqual(products);
  });
});
