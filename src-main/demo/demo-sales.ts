import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CATEGORIES, demoProducts, type DemoProduct } from './demo-products';
import { SeededRandom, WeightedChoice } from './seeded-random';

/**
 * Demo sales lines and receipts, written as the CSV files an ERP exports
 * (UTF-8 with BOM, Chinese headers the sales import maps by itself), for
 * `npm run demo-data -- --sales N`, the benchmarks and the analysis tests.
 * Realistic in the ways the analyses look at:
 *
 * - seasonality: a peak in the weeks before the Spring Festival and in the
 *   fourth quarter, the festival week and the rest of February quiet, the
 *   National Day week slow, Sundays slower; each category with its own
 *   months (drinks in summer, gift boxes before the festivals); about 8 %
 *   growth a year;
 * - a skewed, Pareto-like spread: each customer's weight is its grade's
 *   (A buys most, D least) times a heavy-tailed individual factor, so that
 *   about a fifth of the customers make about four fifths of the sales;
 * - customers who start buying late (new) and who stop (lapsed); customers
 *   without a credit limit are prospects and buy nothing;
 * - returns as negative lines (about 1 % of documents);
 * - receipts that pay the oldest sales first after each customer's own
 *   payment delay: most customers owe only their last 0–60 days, some run
 *   61–90 or more than 90 days behind, a few stopped paying, and some owe
 *   more than their credit limit.
 *
 * The same seed, customers, number of lines and end date give the same
 * files byte for byte. Lines are generated day by day and written as they
 * are made, so that 2,000,000 lines never sit in memory.
 */
export interface DemoSalesOptions {
  customers: readonly { code: string; grade: string; creditLimit: number | null }[];
  /** Exactly this many sales lines are written. */
  lines: number;
  seed: string;
  /** The last day with sales (YYYY-MM-DD): the office's today. Sales start on 2024-01-01. */
  until: string;
}

export interface DemoSalesFiles {
  salesCsv: string;
  receiptsCsv: string;
  lines: number;
  receipts: number;
}

/** The first day of demo sales. */
export const DEMO_SALES_FROM = '2024-01-01';

/** The file names written into the folder. */
export const DEMO_SALES_FILE = '销售出库明细.csv';
export const DEMO_RECEIPTS_FILE = '收款单明细.csv';

const SALES_HEADER = [
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
];
const RECEIPTS_HEADER = ['单据编号', '收款日期', '客户编码', '收款金额', '结算方式'];

/** Weight of each grade's customers (the office grades by sales, so A buys most). */
const GRADE_WEIGHT: Record<string, number> = { A: 4, B: 2, C: 1, D: 0.5 };
const UNGRADED_WEIGHT = 0.8;

/** Documents per month, January first, before the Spring Festival and weekday effects. */
const MONTH_FACTORS = [1.05, 0.9, 0.92, 0.95, 1.0, 1.0, 0.92, 0.92, 1.12, 1.05, 1.18, 1.32];

/** The Spring Festival (正月初一) of each year the demo can cover. */
const SPRING_FESTIVAL: Record<number, string> = {
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
};

const DAY_MS = 86_400_000;
/** The weekday factor, Sunday first. */
const WEEKDAY_FACTORS = [0.55, 1, 1, 1, 1, 1.05, 0.8];

/** How a customer pays: the delay after a sale before it is paid, and how often the customer pays. */
type PayerKind = 'cash' | 'prompt' | 'slow' | 'late' | 'stopped';
const PAYERS = new WeightedChoice<PayerKind>([
  ['prompt', 74],
  ['slow', 13],
  ['late', 8],
  ['stopped', 5],
]);
const SETTLEMENT = new WeightedChoice<string>([
  ['银行转账', 78],
  ['承兑汇票', 12],
  ['现金', 4],
  ['微信支付', 6],
]);

interface DemoBuyer {
  code: string;
  weight: number;
  /** Day index of the first and last day the customer buys. */
  from: number;
  to: number;
  /** Its category preferences (weights per category index). */
  categories: WeightedChoice<number>;
  /** Typical units per line, relative to the others. */
  size: number;
  payer: PayerKind;
  /** Days between a sale and its payment. */
  delay: number;
  /** Days between two payments. */
  interval: number;
  /** Day from which a customer that stopped paying pays nothing more. */
  stopsPaying: number;
  /** Unpaid documents, oldest first: [day index, cents]; negative for returns. */
  unpaid: [number, number][];
  /** Day index of the next payment, or -1 when none is planned. */
  nextPayment: number;
}

/**
 * Writes the demo sales lines and receipts for the given customers into
 * `dir` (created if missing) and returns the two paths with the number of
 * sales lines and receipts written.
 */
export async function writeDemoSalesFiles(
  dir: string,
  options: DemoSalesOptions,
): Promise<{ salesCsv: string; receiptsCsv: string; lines: number; receipts: number }> {
  if (!Number.isInteger(options.lines) || options.lines < 0) throw new Error('lines must be a whole number');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.until) || options.until < DEMO_SALES_FROM) {
    throw new Error(`until must be a date (YYYY-MM-DD) on or after ${DEMO_SALES_FROM}`);
  }
  mkdirSync(dir, { recursive: true });
  const salesCsv = join(dir, DEMO_SALES_FILE);
  const receiptsCsv = join(dir, DEMO_RECEIPTS_FILE);
  const sales = new CsvFile(salesCsv, SALES_HEADER);
  const receipts = new CsvFile(receiptsCsv, RECEIPTS_HEADER);
  try {
    const generator = new DemoSalesGenerator(options);
    generator.run(sales, receipts);
  } finally {
    sales.close();
    receipts.close();
  }
  return { salesCsv, receiptsCsv, lines: sales.rows, receipts: receipts.rows };
}

/** A CSV file written in large pieces with plain synchronous writes: fast, and nothing held. */
class CsvFile {
  private readonly fd: number;
  private buffer: string[] = [];
  private bufferedChars = 0;
  rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.fd = openSync(path, 'w');
    // Excel's "CSV UTF-8" starts with a BOM; ERP exports saved through Excel do too.
    writeSync(this.fd, '\uFEFF' + header.join(',') + '\r\n');
  }

  row(cells: readonly (string | number)[]): void {
    const line = cells.map(csvCell).join(',') + '\r\n';
    this.buffer.push(line);
    this.bufferedChars += line.length;
    this.rows++;
    if (this.bufferedChars > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.bufferedChars = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function dayOf(date: string): number {
  return Math.round(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS);
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Yuan with two decimals, as an ERP exports them. */
function yuan(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

class DemoSalesGenerator {
  private readonly random: SeededRandom;
  private readonly products: DemoProduct[];
  private readonly productsByCategory: WeightedChoice<DemoProduct>[];
  private readonly buyers: DemoBuyer[];
  private readonly buyerChoice: WeightedChoice<DemoBuyer> | null;
  private readonly first: number;
  private readonly last: number;
  /** Payments planned per day: day index → buyers. */
  private readonly payments = new Map<number, DemoBuyer[]>();

  constructor(private readonly options: DemoSalesOptions) {
    this.random = new SeededRandom(`demo-sales:${options.seed}`);
    this.products = demoProducts();
    this.productsByCategory = DEMO_CATEGORIES.map(
      (c) => new WeightedChoice(this.products.filter((p) => p.category === c.name).map((p) => [p, p.popularity])),
    );
    this.first = dayOf(DEMO_SALES_FROM);
    this.last = dayOf(options.until);
    this.buyers = options.customers.filter((c) => c.creditLimit !== null).map((c) => this.buyer(c));
    this.buyerChoice = this.buyers.length > 0 ? new WeightedChoice(this.buyers.map((b) => [b, b.weight])) : null;
  }

  private buyer(customer: DemoSalesOptions['customers'][number]): DemoBuyer {
    const r = this.random;
    const span = this.last - this.first;
    // A heavy tail (Pareto, alpha 1.3, capped): a few customers of each grade buy far more than the rest.
    const individual = Math.min(40, Math.pow(1 - r.next(), -1 / 1.6));
    const weight = (GRADE_WEIGHT[customer.grade] ?? UNGRADED_WEIGHT) * individual;
    // Most customers traded before the demo starts; some start later (new), some stop (lapsed).
    const from = r.chance(0.8) ? this.first : this.first + Math.floor(r.next() * span * 0.95);
    const to = r.chance(0.1) ? from + Math.floor(r.next() * (this.last - from) * 0.8) : this.last;
    const favourites = r.sample(
      DEMO_CATEGORIES.map((_, i) => i),
      r.int(3, 7),
    );
    const categories = new WeightedChoice(favourites.map((index, rank) => [index, 1 / (rank + 1)] as const));
    const cash = customer.creditLimit === 0 && r.chance(0.9);
    const payer: PayerKind = cash ? 'cash' : PAYERS.pick(r);
    const terms: Record<PayerKind, [delay: [number, number], interval: [number, number]]> = {
      cash: [
        [0, 3],
        [1, 3],
      ],
      prompt: [
        [12, 35],
        [7, 21],
      ],
      slow: [
        [58, 75],
        [10, 20],
      ],
      late: [
        [95, 160],
        [15, 30],
      ],
      stopped: [
        [20, 45],
        [10, 25],
      ],
    };
    const [[delayLow, delayHigh], [intervalLow, intervalHigh]] = terms[payer];
    return {
      code: customer.code,
      weight,
      from,
      to,
      categories,
      size: Math.pow(individual, 0.35) * (customer.grade === 'A' ? 1.3 : customer.grade === 'D' ? 0.8 : 1),
      payer,
      delay: r.int(delayLow, delayHigh),
      interval: r.int(intervalLow, intervalHigh),
      stopsPaying: payer === 'stopped' ? this.last - r.int(120, 260) : Number.POSITIVE_INFINITY,
      unpaid: [],
      nextPayment: -1,
    };
  }

  /** Relative number of documents on a day. */
  private dayWeight(day: number): number {
    const date = new Date(day * DAY_MS);
    const year = date.getUTCFullYear();
    let weight = MONTH_FACTORS[date.getUTCMonth()]! * WEEKDAY_FACTORS[date.getUTCDay()]!;
    weight *= Math.pow(1.08, (day - this.first) / 365);
    const festival = SPRING_FESTIVAL[year];
    if (festival) {
      const offset = day - dayOf(festival);
      // Shops stock up in the three weeks before the festival, close for its first week, restart slowly.
      if (offset >= -24 && offset <= -3) weight *= 1.55;
      else if (offset >= -2 && offset <= 6) weight *= 0.12;
      else if (offset >= 7 && offset <= 16) weight *= 0.6;
    }
    const month = date.getUTCMonth() + 1;
    const dom = date.getUTCDate();
    // The National Day holiday (1–7 October).
    if (month === 10 && dom <= 7) weight *= 0.45;
    return weight;
  }

  /** How many lines each day gets: proportional to its weight, summing to exactly the lines asked for. */
  private linesPerDay(): number[] {
    const days = this.last - this.first + 1;
    const weights = Array.from({ length: days }, (_, i) => this.dayWeight(this.first + i));
    const total = weights.reduce((s, w) => s + w, 0);
    const exact = weights.map((w) => (w / total) * this.options.lines);
    const counts = exact.map(Math.floor);
    let missing = this.options.lines - counts.reduce((s, c) => s + c, 0);
    const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let k = 0; missing > 0; k++, missing--) counts[byRemainder[k % days]![1]]!++;
    return counts;
  }

  run(sales: CsvFile, receipts: CsvFile): void {
    if (this.options.lines > 0 && !this.buyerChoice) {
      throw new Error('demo sales need at least one customer with a credit limit (prospects buy nothing)');
    }
    const perDay = this.linesPerDay();
    for (let i = 0; i < perDay.length; i++) {
      const day = this.first + i;
      this.pay(day, receipts);
      this.sell(day, perDay[i]!, sales);
    }
  }

  private pickBuyer(day: number): DemoBuyer {
    const r = this.random;
    for (let attempt = 0; attempt < 50; attempt++) {
      const buyer = this.buyerChoice!.pick(r);
      if (buyer.from <= day && day <= buyer.to) return buyer;
    }
    // Very early or with few customers active: the first one who is.
    return this.buyers.find((b) => b.from <= day && day <= b.to) ?? this.buyers[0]!;
  }

  private sell(day: number, lines: number, sales: CsvFile): void {
    const r = this.random;
    const date = dateOf(day);
    const month = new Date(day * DAY_MS).getUTCMonth();
    const stamp = date.replace(/-/g, '');
    let documents = 0;
    let left = lines;
    while (left > 0) {
      const buyer = this.pickBuyer(day);
      const isReturn = r.chance(0.01);
      documents++;
      const docNo = `${isReturn ? 'TH' : 'XS'}${stamp}${String(documents).padStart(4, '0')}`;
      const count = Math.min(
        left,
        isReturn ? r.int(1, 2) : 1 + Math.floor(r.next() * r.next() * (buyer.size > 2 ? 9 : 6)),
      );
      let documentCents = 0;
      for (let line = 1; line <= count; line++) {
        const product = this.pickProduct(buyer, month);
        const units = Math.max(1, Math.round(buyer.size * r.logUniform(1, 24)));
        const quantity = isReturn ? -Math.max(1, Math.round(units / 4)) : units;
        // Discounts of up to 6 % on the list price, as negotiated per customer and order.
        const priceCents = Math.round(product.unitPrice * 100 * (1 - r.next() * 0.06));
        const cents = priceCents * quantity;
        documentCents += cents;
        sales.row([docNo, line, date, buyer.code, product.code, product.name, product.category, quantity, yuan(priceCents), yuan(cents)]); // prettier-ignore
      }
      left -= count;
      this.owe(buyer, day, documentCents);
    }
  }

  private pickProduct(buyer: DemoBuyer, month: number): DemoProduct {
    const r = this.random;
    // The customer's own categories, each weighted by how well it sells this month.
    for (let attempt = 0; attempt < 8; attempt++) {
      const category = buyer.categories.pick(r);
      if (r.next() * 3.4 < DEMO_CATEGORIES[category]!.months[month]!) return this.productsByCategory[category]!.pick(r);
    }
    return this.productsByCategory[buyer.categories.pick(r)]!.pick(r);
  }

  private owe(buyer: DemoBuyer, day: number, cents: number): void {
    buyer.unpaid.push([day, cents]);
    if (buyer.nextPayment < 0) this.plan(buyer, day + buyer.delay);
  }

  private plan(buyer: DemoBuyer, day: number): void {
    if (day > this.last || day >= buyer.stopsPaying) {
      buyer.nextPayment = -1;
      return;
    }
    buyer.nextPayment = day;
    const list = this.payments.get(day);
    if (list) list.push(buyer);
    else this.payments.set(day, [buyer]);
  }

  /** Each customer due today pays what it owes for sales at least its delay old, oldest first. */
  private pay(day: number, receipts: CsvFile): void {
    const due = this.payments.get(day);
    if (!due) return;
    this.payments.delete(day);
    const r = this.random;
    const stamp = dateOf(day).replace(/-/g, '');
    let documents = 0;
    for (const buyer of due) {
      buyer.nextPayment = -1;
      let owed = 0;
      let total = 0;
      for (const [sold, cents] of buyer.unpaid) {
        total += cents;
        if (sold <= day - buyer.delay) owed += cents;
      }
      // A return not yet due is a credit the customer deducts already.
      owed = Math.min(owed, total);
      // Some customers pay a round sum on account and leave the rest for next time.
      const amount = owed > 200_000 && r.chance(0.15) ? Math.floor(owed / 10_000) * 10_000 : owed;
      if (amount > 0) {
        documents++;
        receipts.row([
          `SK${stamp}${String(documents).padStart(4, '0')}`,
          dateOf(day),
          buyer.code,
          yuan(amount),
          buyer.payer === 'cash' ? '现金' : SETTLEMENT.pick(r),
        ]);
        this.settle(buyer, amount);
      }
      const oldest = buyer.unpaid[0];
      if (oldest) this.plan(buyer, Math.max(day + buyer.interval, oldest[0] + buyer.delay));
    }
  }

  /** Takes a payment off the oldest documents first; returns (negative amounts) are netted in order. */
  private settle(buyer: DemoBuyer, amount: number): void {
    let left = amount;
    while (left > 0 && buyer.unpaid.length > 0) {
      const head = buyer.unpaid[0]!;
      if (head[1] <= left) {
        left -= head[1];
        buyer.unpaid.shift();
      } else {
        head[1] -= left;
        left = 0;
      }
    }
    // A return left at the head (a credit) is used against the next documents.
    while (buyer.unpaid.length > 1 && buyer.unpaid[0]![1] <= 0) {
      const credit = buyer.unpaid.shift()![1];
      buyer.unpaid[0]![1] += credit;
    }
  }
}
