/**
 * The sales import at office scale on this machine: 2,000,000 sales lines
 * from an ERP-style CSV into the encrypted archive of 100,000 cards, beside
 * the same file read by the same reader and inserted raw into an
 * unencrypted copy of the same database, in the same run:
 *
 *   sales      sales.importCommit through the router in a child process of its own
 *              (wall time, peak RSS) vs the raw floor in a child process of its own
 *   receipts   the same for the receipts that pay those sales (figures only)
 *   analyses   then scripts/bench/analysis.ts's benchAnalyses on the filled archive
 *
 *   npm run bench                                  (unlock, cards, then this)
 *   npx tsx scripts/bench/sales.ts [--customers N] [--lines M] [--work-dir DIR]
 *
 * --work-dir keeps the card archive (shared with scripts/bench/cards.ts) and
 * the CSV files and reuses them on the next run; the import itself always
 * runs on a fresh copy of the card archive. Targets: the import ≤ 90 s and
 * peak RSS ≤ 1 GiB. Exit code 1 when a target is missed or a step fails.
 *
 * KEDANG_BENCH_SKIP_ANALYSES=1 leaves out the analyses (about 3 minutes)
 * while working on the import itself; a full run includes them.
 */
import { fork } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { calendarDate } from '../../src-main/classification/calendar';
import { writeDemoSalesFiles } from '../../src-main/demo/demo-sales';
import { openCipherDatabase } from '../../src-main/store/cipher-database';
import { DEMO_USERS } from '../../src-main/demo/demo-office';
import { IMPORT_CACHE_KIB } from '../../src-main/sales/sales-import-service';
import { benchAnalyses } from './analysis';
import { buildArchive, custodianKey, plainCopy } from './bench-archive';
import type { SalesChildResult } from './sales-import-child';

const TARGETS = { importSeconds: 90, importBytes: 1024 ** 3 };

const log = (text: string) => console.error(`[bench sales ${new Date().toISOString().slice(11, 19)}] ${text}`);
const mib = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MiB`;
const seconds = (s: number) => `${s.toFixed(1)} s`;

interface Options {
  customers: number;
  lines: number;
  workDir: string | null;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: { customers: { type: 'string' }, lines: { type: 'string' }, 'work-dir': { type: 'string' } },
    strict: true,
  });
  const customers = Number(values.customers ?? 100_000);
  const lines = Number(values.lines ?? 2_000_000);
  if (!Number.isInteger(customers) || customers < 1000) throw new Error('--customers must be at least 1000');
  if (!Number.isInteger(lines) || lines < 1000) throw new Error('--lines must be at least 1000');
  return { customers, lines, workDir: values['work-dir'] ?? null };
}

function runChild(args: string[]): Promise<SalesChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(import.meta.dirname, 'sales-import-child.ts'), args, {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: SalesChildResult | null = null;
    child.on('message', (m) => {
      result = m as SalesChildResult;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`sales-import-child ${args[0]} exited with ${code} and no result`));
    });
  });
}

/** A fresh copy of the closed card archive, so every run imports into the same starting point. */
function copyArchive(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const name of ['archive.kedang', 'archive.kedang-wal', 'archive.keyring']) {
    if (existsSync(join(from, name))) copyFileSync(join(from, name), join(to, name));
  }
}

/** The demo CSV files for the archive's customers; reused when the work folder has them for the same options. */
async function salesFiles(work: string, archive: string, options: Options, until: string) {
  const dir = join(work, 'sales-files');
  const marker = join(dir, 'bench-files.json');
  const wanted = { customers: options.customers, lines: options.lines, until };
  if (existsSync(marker)) {
    const kept = JSON.parse(readFileSync(marker, 'utf8')) as typeof wanted & {
      files: { salesCsv: string; receiptsCsv: string; lines: number; receipts: number };
    };
    if (kept.customers === wanted.customers && kept.lines === wanted.lines && kept.until === until) {
      log(`reusing the CSV files in ${dir}`);
      return kept.files;
    }
  }
  const key = await custodianKey(archive);
  const db = openCipherDatabase(join(archive, 'archive.kedang'), key, { create: false, checkIntegrity: false });
  const customers = db
    .prepare("SELECT code, grade, credit_limit FROM customers WHERE status <> 'merged' ORDER BY id")
    .all()
    .map((c) => {
      const row = c as { code: string; grade: string; credit_limit: number | null };
      return { code: row.code, grade: row.grade, creditLimit: row.credit_limit };
    });
  db.close();
  key.fill(0);
  const started = performance.now();
  const files = await writeDemoSalesFiles(dir, { customers, lines: options.lines, seed: 'bench', until });
  log(
    `  wrote ${files.lines} sales lines (${mib(statSync(files.salesCsv).size)}) and ${files.receipts} receipts ` +
      `(${mib(statSync(files.receiptsCsv).size)}) in ${seconds((performance.now() - started) / 1000)}`,
  );
  writeFileSync(marker, JSON.stringify({ ...wanted, files }));
  return files;
}

interface Row {
  measure: string;
  archive: string;
  raw: string;
  ratio: string;
  target: string;
  pass: boolean | null;
}

function printTable(rows: Row[]): void {
  const header: Row = {
    measure: 'measure',
    archive: 'archive',
    raw: 'raw',
    ratio: 'ratio',
    target: 'target',
    pass: null,
  };
  const all = [header, ...rows];
  const width = (k: keyof Omit<Row, 'pass'>) => Math.max(...all.map((r) => r[k].length));
  for (const r of all) {
    const result = r === header ? 'result' : r.pass === null ? '' : r.pass ? 'PASS' : 'FAIL';
    console.log(
      [
        r.measure.padEnd(width('measure')),
        r.archive.padEnd(width('archive')),
        r.raw.padEnd(width('raw')),
        r.ratio.padEnd(width('ratio')),
        r.target.padEnd(width('target')),
        result,
      ]
        .join('  ')
        .trimEnd(),
    );
  }
}

function importRows(
  kind: string,
  expected: number,
  archive: SalesChildResult,
  raw: SalesChildResult,
  targets: boolean,
): Row[] {
  const peak = Math.max(archive.maxRss, archive.sampledPeakRss);
  const rawPeak = Math.max(raw.maxRss, raw.sampledPeakRss);
  const complete = archive.ok && archive.lines === expected && archive.rejected === 0;
  const sameTotal = archive.ok && archive.amountCents === raw.amountCents;
  return [
    {
      measure: `import ${expected} ${kind} from CSV (sales.importCommit)`,
      archive: archive.ok ? seconds(archive.seconds) : 'FAILED',
      raw: seconds(raw.seconds),
      ratio: archive.ok ? `${(archive.seconds / raw.seconds).toFixed(1)}×` : '',
      target: targets ? `≤ ${TARGETS.importSeconds} s, every line, same total` : 'figure only',
      pass: targets
        ? complete && sameTotal && archive.seconds <= TARGETS.importSeconds
        : complete && sameTotal
          ? null
          : false,
    },
    {
      measure: `  peak RSS of the importing process (lines ${archive.lines}, rejected ${archive.rejected})`,
      archive: archive.ok ? `${mib(peak)} (in import ${mib(archive.sampledPeakRss)})` : '',
      raw: mib(rawPeak),
      ratio: archive.ok ? `${(peak / rawPeak).toFixed(1)}×` : '',
      target: targets ? `≤ ${mib(TARGETS.importBytes)}` : 'figure only',
      pass: targets ? archive.ok && peak <= TARGETS.importBytes : null,
    },
  ];
}

async function main(): Promise<number> {
  const options = parseOptions();
  const work = options.workDir ?? mkdtempSync(join(tmpdir(), 'kedang-bench-sales-'));
  const cardsDir = join(work, 'archive');
  const salesDir = join(work, 'sales-archive');
  const plainPath = join(work, 'sales-plain.sqlite');
  const rows: Row[] = [];
  const notes: string[] = [];
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  let failed = false;
  let analysesLine = 'analyses: not run (a step before them failed)';
  try {
    log(`the archive of ${options.customers} demo cards in ${cardsDir}`);
    await buildArchive(cardsDir, options.customers, log);
    const until = calendarDate(new Date());
    log(`CSV files: ${options.lines} sales lines from 2024-01-01 to ${until}, and their receipts`);
    const files = await salesFiles(work, cardsDir, options, until);
    copyArchive(cardsDir, salesDir);
    const key = await custodianKey(salesDir);
    log('making the unencrypted baseline copy');
    const { cacheSize } = plainCopy(join(salesDir, 'archive.kedang'), plainPath, key);
    key.fill(0);
    // The import enlarges the archive's page cache while it runs: the raw side gets the same.
    const rawCache = Math.min(cacheSize, -IMPORT_CACHE_KIB);

    for (const [kind, csv, expected] of [
      ['sales', files.salesCsv, files.lines],
      ['receipts', files.receiptsCsv, files.receipts],
    ] as const) {
      log(`${kind}: raw baseline`);
      const raw = await runChild(['raw', kind, csv, plainPath, String(rawCache)]);
      log(`  raw: ${seconds(raw.seconds)}, ${mib(Math.max(raw.maxRss, raw.sampledPeakRss))}`);
      log(`${kind}: sales.importCommit into the encrypted archive`);
      const archive = await runChild(['archive', kind, csv, salesDir]);
      log(`  archive: ${archive.ok ? seconds(archive.seconds) : `failed: ${archive.error}`}`);
      if (!archive.ok) notes.push(`${kind}: sales.importCommit failed: ${archive.error}`);
      else if (archive.amountCents !== raw.amountCents) {
        notes.push(`${kind}: the archive's total ${archive.amountCents} differs from the raw total ${raw.amountCents}`);
      }
      rows.push(...importRows(kind === 'sales' ? 'sales lines' : 'receipts', expected, archive, raw, kind === 'sales'));
    }
    rmSync(plainPath, { force: true });
    rmSync(`${plainPath}-wal`, { force: true });
    rmSync(`${plainPath}-shm`, { force: true });

    if (process.env.KEDANG_BENCH_SKIP_ANALYSES === '1') {
      analysesLine = 'analyses: skipped (KEDANG_BENCH_SKIP_ANALYSES=1)';
    } else {
      log('analyses: scripts/bench/analysis.ts on the filled archive');
      // The analyses are the managers' screens: run as the demo manager.
      const manager = DEMO_USERS.find((u) => u.role === 'manager')!;
      const ok = await benchAnalyses({
        dataDir: salesDir,
        username: manager.username,
        password: manager.password,
        asOf: until,
      });
      analysesLine = `analyses: benchAnalyses ${ok ? 'passed' : 'FAILED'}`;
      if (!ok) failed = true;
    }
  } catch (error) {
    failed = true;
    notes.push((error as Error).message);
  } finally {
    if (!options.workDir) rmSync(work, { recursive: true, force: true });
  }
  console.log('');
  console.log(
    `sales benchmark, ${new Date().toISOString()}, node ${process.version}, ${cpus().length} CPUs, ` +
      `${options.customers} cards, ${options.lines} sales lines; load average at start ${loadBefore.toFixed(2)}, ` +
      `at end ${loadavg()[0]!.toFixed(2)}`,
  );
  console.log(
    'raw = the same CSV read by the same reader, rows inserted into an unencrypted copy of the same database ' +
      "(same tables, indexes, pragmas, the import's page cache), no checks, no log; each side in a process of its own",
  );
  printTable(rows);
  for (const note of notes) console.log(`FAILED ${note}`);
  console.log(analysesLine);
  console.log(`whole sales benchmark: ${((performance.now() - started) / 60_000).toFixed(1)} min`);
  return failed || notes.length > 0 || rows.some((r) => r.pass === false) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`sales benchmark failed: ${(error as Error)?.message ?? String(error)}`);
    process.exit(1);
  },
);
