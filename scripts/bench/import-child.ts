/**
 * One side of the import benchmark, run in a process of its own so that its
 * peak memory is its own (process.resourceUsage().maxRSS covers a process's
 * whole life). Started by scripts/bench/cards.ts; reports through IPC.
 *
 *   archive XLSX DIR   a new demo archive in DIR, then cards.importCommit of XLSX through the router
 *   raw XLSX DIR       the same rows read with the same streaming reader, inserted into a plain SQLite file
 */
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';
import { createDemoArchive, DEMO_USERS, openDemoOffice } from '../../src-main/demo/demo-office';
import { createKedang } from '../../src-main/kedang';
import { DESIGN_KDF } from '../../src-main/keyring/key-slots';
import { newConnection } from '../../src-main/router/connection';
import { RssSampler } from './rss-sampler';

export interface ImportChildResult {
  ok: boolean;
  /** The channel's error code when the import failed. */
  error: string | null;
  seconds: number;
  rows: number;
  created: number;
  rejected: number;
  /** Highest RSS seen by sampling every 25 ms while the event loop was free. */
  sampledPeakRss: number;
  /** The kernel's peak RSS of this process, in bytes. */
  maxRss: number;
  rssBefore: number;
}

async function archiveImport(xlsx: string, dir: string): Promise<ImportChildResult> {
  const demo = openDemoOffice(dir, { kdf: DESIGN_KDF });
  await createDemoArchive(demo, 'bench');
  await demo.close();
  const host = { chooseFile: async () => null, print: async () => false };
  const kedang = createKedang({ dataDir: dir, host, kdf: DESIGN_KDF });
  const custodian = DEMO_USERS.find((u) => u.role === 'custodian')!;
  const connection = newConnection('bench');
  const login = await kedang.handle(connection, 'auth.login', {
    username: custodian.username,
    password: custodian.password,
  });
  if (!login.ok) throw new Error(`login: ${login.error.code}`);
  const rssBefore = process.memoryUsage().rss;
  const sampler = new RssSampler();
  const started = performance.now();
  const result = await kedang.handle(connection, 'cards.importCommit', { path: xlsx, duplicateMode: 'skip' });
  const seconds = (performance.now() - started) / 1000;
  const sampledPeakRss = sampler.stop();
  await kedang.handle(connection, 'auth.logout', {});
  await kedang.close();
  const value = result.ok
    ? (result.value as { totalRows: number; created: number; rejectedCount: number })
    : { totalRows: 0, created: 0, rejectedCount: 0 };
  return {
    ok: result.ok,
    error: result.ok ? null : `${result.error.code} ${result.error.message}`,
    seconds,
    rows: value.totalRows,
    created: value.created,
    rejected: value.rejectedCount,
    sampledPeakRss,
    maxRss: process.resourceUsage().maxRSS * 1024,
    rssBefore,
  };
}

/** The floor: the same streaming read, each row's cells stored as JSON with prepared statements in one transaction. */
async function rawImport(xlsx: string, dir: string): Promise<ImportChildResult> {
  const db = new Database(join(dir, 'raw-import.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, cells TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO rows (code, name, cells) VALUES (?, ?, ?)');
  const rssBefore = process.memoryUsage().rss;
  const sampler = new RssSampler();
  const started = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(xlsx, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let rows = 0;
  db.exec('BEGIN');
  for await (const sheet of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name: string }>) {
    let header = true;
    for await (const row of sheet) {
      if (sheet.name !== '客户档案' || header) {
        header = false;
        continue;
      }
      const values = (row.values as unknown[]).slice(1);
      insert.run(String(values[0] ?? ''), String(values[1] ?? ''), JSON.stringify(values));
      rows += 1;
    }
  }
  db.exec('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  const sampledPeakRss = sampler.stop();
  db.close();
  return {
    ok: true,
    error: null,
    seconds,
    rows,
    created: rows,
    rejected: 0,
    sampledPeakRss,
    maxRss: process.resourceUsage().maxRSS * 1024,
    rssBefore,
  };
}

async function main(): Promise<ImportChildResult> {
  const [mode, xlsx, dir] = process.argv.slice(2);
  if (!xlsx || !dir || (mode !== 'archive' && mode !== 'raw'))
    throw new Error('usage: import-child archive|raw XLSX DIR');
  return mode === 'archive' ? archiveImport(xlsx, dir) : rawImport(xlsx, dir);
}

main().then(
  (result) => process.send!(result, () => process.exit(0)),
  (error: unknown) => {
    console.error(`import-child: ${(error as Error)?.message ?? String(error)}`);
    process.exit(1);
  },
);
