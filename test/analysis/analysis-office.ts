import type Database from 'better-sqlite3-multiple-ciphers';
import type { CardContent } from '../../src-shared/cards/card';
import type { ChannelName, InputOf, OutputOf } from '../../src-shared/contracts';
import type { Result } from '../../src-shared/errors';
import { demoCards } from '../../src-main/demo/demo-cards';
import { loadDemoCards } from '../../src-main/demo/demo-loader';
import { openDemoOffice, type DemoOffice } from '../../src-main/demo/demo-office';
import { SeededRandom } from '../../src-main/demo/seeded-random';
import { newConnection, type Connection } from '../../src-main/router/connection';
import { route } from '../../src-main/router/router';
import { namedCard } from '../support/card-samples';
import { ADMIN, loggedIn, makeFixture, TEST_KDF, userWithRole, type Fixture } from '../support/office-fixture';

/**
 * An archive for the analysis tests: demo cards and a few hand-made ones, a region tree three
 * levels deep, a merge chain, an archived customer, a product catalogue and sales lines and
 * receipts from a seeded generator, inserted straight with SQL (so these tests do not depend on
 * the sales import). Everything generated is kept here too, for computing the expected figures
 * independently of the service.
 */

export const PASSWORDS = {
  custodian: 'dangan-Pass-2026',
  manager: 'jingli-Pass-2026',
  rep: 'yewu1-Pass-2026',
  auditor: 'shenji-Pass-2026',
};

export interface SaleLine {
  customerId: number;
  productId: number;
  soldOn: string;
  quantity: number;
  cents: number;
}

export interface Receipt {
  customerId: number;
  receivedOn: string;
  cents: number;
}

export interface Product {
  id: number;
  code: string;
  name: string;
  category: string;
}

/** What the tests know about a card, read with a plain SELECT (not through the service). */
export interface CardFacts {
  id: number;
  code: string;
  name: string;
  status: string;
  mergedInto: number | null;
  grade: string;
  creditGrade: string;
  region: string;
  creditLimit: number | null;
}

export interface AnalysisOffice {
  fixture: Fixture;
  demo: DemoOffice;
  admin: Connection;
  custodian: Connection;
  manager: Connection;
  rep: Connection;
  auditor: Connection;
  products: Product[];
  lines: SaleLine[];
  receipts: Receipt[];
  /** Hand-made cards by name. */
  special: Record<SpecialCard, number>;
  raw(): Database.Database;
  cards(): CardFacts[];
  /** A call with its whole result (for refusals). */
  call<C extends ChannelName>(connection: Connection, channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  ok<C extends ChannelName>(connection: Connection, channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  close(): Promise<void>;
}

/** The region tree added under the demo's 华东区 (HD): province, city, district. */
export const REGION_TREE = [
  { code: 'HD-SH', label: '上海', parent: 'HD' },
  { code: 'HD-SH-PD', label: '浦东新区', parent: 'HD-SH' },
  { code: 'HD-SH-MH', label: '闵行区', parent: 'HD-SH' },
  { code: 'HD-JS', label: '江苏', parent: 'HD' },
  { code: 'HD-JS-NJ', label: '南京', parent: 'HD-JS' },
] as const;

const SPECIAL_CARDS = {
  pudong: { grade: 'A', creditGrade: 'AA', region: 'HD-SH-PD', creditLimit: 50_000 },
  minhang: { grade: 'B', creditGrade: 'A', region: 'HD-SH-MH', creditLimit: 20_000.5 },
  shanghai: { grade: 'C', creditGrade: 'B', region: 'HD-SH', creditLimit: 8_000 },
  eastDirect: { grade: 'D', creditGrade: 'C', region: 'HD', creditLimit: 0 },
  nanjing: { grade: '', creditGrade: '', region: 'HD-JS-NJ', creditLimit: null },
  noRegion: { grade: 'B', creditGrade: 'AAA', region: '', creditLimit: 100_000 },
  /** Merged into keptFirst, which is then merged into keptLast: a chain of two. */
  mergedFirst: { grade: 'D', creditGrade: 'C', region: 'HB', creditLimit: 1_000 },
  keptFirst: { grade: 'C', creditGrade: 'B', region: 'DB', creditLimit: 2_000 },
  keptLast: { grade: 'A', creditGrade: 'AA', region: 'HD-JS', creditLimit: 30_000 },
  archived: { grade: 'B', creditGrade: 'A', region: 'HN', creditLimit: 5_000 },
  /** Hand-made FIFO cases (fifo.test.ts), with no generated lines. */
  partlyPaid: { grade: 'A', creditGrade: 'A', region: 'XN', creditLimit: 1_000 },
  overpaid: { grade: 'A', creditGrade: 'A', region: 'XN', creditLimit: 1_000 },
  prepaid: { grade: 'A', creditGrade: 'A', region: 'XN', creditLimit: 1_000 },
  withReturns: { grade: 'A', creditGrade: 'A', region: 'XN', creditLimit: 100 },
  boundaries: { grade: 'A', creditGrade: 'A', region: 'XB', creditLimit: null },
} as const;
export type SpecialCard = keyof typeof SPECIAL_CARDS;
/** Cards whose only lines are the hand-made ones. */
export const HAND_MADE: readonly SpecialCard[] = ['partlyPaid', 'overpaid', 'prepaid', 'withReturns', 'boundaries'];

const PRODUCTS: readonly Omit<Product, 'id'>[] = [
  { code: 'YL01', name: '橙汁 1L×12', category: '饮料' },
  { code: 'YL02', name: '矿泉水 550ml×24', category: '饮料' },
  { code: 'JL01', name: '黄酒 500ml×6', category: '酒类' },
  { code: 'JL02', name: '白酒 500ml×6', category: '酒类' },
  { code: 'LY01', name: '大米 10kg', category: '粮油' },
  { code: 'LY02', name: '花生油 5L', category: '粮油' },
  { code: 'TW01', name: '酱油 500ml×12', category: '调味品' },
  { code: 'CY01', name: '绿茶 250g', category: '茶叶' },
  { code: 'QT01', name: '购物袋', category: '' },
  { code: 'QT02', name: '赠品', category: '' },
];

/** Sales start here; the generated period runs a little past the tests' usual as-of date. */
export const FIRST_DAY = '2024-01-01';
export const LAST_DAY = '2026-12-10';
export const AS_OF = '2026-11-26';

const DAY_MS = 86_400_000;
const dateOf = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * DAY_MS).toISOString().slice(0, 10);
const DAYS = Math.round((Date.parse(`${LAST_DAY}T00:00:00Z`) - Date.parse(`${FIRST_DAY}T00:00:00Z`)) / DAY_MS) + 1;

export async function analysisOffice(
  options: { cards?: number; lines?: number; seed?: string } = {},
): Promise<AnalysisOffice> {
  const fixture = await makeFixture();
  const admin0 = await loggedIn(fixture, ADMIN.username, ADMIN.password);
  await userWithRole(fixture, admin0, 'dangan', ['custodian'], PASSWORDS.custodian);
  await userWithRole(fixture, admin0, 'jingli', ['manager'], PASSWORDS.manager);
  await userWithRole(fixture, admin0, 'yewu1', ['rep'], PASSWORDS.rep);
  await userWithRole(fixture, admin0, 'shenji', ['auditor'], PASSWORDS.auditor);
  await fixture.kedang.close();
  const demo = openDemoOffice(fixture.dir, { kdf: TEST_KDF, clock: fixture.clock.now });
  const login = async (username: string, password: string) => {
    const connection = newConnection('analysis-test');
    await demo.call(connection, 'auth.login', { username, password });
    return connection;
  };
  const custodian = await login('dangan', PASSWORDS.custodian);
  await loadDemoCards(
    demo.callOf(custodian),
    demoCards({ count: options.cards ?? 300, seed: options.seed ?? 'analysis', reps: ['yewu1'] }),
  );
  const raw = () => demo.office.requireArchive().raw;
  const insertEntry = raw().prepare(
    `INSERT INTO dictionary_entries (axis, code, label, label_en, parent_code, sort_order, active) VALUES ('region', ?, ?, ?, ?, ?, 1)`,
  );
  REGION_TREE.forEach((r, i) => insertEntry.run(r.code, r.label, r.code, r.parent, i + 1));

  const special = {} as Record<SpecialCard, number>;
  for (const [name, c] of Object.entries(SPECIAL_CARDS) as [SpecialCard, (typeof SPECIAL_CARDS)[SpecialCard]][]) {
    const content: CardContent = namedCard(`测试客户${name}`, { code: `T-${name}` });
    content.classification = {
      ...content.classification,
      grade: c.grade,
      creditGrade: c.creditGrade,
      region: c.region,
    };
    content.trading = { ...content.trading, creditLimit: c.creditLimit };
    special[name] = (await demo.call(custodian, 'cards.create', { content, acceptDuplicates: true })).id;
  }

  const products = insertCatalogue(raw());
  const random = new SeededRandom(`sales:${options.seed ?? 'analysis'}`);
  const ids = (raw().prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[]).filter(
    (id) => !HAND_MADE.some((name) => special[name] === id),
  );
  // Skewed buyers: a few buy a lot (weights from a heavy tail), some never.
  const weights = ids.map(() => (random.chance(0.15) ? 0 : Math.pow(random.next(), 3)));
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const pickCustomer = () => {
    const x = random.next() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return ids[lo]!;
  };
  const lines: SaleLine[] = [];
  for (let i = 0; i < (options.lines ?? 12_000); i++) {
    const product = random.pick(products);
    const quantity = random.int(1, 40) * (random.chance(0.03) ? -1 : 1);
    lines.push({
      customerId: pickCustomer(),
      productId: product.id,
      soldOn: dateOf(random.int(0, DAYS - 1)),
      quantity,
      cents: quantity * random.int(150, 250_000),
    });
  }
  // Every special card with generated lines has lines in the usual period, so they show up.
  for (const name of [
    'pudong',
    'minhang',
    'shanghai',
    'eastDirect',
    'nanjing',
    'noRegion',
    'mergedFirst',
    'keptFirst',
    'archived',
  ] as const) {
    lines.push({
      customerId: special[name],
      productId: products[0]!.id,
      soldOn: '2026-06-15',
      quantity: 3,
      cents: 123_456,
    });
  }
  const receipts: Receipt[] = [];
  for (let i = 0; i < Math.round((options.lines ?? 12_000) / 4); i++) {
    receipts.push({
      customerId: pickCustomer(),
      receivedOn: dateOf(random.int(0, DAYS - 1)),
      cents: random.int(1_000, 3_000_000),
    });
  }
  lines.push(...HAND_MADE_LINES(special, products));
  receipts.push(...HAND_MADE_RECEIPTS(special));
  insertSales(raw(), lines, receipts);

  // The merge chain and the archived customer, through the card service as a custodian does it.
  const version = async (id: number) => (await demo.call(custodian, 'cards.get', { id })).version;
  await demo.call(custodian, 'cards.merge', {
    keepId: special.keptFirst,
    keepVersion: await version(special.keptFirst),
    mergeId: special.mergedFirst,
    mergeVersion: await version(special.mergedFirst),
  });
  await demo.call(custodian, 'cards.merge', {
    keepId: special.keptLast,
    keepVersion: await version(special.keptLast),
    mergeId: special.keptFirst,
    mergeVersion: await version(special.keptFirst),
  });
  await demo.call(custodian, 'cards.setArchived', {
    id: special.archived,
    expectedVersion: await version(special.archived),
    archived: true,
  });

  const office: AnalysisOffice = {
    fixture,
    demo,
    admin: await login(ADMIN.username, ADMIN.password),
    custodian,
    manager: await login('jingli', PASSWORDS.manager),
    rep: await login('yewu1', PASSWORDS.rep),
    auditor: await login('shenji', PASSWORDS.auditor),
    products,
    lines,
    receipts,
    special,
    raw,
    cards: () =>
      raw()
        .prepare(
          `SELECT id, code, name, status, merged_into AS mergedInto, grade, credit_grade AS creditGrade, region,
                  credit_limit AS creditLimit FROM customers ORDER BY id`,
        )
        .all() as CardFacts[],
    call: (connection, channel, input) =>
      route(demo.office, connection, channel, input) as Promise<Result<OutputOf<typeof channel>>>,
    ok: (connection, channel, input) => demo.call(connection, channel, input),
    async close() {
      await demo.close();
      await fixture.cleanup();
    },
  };
  return office;
}

function insertCatalogue(raw: Database.Database): Product[] {
  const insert = raw.prepare(
    `INSERT INTO products (code, name, category, created_at) VALUES (?, ?, ?, '2026-01-01T00:00:00Z')`,
  );
  return PRODUCTS.map((p) => ({ ...p, id: Number(insert.run(p.code, p.name, p.category).lastInsertRowid) }));
}

export function insertSales(raw: Database.Database, lines: readonly SaleLine[], receipts: readonly Receipt[]): void {
  raw.transaction(() => {
    const importRow = raw.prepare(
      `INSERT INTO sales_imports (kind, file_name, file_hash, lines, amount_cents, first_date, last_date, at, by_username)
       VALUES (?, ?, ?, ?, 0, NULL, NULL, '2026-11-27T00:00:00Z', 'dangan')`,
    );
    const salesImport = Number(
      importRow.run('sales', 'test-sales.csv', `s${Date.now()}${Math.random()}`, lines.length).lastInsertRowid,
    );
    const receiptImport = Number(
      importRow.run('receipts', 'test-receipts.csv', `r${Date.now()}${Math.random()}`, receipts.length).lastInsertRowid,
    );
    const line = raw.prepare(
      'INSERT INTO sales_lines (customer_id, product_id, sold_on, quantity, amount_cents, import_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const l of lines) line.run(l.customerId, l.productId, l.soldOn, l.quantity, l.cents, salesImport);
    const receipt = raw.prepare(
      'INSERT INTO receipts (customer_id, received_on, amount_cents, import_id) VALUES (?, ?, ?, ?)',
    );
    for (const r of receipts) receipt.run(r.customerId, r.receivedOn, r.cents, receiptImport);
  })();
}

/**
 * The hand-made cases, as of AS_OF (2026-11-26):
 * - partlyPaid: 1,000.00 on 2026-08-01 (117 days), 500.00 on 2026-10-10 (47 days), 300.00 on
 *   2026-11-20 (6 days); paid 1,200.00 → unpaid 300 (0–30), 300 (31–60) of the 500, 0 older.
 * - overpaid: 400.00 sold, 650.00 paid → balance −250.00, nothing unpaid.
 * - prepaid: 800.00 paid on 2026-01-05 before any sale; sales 500.00 (2026-02-01) and 900.00
 *   (2026-11-01, 25 days) → unpaid 600.00, all 0–30.
 * - withReturns: 2,000.00 on 2026-07-01, a return of −300.00 on 2026-11-25, 1,000.00 on
 *   2026-10-01 (56 days); paid 1,500.00 → balance 1,200.00: 1,000 (31–60), 200 (over 90).
 * - boundaries: one sale on each side of each bucket edge and of the usual period's ends.
 */
function HAND_MADE_LINES(special: Record<SpecialCard, number>, products: readonly Product[]): SaleLine[] {
  const p = products[2]!.id;
  const line = (name: SpecialCard, soldOn: string, yuan: number): SaleLine => ({
    customerId: special[name],
    productId: p,
    soldOn,
    quantity: yuan < 0 ? -1 : 1,
    cents: Math.round(yuan * 100),
  });
  return [
    line('partlyPaid', '2026-08-01', 1000),
    line('partlyPaid', '2026-10-10', 500),
    line('partlyPaid', '2026-11-20', 300),
    line('overpaid', '2026-09-01', 400),
    line('prepaid', '2026-02-01', 500),
    line('prepaid', '2026-11-01', 900),
    line('withReturns', '2026-07-01', 2000),
    line('withReturns', '2026-10-01', 1000),
    line('withReturns', '2026-11-25', -300),
    // Ages 0, 30 | 31, 60 | 61, 90 | 91 days before AS_OF, plus one after it (not counted).
    line('boundaries', '2026-11-26', 1),
    line('boundaries', '2026-10-27', 2),
    line('boundaries', '2026-10-26', 4),
    line('boundaries', '2026-09-27', 8),
    line('boundaries', '2026-09-26', 16),
    line('boundaries', '2026-08-28', 32),
    line('boundaries', '2026-08-27', 64),
    line('boundaries', '2026-11-27', 128),
    // The usual period 2025-11-27 … 2026-11-26: the day before it starts is outside.
    line('boundaries', '2025-11-26', 256),
    line('boundaries', '2025-11-27', 512),
  ];
}

function HAND_MADE_RECEIPTS(special: Record<SpecialCard, number>): Receipt[] {
  const receipt = (name: SpecialCard, receivedOn: string, yuan: number): Receipt => ({
    customerId: special[name],
    receivedOn,
    cents: Math.round(yuan * 100),
  });
  return [
    receipt('partlyPaid', '2026-09-01', 1000),
    receipt('partlyPaid', '2026-11-01', 200),
    receipt('overpaid', '2026-10-01', 650),
    receipt('prepaid', '2026-01-05', 800),
    receipt('withReturns', '2026-08-15', 1500),
    // A receipt after the as-of date does not count.
    receipt('partlyPaid', '2026-11-30', 300),
  ];
}
