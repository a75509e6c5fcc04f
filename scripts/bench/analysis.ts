/**
 * How the four composition analyses perform on an archive with sales, each for the 12 months up
 * to the as-of date, beside the same SQL on an unencrypted copy through raw better-sqlite3 in the
 * same run:
 *
 *   archive  analysis.grade / .product (by grade) / .region (top level) / .credit through the
 *            router as a logged-in manager: validation, the reads (encrypted pages), the
 *            arithmetic, and the analysis_run log row (a committed, chained write)
 *   raw      the very same statements, through the analyses' own loaders (src-main/analysis/*:
 *            loadGradeFigures, …) over plainSource: the same SQL and parameters, and the same
 *            loops over the lines held in memory (line-columns.ts), on the decrypted copy with
 *            the same pragmas. Only the loading is timed; the answer computed from the raw
 *            figures is then compared with the archive's
 *
 * The first run of each side is timed and printed apart: the first analysis of a session reads
 * every sales line into memory (the first credit analysis every receipt); later ones read only
 * the lines added since.
 *
 * Targets (issue 4): p95 ≤ 300 ms and ≤ 1.5× raw for each analysis at 100,000 customers and
 * 2,000,000 lines. The archive and the raw runs alternate, so both see the same machine load.
 *
 *   npx tsx scripts/bench/analysis.ts --data-dir DIR [--user NAME --password PW] [--as-of YYYY-MM-DD] [--runs N]
 *
 * Without --user the demo manager (jingli) is used; without --as-of, the last day with sales.
 * scripts/bench/sales.ts builds the 100,000-customer archive and calls benchAnalyses at its end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Period } from '../../src-shared/analysis/analysis';
import type { Result } from '../../src-shared/errors';
import {
  creditAnalysisOf,
  loadCreditFigures,
  OVER_LIMIT_ROWS,
  overLimitFigures,
} from '../../src-main/analysis/credit-analysis';
import { customerFigures } from '../../src-main/analysis/customer-rows';
import { twelveMonthsTo } from '../../src-main/analysis/dates';
import { plainSource, type FigureSource } from '../../src-main/analysis/figure-source';
import { gradeAnalysisOf, loadGradeFigures } from '../../src-main/analysis/grade-analysis';
import { loadProductFigures, productAnalysisOf } from '../../src-main/analysis/product-analysis';
import { loadRegionFigures, regionAnalysisOf } from '../../src-main/analysis/region-analysis';
import { kyselyOver } from '../../src-main/archive/open-archive';
import { loadRules } from '../../src-main/classification/rules-service';
import type { ArchiveSchema } from '../../src-main/store/schema';
import type { Kysely } from 'kysely';
import { createKedang, type Kedang } from '../../src-main/kedang';
import { DESIGN_KDF, unwrapKey } from '../../src-main/keyring/key-slots';
import { readKeyring } from '../../src-main/keyring/keyring-file';
import { userSlot } from '../../src-main/keyring/slots-of';
import { newConnection, type Connection } from '../../src-main/router/connection';
import { openCipherDatabase } from '../../src-main/store/cipher-database';
import { openRaw, plainCopy } from './bench-archive';

const TARGETS = { p95Ms: 300, ratio: 1.5 };
const DEFAULT_RUNS = 30;
const DEMO_MANAGER = { username: 'jingli', password: 'Demo-jingli-2026' };

export interface AnalysisBenchContext {
  dataDir: string;
  username: string;
  password: string;
  /** The last day of the 12-month period, and the credit analysis's as-of date. */
  asOf: string;
  runs?: number;
}

interface Measured {
  name: string;
  archive: number[];
  raw: number[];
  /** Whether the archive's answer equals the one computed from the raw copy's figures. */
  same: boolean;
}

const log = (text: string) => console.error(`[bench analysis ${new Date().toISOString().slice(11, 19)}] ${text}`);
const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;

function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function must<T>(kedang: Kedang, connection: Connection, channel: string, input: unknown): Promise<T> {
  const result = (await kedang.handle(connection, channel, input)) as Result<T>;
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

interface Case {
  name: string;
  channel: string;
  input: unknown;
  /**
   * The raw side: the statements the service runs, through its own loaders (timed), and then,
   * untimed, the answer computed from those figures for comparing with the archive's.
   */
  raw: (source: FigureSource, db: Kysely<ArchiveSchema>) => Promise<() => Promise<unknown>>;
}

function cases(period: Period, asOf: string): Case[] {
  return [
    {
      name: 'grade (销售构成, with previous period, last year, Pareto)',
      channel: 'analysis.grade',
      input: { period },
      raw: async (source) => {
        const figures = await loadGradeFigures(source, period);
        return async () => gradeAnalysisOf(period, figures);
      },
    },
    {
      name: 'product (商品构成, category × grade cross-tab)',
      channel: 'analysis.product',
      input: { period, by: 'grade' },
      raw: async (source) => {
        const figures = await loadProductFigures(source, period, 'grade');
        return async () => productAnalysisOf(period, figures);
      },
    },
    {
      name: 'region (地区构成, top level)',
      channel: 'analysis.region',
      input: { period, parent: null },
      raw: async (source) => {
        const figures = await loadRegionFigures(source, period);
        return async () => regionAnalysisOf(period, null, figures);
      },
    },
    {
      name: `credit (信用分析, as of ${asOf}, FIFO ageing)`,
      channel: 'analysis.credit',
      input: { asOf },
      raw: async (source, db) => {
        const figures = await loadCreditFigures(source, asOf);
        // The one statement the analysis runs after its arithmetic: the over-limit customers' cards.
        await customerFigures(source, overLimitFigures(figures).slice(0, OVER_LIMIT_ROWS));
        const { creditTerms } = await loadRules(db);
        return () => creditAnalysisOf(source, asOf, figures, creditTerms);
      },
    },
  ];
}

/**
 * Runs the four analyses through the router and the same SQL on a decrypted copy, prints the
 * figures, and returns whether every target is met. The copy is made in a temporary folder and
 * removed.
 */
export async function benchAnalyses(ctx: AnalysisBenchContext): Promise<boolean> {
  const runs = ctx.runs ?? DEFAULT_RUNS;
  const period = twelveMonthsTo(ctx.asOf);
  const work = mkdtempSync(join(tmpdir(), 'kedang-bench-analysis-'));
  const measured: Measured[] = [];
  const notes: string[] = [];
  let failed = false;
  const started = performance.now();
  try {
    const keyring = readKeyring(join(ctx.dataDir, 'archive.keyring'));
    const slot = userSlot(keyring, ctx.username);
    const key = slot ? await unwrapKey(slot, ctx.password, keyring.archiveId) : null;
    if (!key) throw new Error(`the password of ${ctx.username} does not unwrap the archive key`);
    log('making the unencrypted baseline copy');
    const plainPath = join(work, 'plain.sqlite');
    const { cacheSize } = plainCopy(join(ctx.dataDir, 'archive.kedang'), plainPath, key);
    key.fill(0);
    const raw = openRaw(plainPath, cacheSize);
    const source = plainSource(raw);
    const rawDb = kyselyOver(raw);
    const lines = Number(raw.prepare('SELECT count(*) FROM sales_lines').pluck().get());
    const customers = Number(raw.prepare('SELECT count(*) FROM customers').pluck().get());
    const inPeriod = Number(
      raw.prepare('SELECT count(*) FROM sales_lines WHERE sold_on BETWEEN ? AND ?').pluck().get(period.from, period.to),
    );
    notes.push(`${customers} customers, ${lines} sales lines, ${inPeriod} in ${period.from} … ${period.to}`);

    const kedang = createKedang({
      dataDir: ctx.dataDir,
      host: { chooseFile: async () => null, print: async () => false },
      kdf: DESIGN_KDF,
    });
    const connection = newConnection('bench');
    await must(kedang, connection, 'auth.login', { username: ctx.username, password: ctx.password });
    try {
      for (const c of cases(period, ctx.asOf)) {
        log(c.name);
        const row: Measured = { name: c.name, archive: [], raw: [], same: false };
        try {
          // One warm-up each: the first run reads the pages from disk into each page cache, and the
          // first analysis of a session reads every sales line (credit: every receipt) into the
          // columns held in memory (src-main/analysis/line-columns.ts). Timed and printed apart.
          let t0 = performance.now();
          let answer = await must<unknown>(kedang, connection, c.channel, c.input);
          const firstArchive = performance.now() - t0;
          t0 = performance.now();
          let rawAnswer = await c.raw(source, rawDb);
          notes.push(`${c.name}: first run ${ms(firstArchive)} archive, ${ms(performance.now() - t0)} raw`);
          for (let i = 0; i < runs; i++) {
            let t = performance.now();
            answer = await must<unknown>(kedang, connection, c.channel, c.input);
            row.archive.push(performance.now() - t);
            t = performance.now();
            rawAnswer = await c.raw(source, rawDb);
            row.raw.push(performance.now() - t);
          }
          row.same = JSON.stringify(answer) === JSON.stringify(await rawAnswer());
          if (!row.same) notes.push(`${c.name}: the archive's answer differs from the raw copy's`);
        } catch (error) {
          failed = true;
          notes.push(`${c.name}: ${(error as Error).message}`);
        }
        measured.push(row);
      }
      await must(kedang, connection, 'auth.logout', {});
    } finally {
      await kedang.close();
      raw.close();
    }
  } catch (error) {
    failed = true;
    notes.push((error as Error).message);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return printTable(measured, notes, period, runs, started) && !failed;
}

function printTable(measured: Measured[], notes: string[], period: Period, runs: number, started: number): boolean {
  const rows = measured.map((m) => {
    if (m.archive.length === 0) return { measure: m.name, archive: 'FAILED', raw: '', ratio: '', pass: false };
    const p95 = percentile(m.archive, 0.95);
    const ratio = p95 / percentile(m.raw, 0.95);
    return {
      measure: m.name,
      archive: `${ms(percentile(m.archive, 0.5))} / ${ms(p95)}`,
      raw: `${ms(percentile(m.raw, 0.5))} / ${ms(percentile(m.raw, 0.95))}`,
      ratio: `${ratio.toFixed(2)}×`,
      pass: p95 <= TARGETS.p95Ms && ratio <= TARGETS.ratio && m.same,
    };
  });
  const header = {
    measure: 'analysis (12 months)',
    archive: 'archive p50 / p95',
    raw: 'raw p50 / p95',
    ratio: 'p95 ratio',
    pass: null,
  };
  const all = [header, ...rows];
  const width = (k: 'measure' | 'archive' | 'raw' | 'ratio') => Math.max(...all.map((r) => r[k].length));
  const w = { measure: width('measure'), archive: width('archive'), raw: width('raw'), ratio: width('ratio') };
  const target = `p95 ≤ ${TARGETS.p95Ms} ms, ≤ ${TARGETS.ratio}× raw, same figures`;
  console.log('');
  console.log(
    `analysis benchmark, ${new Date().toISOString()}, node ${process.version}, ${cpus().length} CPUs, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${runs} runs each, period ${period.from} … ${period.to}`,
  );
  for (const note of notes) console.log(note);
  console.log(
    'raw = the same statements through the analyses’ loaders on the decrypted copy, plain better-sqlite3, same pragmas, same run',
  );
  for (const r of all) {
    const result = r === header ? 'result' : r.pass ? 'PASS' : 'FAIL';
    console.log(
      `${r.measure.padEnd(w.measure)}  ${r.archive.padEnd(w.archive)}  ${r.raw.padEnd(w.raw)}  ${r.ratio.padEnd(w.ratio)}  ${r === header ? 'target'.padEnd(target.length) : target}  ${result}`,
    );
  }
  console.log(`whole analysis benchmark: ${((performance.now() - started) / 60_000).toFixed(1)} min`);
  return rows.length === 4 && rows.every((r) => r.pass);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      'as-of': { type: 'string' },
      runs: { type: 'string' },
    },
    strict: true,
  });
  if (!values['data-dir']) throw new Error('--data-dir DIR is required (an archive with sales)');
  const dataDir = resolve(values['data-dir']);
  const username = values.user ?? DEMO_MANAGER.username;
  const password = values.password ?? (values.user ? '' : DEMO_MANAGER.password);
  let asOf = values['as-of'];
  if (!asOf) {
    const keyring = readKeyring(join(dataDir, 'archive.keyring'));
    const key = await unwrapKey(userSlot(keyring, username)!, password, keyring.archiveId);
    if (!key) throw new Error(`the password of ${username} does not unwrap the archive key`);
    const db = openCipherDatabase(join(dataDir, 'archive.kedang'), key, {
      create: false,
      checkIntegrity: false,
      readonly: true,
    });
    asOf = String(db.prepare("SELECT max(last_date) FROM sales_imports WHERE kind = 'sales'").pluck().get() ?? '');
    db.close();
    key.fill(0);
    if (!/^\d{4}-\d\d-\d\d$/.test(asOf)) throw new Error('no sales in the archive: give --as-of');
  }
  const runs = Number(values.runs ?? DEFAULT_RUNS);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number of at least 1');
  return (await benchAnalyses({ dataDir, username, password, asOf, runs })) ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`analysis benchmark failed: ${(error as Error)?.message ?? String(error)}`);
      process.exit(1);
    },
  );
}
