/**
 * One side of the sales import benchmark, run in a process of its own so
 * that its peak memory is its own (process.resourceUsage().maxRSS covers a
 * process's whole life). Started by scripts/bench/sales.ts; reports through IPC.
 *
 *   archive KIND CSV DIR          sales.importCommit of CSV into the archive in DIR, through the router, as the custodian
 *   raw KIND CSV PLAIN CACHE      the same file read by the same reader, its rows inserted into the plain copy PLAIN
 */
import Database from 'better-sqlite3-multiple-ciphers';
import type { SalesImportKind } from '../../src-shared/sales/sales';
import { openImportFile } from '../../src-main/cards/spreadsheet/open-import-file';
import { cellText, type SheetRow } from '../../src-main/cards/spreadsheet/sheet-rows';
import { DEMO_USERS } from '../../src-main/demo/demo-office';
import { createKedang } from '../../src-main/kedang';
import { DESIGN_KDF } from '../../src-main/keyring/key-slots';
import { newConnection } from '../../src-main/router/connection';
import { SALES_LIMITS } from '../../src-main/sales/sales-import-service';
import { RssSampler } from './rss-sampler';

export interface SalesChildResult {
  ok: boolean;
  /** The channel's error code and message when the import failed. */
  error: string | null;
  seconds: number;
  lines: number;
  rejected: number;
  amountCents: number;
  /** Highest RSS seen by sampling every 25 ms while the event loop was free. */
  sampledPeakRss: number;
  /** The kernel's peak RSS of this process, in bytes. */
  maxRss: number;
}

async function archiveImport(kind: SalesImportKind, csv: string, dir: string): Promise<SalesChildResult> {
  const host = { chooseFile: async () => null, print: async () => false };
  const kedang = createKedang({ dataDir: dir, host, kdf: DESIGN_KDF });
  const custodian = DEMO_USERS.find((u) => u.role === 'custodian')!;
  const connection = newConnection('bench');
  const login = await kedang.handle(connection, 'auth.login', {
    username: custodian.username,
    password: custodian.password,
  });
  if (!login.ok) throw new Error(`login: ${login.error.code}`);
  const sampler = new RssSampler();
  const started = performance.now();
  const result = await kedang.handle(connection, 'sales.importCommit', { kind, path: csv });
  const seconds = (performance.now() - started) / 1000;
  const sampledPeakRss = sampler.stop();
  await kedang.handle(connection, 'auth.logout', {});
  await kedang.close();
  const value = result.ok
    ? (result.value as { lines: number; rejectedCount: number; amountCents: number })
    : { lines: 0, rejectedCount: 0, amountCents: 0 };
  return {
    ok: result.ok,
    error: result.ok ? null : `${result.error.code} ${result.error.message}`,
    seconds,
    lines: value.lines,
    rejected: value.rejectedCount,
    amountCents: value.amountCents,
    sampledPeakRss,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
}

/**
 * The floor: the file read with the same reader (encoding check, record count, the same CSV
 * parser piece by piece), each row's customer and product looked up in a Map, and the line
 * inserted with a prepared statement into the same tables and indexes of the unencrypted copy,
 * in one transaction with its import row. No checks a real import makes (dates, amounts to the
 * cent, document references, rejections), no access log, no derived classes.
 */
async function rawImport(
  kind: SalesImportKind,
  csv: string,
  plain: string,
  cacheSize: number,
): Promise<SalesChildResult> {
  const db = new Database(plain, { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`cache_size = ${cacheSize}`);
  db.pragma('temp_store = MEMORY');
  const sampler = new RssSampler();
  const started = performance.now();
  const customers = new Map<string, number>();
  for (const c of db.prepare('SELECT id, code FROM customers').iterate() as Iterable<{ id: number; code: string }>) {
    customers.set(c.code, c.id);
  }
  const products = new Map<string, number>();
  for (const p of db.prepare('SELECT id, code FROM products').iterate() as Iterable<{ id: number; code: string }>) {
    products.set(p.code, p.id);
  }
  const file = await openImportFile(csv, { limits: SALES_LIMITS, sideSheets: false });
  db.exec('BEGIN');
  const importId = Number(
    db
      .prepare(
        `INSERT INTO sales_imports (kind, file_name, file_hash, lines, amount_cents, at, by_username)
         VALUES (?, ?, ?, 0, 0, ?, 'raw')`,
      )
      .run(kind, file.fileName, `raw-${kind}-${Date.now()}`, new Date().toISOString()).lastInsertRowid,
  );
  const insertLine = db.prepare(
    `INSERT INTO sales_lines (customer_id, product_id, sold_on, quantity, amount_cents, doc_ref, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ${importId})`,
  );
  const insertReceipt = db.prepare(
    `INSERT INTO receipts (customer_id, received_on, amount_cents, doc_ref, import_id) VALUES (?, ?, ?, ?, ${importId})`,
  );
  const insertProduct = db.prepare('INSERT INTO products (code, name, category, created_at) VALUES (?, ?, ?, ?)');
  let header: string[] | null = null;
  const at = (name: string) => header!.indexOf(name);
  let lines = 0;
  let amountCents = 0;
  for await (const { cells } of file.cardRows() as AsyncIterable<SheetRow>) {
    if (!header) {
      header = cells.map(cellText);
      continue;
    }
    const text = (name: string) => String(cells[at(name)] ?? '');
    const customerId = customers.get(text('客户编码'))!;
    const cents = Math.round(Number(text(kind === 'sales' ? '价税合计' : '收款金额')) * 100);
    if (kind === 'sales') {
      const code = text('存货编码');
      let productId = products.get(code);
      if (productId === undefined) {
        productId = Number(insertProduct.run(code, text('存货名称'), text('存货分类'), '').lastInsertRowid);
        products.set(code, productId);
      }
      const docRef = `${text('单据编号')}-${text('行号')}`;
      insertLine.run(customerId, productId, text('单据日期'), Number(text('数量')), cents, docRef);
    } else {
      insertReceipt.run(customerId, text('收款日期'), cents, text('单据编号'));
    }
    lines++;
    amountCents += cents;
  }
  db.prepare('UPDATE sales_imports SET lines = ?, amount_cents = ? WHERE id = ?').run(lines, amountCents, importId);
  db.exec('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  const sampledPeakRss = sampler.stop();
  db.close();
  return {
    ok: true,
    error: null,
    seconds,
    lines,
    rejected: 0,
    amountCents,
    sampledPeakRss,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
}

async function main(): Promise<SalesChildResult> {
  const [mode, kind, csv, dir, cache] = process.argv.slice(2);
  if (!csv || !dir || (kind !== 'sales' && kind !== 'receipts') || (mode !== 'archive' && mode !== 'raw')) {
    throw new Error('usage: sales-import-child archive KIND CSV DIR | raw KIND CSV PLAIN CACHE');
  }
  return mode === 'archive' ? archiveImport(kind, csv, dir) : rawImport(kind, csv, dir, Number(cache));
}

main().then(
  (result) => process.send!(result, () => process.exit(0)),
  (error: unknown) => {
    console.error(`sales-import-child: ${(error as Error)?.message ?? String(error)}`);
    process.exit(1);
  },
);
