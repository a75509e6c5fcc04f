import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { errorMessage } from '../../src-shared/errors';
import { calendarDate } from '../classification/calendar';
import { defaultDataDir, DATA_DIR_ENV } from '../data-dir';
import type { KdfCost } from '../keyring/key-slots';
import { newConnection } from '../router/connection';
import { demoCards } from './demo-cards';
import { DEMO_IMPORT_FILE, loadDemoCards } from './demo-loader';
import { createDemoArchive, DEMO_USERS, openDemoOffice, type DemoOffice, type DemoUser } from './demo-office';
import { writeDemoSalesFiles } from './demo-sales';
import { loadDemoVisits, type DemoVisitsResult } from './demo-visits';
import type { Connection } from '../router/connection';

/** `npm run demo-data -- …` as parsed. */
export interface DemoDataOptions {
  customers: number;
  /** Demo sales lines to load after the cards (with their receipts); 0 for none. */
  sales: number;
  dataDir: string;
  seed: string;
  /** A custodian of an existing archive; null when a new demo archive is made. */
  user: string | null;
  passwordStdin: boolean;
  help: boolean;
}

export const DEMO_DATA_USAGE = `用法 / usage:
  npm run demo-data -- --customers N [--sales M] [--data-dir DIR] [--seed S]
      新建演示档案库（含各角色演示用户）并载入 N 张演示客户卡和近 45 天的拜访报告、复核记录与潜在客户；
      --sales 再载入商品目录、M 行销售明细（2024-01-01 至今天）和对应的回款，经正式的销售导入写入。
      Creates a demo archive with one demo user per role, N demo cards and 45 days of visit reports, reviews
      and prospects; --sales also loads a product catalogue, M sales lines (2024-01-01 to today) and their
      receipts through the real sales import.
  echo "$PASSWORD" | npm run demo-data -- --customers N --data-dir DIR --user NAME --password-stdin [--seed S]
      向已有档案库以档案管理员身份追加 N 张演示卡（同一 seed 生成同样的客户，追加时请换一个 seed）。
      Adds N demo cards to an existing archive as that custodian (the same seed makes the same customers again:
      use a new seed to add more). --sales only into an archive without sales yet.

  --data-dir 默认 / default: $${DATA_DIR_ENV} or ${defaultDataDir()}`;

/** A command line that cannot run; the script prints it with the usage text. */
export class DemoUsageError extends Error {}

export function parseDemoDataArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): DemoDataOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        customers: { type: 'string' },
        sales: { type: 'string' },
        'data-dir': { type: 'string' },
        seed: { type: 'string' },
        user: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new DemoUsageError((error as Error).message);
  }
  const help = values.help ?? false;
  const customers = Number(values.customers);
  if (
    !help &&
    (values.customers === undefined || !Number.isInteger(customers) || customers < 1 || customers > 1_000_000)
  ) {
    throw new DemoUsageError('--customers must be a whole number from 1 to 1000000');
  }
  const sales = Number(values.sales ?? 0);
  if (!help && (!Number.isInteger(sales) || sales < 0 || sales > 5_000_000)) {
    throw new DemoUsageError('--sales must be a whole number from 0 to 5000000');
  }
  const user = values.user ?? null;
  const passwordStdin = values['password-stdin'] ?? false;
  if ((user === null) !== !passwordStdin) throw new DemoUsageError('--user and --password-stdin go together');
  return {
    customers: help ? 0 : customers,
    sales: help ? 0 : sales,
    dataDir: values['data-dir'] || env[DATA_DIR_ENV] || defaultDataDir(),
    seed: values.seed ?? '2026',
    user,
    passwordStdin,
    help,
  };
}

export interface DemoDataResult {
  dataDir: string;
  /** Set when a new archive was made: its recovery code and the demo users with their passwords. */
  newArchive: { recoveryCode: string; users: readonly DemoUser[] } | null;
  loadedAs: string;
  created: number;
  firstId: number | null;
  lastId: number | null;
  seconds: number;
  /** The sales and receipts loaded, when --sales was given. */
  sales: { lines: number; receipts: number; products: number; rejected: number; seconds: number } | null;
  /** The visit history of a new demo archive (schedules, reports, reviews, prospects). */
  visits: DemoVisitsResult | null;
}

/** A clear failure for the operator (exit code 1). */
export class DemoDataFailed extends Error {}

/**
 * Makes a demo archive (or opens an existing one as a custodian) and loads
 * the demo cards. `password` is the custodian's password for an existing
 * archive, read by the caller from stdin; it is never printed or logged.
 */
export async function runDemoData(
  options: DemoDataOptions,
  password: string | null,
  settings: { kdf?: KdfCost; batchSize?: number; onProgress?: (loaded: number, total: number) => void } = {},
): Promise<DemoDataResult> {
  const demo = openDemoOffice(options.dataDir, { kdf: settings.kdf });
  const connection = newConnection(DEMO_IMPORT_FILE);
  try {
    const status = await demo.call(connection, 'setup.status', {});
    let newArchive: DemoDataResult['newArchive'] = null;
    let username: string;
    let reps: string[];
    if (status.state === 'problem') {
      throw new DemoDataFailed(errorMessage(status.problem ?? 'INTERNAL', 'zh'));
    } else if (status.state === 'new') {
      // Never make a new archive for a command meant for an existing one: a mistyped folder would get one.
      if (options.user !== null) throw new DemoDataFailed(`${options.dataDir} 中没有档案库 / no archive there`);
      const { recoveryCode } = await createDemoArchive(demo);
      newArchive = { recoveryCode, users: DEMO_USERS };
      const custodian = DEMO_USERS.find((u) => u.role === 'custodian')!;
      username = custodian.username;
      password = custodian.password;
      reps = DEMO_USERS.filter((u) => u.role === 'rep').map((u) => u.username);
    } else {
      if (options.user === null || password === null) {
        throw new DemoDataFailed('档案库已存在：请用 --user 与 --password-stdin 以档案管理员身份追加 / archive exists');
      }
      username = options.user;
      reps = [];
    }
    const session = await demo.call(connection, 'auth.login', { username, password });
    if (session.mustChangePassword) {
      throw new DemoDataFailed('请先在应用中修改临时密码 / change the temporary password in the app first');
    }
    if (!newArchive) reps = (await demo.call(connection, 'cards.reps', {})).map((r) => r.username);
    if (options.sales > 0) refuseSecondDemoSales(demo);
    const started = performance.now();
    const result = await loadDemoCards(
      demo.callOf(connection),
      demoCards({ count: options.customers, seed: options.seed, reps }),
      { batchSize: settings.batchSize, onBatch: (loaded) => settings.onProgress?.(loaded, options.customers) },
    );
    const seconds = (performance.now() - started) / 1000;
    const sales = options.sales > 0 ? await loadDemoSales(demo, connection, options) : null;
    // Only a new demo archive gets a visit history: added to a real one it would invent reports.
    const visits = newArchive ? await loadDemoVisits(demo.callOf(connection), options.seed) : null;
    await demo.call(connection, 'auth.logout', {});
    return {
      dataDir: options.dataDir,
      newArchive,
      loadedAs: username,
      created: result.created,
      firstId: result.firstId,
      lastId: result.lastId,
      seconds,
      sales,
      visits,
    };
  } finally {
    await demo.close();
  }
}

/** Demo sales go into an archive without sales only: checked before any card is added. */
function refuseSecondDemoSales(demo: DemoOffice): void {
  const raw = demo.office.requireArchive().raw;
  if ((raw.prepare('SELECT count(*) AS n FROM sales_imports').get() as { n: number }).n > 0) {
    throw new DemoDataFailed('档案库已有销售数据，演示销售只能载入一次 / the archive already has sales');
  }
}

/**
 * Writes the demo sales lines and receipts for every card of the archive
 * as the ERP CSV files an office would import (into a temporary folder,
 * removed afterwards), and imports them through `sales.importCommit` like
 * any custodian's import: logged, one transaction each, products created,
 * derived classes recomputed. Only into an archive without sales yet: the
 * demo's document numbers would be refused as imported before.
 */
async function loadDemoSales(
  demo: DemoOffice,
  connection: Connection,
  options: DemoDataOptions,
): Promise<NonNullable<DemoDataResult['sales']>> {
  const raw = demo.office.requireArchive().raw;
  const customers = raw
    .prepare<[], { code: string; grade: string; credit_limit: number | null }>(
      "SELECT code, grade, credit_limit FROM customers WHERE status <> 'merged' ORDER BY id",
    )
    .all()
    .map((c) => ({ code: c.code, grade: c.grade, creditLimit: c.credit_limit }));
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'kedang-demo-sales-'));
  try {
    const files = await writeDemoSalesFiles(dir, {
      customers,
      lines: options.sales,
      seed: options.seed,
      until: calendarDate(demo.office.now()),
    });
    const sold = await demo.call(connection, 'sales.importCommit', { kind: 'sales', path: files.salesCsv });
    const paid =
      files.receipts > 0
        ? await demo.call(connection, 'sales.importCommit', { kind: 'receipts', path: files.receiptsCsv })
        : null;
    return {
      lines: sold.lines,
      receipts: paid?.lines ?? 0,
      products: sold.newProducts,
      // The generator's files should import whole; a rejected row would mean the two disagree.
      rejected: sold.rejectedCount + (paid?.rejectedCount ?? 0),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
