/**
 * How the card archive performs with 100,000 cards on this machine, each
 * figure beside the same work on an unencrypted copy of the same database
 * through raw better-sqlite3 in the same run:
 *
 *   search     cards.search through the router (count + first page of 100, sorted by name)
 *              vs the same SQL with prepared statements on the plain copy
 *   open       cards.get through the router (with its card_view log row) vs SELECT by id
 *   save       cards.update changing one field (new version, index, log row) vs UPDATE + INSERT
 *   import     cards.importCommit of a 100,000-row xlsx into a fresh archive (seconds, peak RSS)
 *              vs reading the same rows with the same reader and inserting them raw
 *   unlock     quick_check at login on the 100,000-card archive
 *
 *   npm run bench                       (unlock, then this)
 *   npx tsx scripts/bench/cards.ts [--cards N] [--work-dir DIR]
 *
 * --work-dir keeps the built archive and reuses it on the next run (for
 * working on the benchmark itself); without it everything is built in a
 * temporary folder and removed. Exit code 1 when a target is missed or a
 * channel the benchmark needs fails.
 */
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3-multiple-ciphers';
import type { CardContent } from '../../src-shared/cards/card';
import type { CardDto, CardPage, CardQuery } from '../../src-shared/contracts/cards';
import type { Result } from '../../src-shared/errors';
import { countStatement, pageStatement, type CardScope } from '../../src-main/cards/card-search';
import { pinyinInitials } from '../../src-main/cards/search-index';
import { demoCards } from '../../src-main/demo/demo-cards';
import { DEMO_USERS } from '../../src-main/demo/demo-office';
import { writeDemoWorkbook } from '../../src-main/demo/demo-workbook';
import { COMMON_TRADE_NAMES } from '../../src-main/demo/demo-words';
import { SeededRandom } from '../../src-main/demo/seeded-random';
import { createKedang, type Kedang } from '../../src-main/kedang';
import { DESIGN_KDF, unwrapKey } from '../../src-main/keyring/key-slots';
import { readKeyring } from '../../src-main/keyring/keyring-file';
import { userSlot } from '../../src-main/keyring/slots-of';
import { newConnection, type Connection } from '../../src-main/router/connection';
import { openCipherDatabase } from '../../src-main/store/cipher-database';
import { buildArchive, openRaw, plainCopy } from './bench-archive';
import type { ImportChildResult } from './import-child';

const TARGETS = {
  searchP95Ms: 30,
  searchRatio: 3,
  openP95Ms: 10,
  saveP95Ms: 15,
  importSeconds: 60,
  importBytes: 1024 ** 3,
};
const SEARCHES = 320;
const OPENS = 300;
const SAVES = 200;
const LOGINS = 3;

const custodian = DEMO_USERS.find((u) => u.role === 'custodian')!;
const host = { chooseFile: async () => null, print: async () => false };

interface TableRow {
  /** Rows print in this order: search, open, save, import, unlock. */
  group: number;
  measure: string;
  archive: string;
  raw: string;
  ratio: string;
  target: string;
  /** null: informational, no target. */
  pass: boolean | null;
}

const log = (text: string) => console.error(`[bench cards ${new Date().toISOString().slice(11, 19)}] ${text}`);
const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
const mib = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MiB`;

function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function p50p95(samples: readonly number[]): string {
  return `${ms(percentile(samples, 0.5))} / ${ms(percentile(samples, 0.95))}`;
}

/** A call that must succeed: a failure (e.g. a channel not landed yet) stops that part loudly. */
async function must<T>(kedang: Kedang, connection: Connection, channel: string, input: unknown): Promise<T> {
  const result = (await kedang.handle(connection, channel, input)) as Result<T>;
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function parseOptions(): { cards: number; workDir: string | null } {
  const { values } = parseArgs({
    options: { cards: { type: 'string' }, 'work-dir': { type: 'string' } },
    strict: true,
  });
  const cards = Number(values.cards ?? 100_000);
  if (!Number.isInteger(cards) || cards < 1000) throw new Error('--cards must be a whole number of at least 1000');
  return { cards, workDir: values['work-dir'] ?? null };
}

interface Query {
  kind: 'chinese-2' | 'chinese-3-6' | 'code' | 'phone' | 'pinyin';
  text: string;
}

/** A fixed mix of what people type: mostly two-character fragments, then longer ones, codes, phone digits, pinyin. */
function buildQueries(raw: Database.Database, count: number): Query[] {
  const random = new SeededRandom('bench-queries');
  const total = Number((raw.prepare('SELECT max(id) AS n FROM customers').get() as { n: number }).n);
  const sample = raw
    .prepare('SELECT code, name, phone FROM customers WHERE id % ? = 0 ORDER BY id')
    .all(Math.max(1, Math.floor(total / 3000))) as { code: string; name: string; phone: string }[];
  const cjk = /^[\u3400-\u9fff]+$/;
  const fragment = (name: string, length: number): string | null => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const chars = [...name];
      if (chars.length < length) return null;
      const start = random.int(0, chars.length - length);
      const text = chars.slice(start, start + length).join('');
      if (cjk.test(text)) return text;
    }
    return null;
  };
  const common = [...COMMON_TRADE_NAMES.slice(0, 20), '科技', '商贸', '物流', '贸易', '食品', '建材', '五金', '超市'];
  const cities = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉'];
  const queries: Query[] = [];
  const add = (kind: Query['kind'], text: string | null) => {
    if (text) queries.push({ kind, text });
  };
  const share = { 'chinese-2': 0.42, 'chinese-3-6': 0.18, code: 0.13, phone: 0.15, pinyin: 0.12 } as const;
  for (let i = 0; i < Math.round(count * share['chinese-2']); i++) {
    // Common trade names and industry words (many matches), city names, any two characters of a name.
    const pick = random.next();
    const text =
      pick < 0.45
        ? random.pick(common)
        : pick < 0.55
          ? random.pick(cities)
          : (fragment(random.pick(sample).name, 2) ?? random.pick(common));
    add('chinese-2', text);
  }
  for (let i = 0; i < Math.round(count * share['chinese-3-6']); i++) {
    add('chinese-3-6', fragment(random.pick(sample).name, random.int(3, 6)) ?? random.pick(common) + '科技');
  }
  for (let i = 0; i < Math.round(count * share.code); i++) {
    const code = random.pick(sample).code;
    add('code', random.chance(0.5) ? code : code.slice(-random.int(4, 6)));
  }
  for (let i = 0; i < Math.round(count * share.phone); i++) {
    const digits = random.pick(sample).phone.replace(/\D+/g, '');
    const length = random.int(4, 6);
    add('phone', digits.length >= length ? digits.slice(random.int(0, digits.length - length)).slice(0, length) : null);
  }
  for (let i = 0; i < Math.round(count * share.pinyin); i++) {
    const initials = pinyinInitials(random.pick(sample).name);
    // bjhx: city and trade name, or the trade name alone (hx).
    add('pinyin', random.chance(0.6) ? initials.slice(0, 4) : initials.slice(2, 4 + random.int(0, 2)));
  }
  return random.sample(queries, queries.length);
}

async function measureSearch(kedang: Kedang, connection: Connection, raw: Database.Database, rows: TableRow[]) {
  const queries = buildQueries(raw, SEARCHES);
  const input = (query: string): CardQuery & { offset: number; limit: number } => ({
    query,
    filters: { status: ['active'] },
    sort: { column: 'name', direction: 'asc' },
    offset: 0,
    limit: 100,
  });
  // The raw side runs the very statements the search service runs (count, then the page the count chooses).
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = raw.prepare(sql)));
    return statement;
  };
  const everyCard: CardScope = { repUsername: null };
  const rawSearch = (query: CardQuery) => {
    const count = countStatement(query, everyCard);
    const total = Number((prepared(count.sql).get(...count.parameters) as { total: number }).total);
    if (total === 0) return { total, rows: [] as unknown[] };
    const page = pageStatement(query, everyCard, 0, 100, total);
    return { total, rows: prepared(page.sql).all(...page.parameters) };
  };
  // Warm both sides the same way: one search each before timing.
  await must<CardPage>(kedang, connection, 'cards.search', input('华信'));
  rawSearch(input('华信'));
  const archiveTimes: number[] = [];
  const rawTimes: number[] = [];
  const byKind = new Map<string, { archive: number[]; raw: number[]; hits: number[] }>();
  let mismatches = 0;
  for (const q of queries) {
    let t = performance.now();
    const page = await must<CardPage>(kedang, connection, 'cards.search', input(q.text));
    const archiveMs = performance.now() - t;
    t = performance.now();
    const { total, rows: firstPage } = rawSearch(input(q.text));
    const rawMs = performance.now() - t;
    const sameIds = page.rows.every((r, i) => r.id === (firstPage[i] as { id: number } | undefined)?.id);
    if (page.total !== total || page.rows.length !== firstPage.length || !sameIds) mismatches += 1;
    archiveTimes.push(archiveMs);
    rawTimes.push(rawMs);
    const kind = byKind.get(q.kind) ?? { archive: [], raw: [], hits: [] };
    kind.archive.push(archiveMs);
    kind.raw.push(rawMs);
    kind.hits.push(total);
    byKind.set(q.kind, kind);
  }
  const p95 = percentile(archiveTimes, 0.95);
  const ratio = p95 / percentile(rawTimes, 0.95);
  rows.push({
    group: 1,
    measure: `search, ${queries.length} queries`,
    archive: p50p95(archiveTimes),
    raw: p50p95(rawTimes),
    ratio: `${ratio.toFixed(1)}×`,
    target: `p95 ≤ ${TARGETS.searchP95Ms} ms, ≤ ${TARGETS.searchRatio}× raw`,
    pass: p95 <= TARGETS.searchP95Ms && ratio <= TARGETS.searchRatio,
  });
  for (const [kind, s] of byKind) {
    const hits = [...s.hits].sort((a, b) => a - b);
    rows.push({
      group: 1,
      measure: `  ${kind} (${s.archive.length}; matches median ${hits[hits.length >> 1]}, max ${hits.at(-1)})`,
      archive: p50p95(s.archive),
      raw: p50p95(s.raw),
      ratio: `${(percentile(s.archive, 0.95) / percentile(s.raw, 0.95)).toFixed(1)}×`,
      target: '',
      pass: null,
    });
  }
  rows.push({
    group: 1,
    measure: '  same totals and first page as raw',
    archive: `${queries.length - mismatches} / ${queries.length}`,
    raw: '',
    ratio: '',
    target: 'all',
    pass: mismatches === 0,
  });
}

/** Card ids spread over the whole archive, none repeated. */
function spreadIds(total: number, count: number, offset: number): number[] {
  const step = Math.max(1, Math.floor(total / count));
  return Array.from({ length: count }, (_, i) => 1 + ((i * step + offset) % total));
}

async function measureOpen(
  kedang: Kedang,
  connection: Connection,
  raw: Database.Database,
  total: number,
  rows: TableRow[],
) {
  const ids = spreadIds(total, OPENS, 3);
  const rawRow = raw.prepare('SELECT * FROM customers WHERE id = ?');
  const rawContent = raw.prepare('SELECT content FROM card_versions WHERE customer_id = ? AND version = ?');
  const archiveTimes: number[] = [];
  const rawTimes: number[] = [];
  for (const id of ids) {
    let t = performance.now();
    const card = await must<CardDto>(kedang, connection, 'cards.get', { id });
    archiveTimes.push(performance.now() - t);
    t = performance.now();
    const row = rawRow.get(id) as { version: number };
    const content = JSON.parse((rawContent.get(id, row.version) as { content: string }).content) as CardContent;
    rawTimes.push(performance.now() - t);
    if (card.content.basic.name !== content.basic.name) throw new Error(`card ${id} differs from the raw copy`);
  }
  const p95 = percentile(archiveTimes, 0.95);
  rows.push({
    group: 2,
    measure: `open a card (cards.get), ${ids.length}`,
    archive: p50p95(archiveTimes),
    raw: p50p95(rawTimes),
    ratio: `${(p95 / percentile(rawTimes, 0.95)).toFixed(1)}×`,
    target: `p95 ≤ ${TARGETS.openP95Ms} ms`,
    pass: p95 <= TARGETS.openP95Ms,
  });
}

async function measureSave(
  kedang: Kedang,
  connection: Connection,
  raw: Database.Database,
  total: number,
  rows: TableRow[],
) {
  const ids = spreadIds(total, SAVES, 11);
  const selectVersion = raw.prepare('SELECT version FROM customers WHERE id = ?');
  const selectContent = raw.prepare('SELECT content FROM card_versions WHERE customer_id = ? AND version = ?');
  const updateRow = raw.prepare(
    'UPDATE customers SET credit_limit = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ?',
  );
  const insertVersion = raw.prepare(
    `INSERT INTO card_versions (customer_id, version, at, by_username, by_name, kind, note, changes, content)
     VALUES (?, ?, ?, ?, ?, 'edit', '', ?, ?)`,
  );
  const rawSave = raw.transaction((id: number, next: CardContent, from: number | null) => {
    const { version } = selectVersion.get(id) as { version: number };
    const at = new Date().toISOString();
    updateRow.run(next.trading.creditLimit, version + 1, at, custodian.displayName, id);
    const changes = JSON.stringify([{ path: 'trading.creditLimit', from, to: next.trading.creditLimit }]);
    insertVersion.run(id, version + 1, at, custodian.username, custodian.displayName, changes, JSON.stringify(next));
  });
  const archiveTimes: number[] = [];
  const rawTimes: number[] = [];
  for (const id of ids) {
    // The custodian edits the card as revealed (a masked card would save its notes as blanks).
    const card = await must<CardDto>(kedang, connection, 'cards.reveal', { id });
    const content: CardContent = structuredClone(card.content);
    content.trading.creditLimit = (content.trading.creditLimit ?? 0) + 1000;
    let t = performance.now();
    const saved = await must<CardDto>(kedang, connection, 'cards.update', {
      id,
      expectedVersion: card.version,
      content,
    });
    archiveTimes.push(performance.now() - t);
    if (saved.version !== card.version + 1) throw new Error(`cards.update of ${id} wrote no new version`);

    const { version } = selectVersion.get(id) as { version: number };
    const before = JSON.parse((selectContent.get(id, version) as { content: string }).content) as CardContent;
    const next: CardContent = {
      ...before,
      trading: { ...before.trading, creditLimit: (before.trading.creditLimit ?? 0) + 1000 },
    };
    t = performance.now();
    rawSave(id, next, before.trading.creditLimit);
    rawTimes.push(performance.now() - t);
  }
  const p95 = percentile(archiveTimes, 0.95);
  rows.push({
    group: 3,
    measure: `save a card (cards.update), ${ids.length}`,
    archive: p50p95(archiveTimes),
    raw: p50p95(rawTimes),
    ratio: `${(p95 / percentile(rawTimes, 0.95)).toFixed(1)}×`,
    target: `p95 ≤ ${TARGETS.saveP95Ms} ms`,
    pass: p95 <= TARGETS.saveP95Ms,
  });
}

async function measureUnlock(dir: string, key: Buffer, plainPath: string, rows: TableRow[]): Promise<void> {
  const kedang = createKedang({ dataDir: dir, host, kdf: DESIGN_KDF });
  const logins: number[] = [];
  for (let i = 0; i < LOGINS; i++) {
    // Each login finds the archive closed (the previous logout closed it), so each opens and checks it.
    const connection = newConnection('bench');
    const t = performance.now();
    await must(kedang, connection, 'auth.login', { username: custodian.username, password: custodian.password });
    logins.push(performance.now() - t);
    await must(kedang, connection, 'auth.logout', {});
  }
  await kedang.close();
  const encrypted = openCipherDatabase(join(dir, 'archive.kedang'), key, { create: false, checkIntegrity: false });
  let t = performance.now();
  encrypted.pragma('quick_check');
  const encryptedCheck = performance.now() - t;
  encrypted.close();
  const plain = new Database(plainPath, { fileMustExist: true, readonly: true });
  t = performance.now();
  plain.pragma('quick_check');
  const plainCheck = performance.now() - t;
  plain.close();
  const sorted = [...logins].sort((a, b) => a - b);
  rows.push({
    group: 5,
    measure: `quick_check at unlock (login median of ${LOGINS}: ${ms(sorted[sorted.length >> 1]!)})`,
    archive: ms(encryptedCheck),
    raw: ms(plainCheck),
    ratio: `${(encryptedCheck / plainCheck).toFixed(1)}×`,
    target: 'figure only',
    pass: null,
  });
}

function runChild(mode: 'archive' | 'raw', xlsx: string, dir: string): Promise<ImportChildResult> {
  mkdirSync(dir, { recursive: true });
  return new Promise((resolve, reject) => {
    const child = fork(join(import.meta.dirname, 'import-child.ts'), [mode, xlsx, dir], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: ImportChildResult | null = null;
    child.on('message', (m) => {
      result = m as ImportChildResult;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`import-child ${mode} exited with ${code} and no result`));
    });
  });
}

async function measureImport(work: string, count: number, rows: TableRow[], notes: string[]): Promise<void> {
  const xlsx = join(work, 'import.xlsx');
  let t = performance.now();
  const reps = DEMO_USERS.filter((u) => u.role === 'rep').map((u) => u.username);
  // Other customers than the built archive's, so the import is all new cards.
  const written = await writeDemoWorkbook(xlsx, demoCards({ count, seed: 'bench-import', reps }));
  log(
    `  wrote ${written.rows} rows × ${written.columns} columns, ${mib(statSync(xlsx).size)}, in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  t = performance.now();
  const rawResult = await runChild('raw', xlsx, join(work, 'import-raw'));
  log(`  raw baseline: ${rawResult.seconds.toFixed(1)} s`);
  const archive = await runChild('archive', xlsx, join(work, 'import-archive'));
  log(`  archive import: ${archive.ok ? `${archive.seconds.toFixed(1)} s` : `failed: ${archive.error}`}`);
  const peak = Math.max(archive.maxRss, archive.sampledPeakRss);
  const rawPeak = Math.max(rawResult.maxRss, rawResult.sampledPeakRss);
  const complete = archive.ok && archive.created === count && archive.rejected === 0;
  if (!archive.ok) notes.push(`import: cards.importCommit failed: ${archive.error}`);
  rows.push({
    group: 4,
    measure: `import ${count} rows from xlsx (cards.importCommit)`,
    archive: archive.ok ? `${archive.seconds.toFixed(1)} s` : 'FAILED',
    raw: `${rawResult.seconds.toFixed(1)} s`,
    ratio: archive.ok ? `${(archive.seconds / rawResult.seconds).toFixed(1)}×` : '',
    target: `≤ ${TARGETS.importSeconds} s, all rows created`,
    pass: complete && archive.seconds <= TARGETS.importSeconds,
  });
  rows.push({
    group: 4,
    measure: `  peak RSS of the importing process (created ${archive.created}, rejected ${archive.rejected})`,
    archive: archive.ok ? `${mib(peak)} (in import ${mib(archive.sampledPeakRss)})` : '',
    raw: mib(rawPeak),
    ratio: archive.ok ? `${(peak / rawPeak).toFixed(1)}×` : '',
    target: `≤ ${mib(TARGETS.importBytes)}`,
    pass: archive.ok && peak <= TARGETS.importBytes,
  });
}

function printTable(unordered: TableRow[]): void {
  const rows = [...unordered].sort((a, b) => a.group - b.group);
  const header: TableRow = {
    group: 0,
    measure: 'measure',
    archive: 'archive p50 / p95',
    raw: 'raw p50 / p95',
    ratio: 'p95 ratio',
    target: 'target',
    pass: null,
  };
  const all = [header, ...rows];
  const width = (k: keyof Omit<TableRow, 'pass' | 'group'>) => Math.max(...all.map((r) => r[k].length));
  const w = {
    measure: width('measure'),
    archive: width('archive'),
    raw: width('raw'),
    ratio: width('ratio'),
    target: width('target'),
  };
  for (const r of all) {
    const result = r === header ? 'result' : r.pass === null ? '' : r.pass ? 'PASS' : 'FAIL';
    console.log(
      `${r.measure.padEnd(w.measure)}  ${r.archive.padEnd(w.archive)}  ${r.raw.padEnd(w.raw)}  ${r.ratio.padEnd(w.ratio)}  ${r.target.padEnd(w.target)}  ${result}`.trimEnd(),
    );
  }
}

async function main(): Promise<number> {
  const options = parseOptions();
  const work = options.workDir ?? mkdtempSync(join(tmpdir(), 'kedang-bench-cards-'));
  const dir = join(work, 'archive');
  const plainPath = join(work, 'plain.sqlite');
  const rows: TableRow[] = [];
  const notes: string[] = [];
  const groupOf: Record<string, number> = { search: 1, open: 2, save: 3 };
  const started = performance.now();
  let buildLine = '';
  let failedPart = false;
  try {
    log(`building an archive of ${options.cards} demo cards in ${dir}`);
    const built = await buildArchive(dir, options.cards, log);
    const archiveBytes = statSync(join(dir, 'archive.kedang')).size;
    buildLine =
      built.seconds === null
        ? `build: reused (${mib(archiveBytes)})`
        : `build: ${options.cards} cards loaded through the card records in ${built.seconds.toFixed(1)} s ` +
          `(${Math.round(options.cards / built.seconds)} cards/s, batches of 1000), archive ${mib(archiveBytes)}`;
    log(buildLine);

    const keyring = readKeyring(join(dir, 'archive.keyring'));
    const key = await unwrapKey(userSlot(keyring, custodian.username)!, custodian.password, keyring.archiveId);
    if (!key) throw new Error('the demo custodian password did not unwrap the key');
    log('making the unencrypted baseline copy');
    const { cacheSize } = plainCopy(join(dir, 'archive.kedang'), plainPath, key);
    const raw = openRaw(plainPath, cacheSize);

    log('unlock: logins and quick_check');
    await measureUnlock(dir, key, plainPath, rows);
    key.fill(0);

    const kedang = createKedang({ dataDir: dir, host, kdf: DESIGN_KDF });
    const connection = newConnection('bench');
    await must(kedang, connection, 'auth.login', { username: custodian.username, password: custodian.password });
    const parts: [string, () => Promise<void>][] = [
      ['search', () => measureSearch(kedang, connection, raw, rows)],
      ['open', () => measureOpen(kedang, connection, raw, options.cards, rows)],
      ['save', () => measureSave(kedang, connection, raw, options.cards, rows)],
    ];
    for (const [name, run] of parts) {
      log(name);
      try {
        await run();
      } catch (error) {
        failedPart = true;
        notes.push(`${name}: ${(error as Error).message}`);
        rows.push({
          group: groupOf[name]!,
          measure: name,
          archive: 'FAILED',
          raw: '',
          ratio: '',
          target: '',
          pass: false,
        });
      }
    }
    await must(kedang, connection, 'auth.logout', {});
    await kedang.close();
    raw.close();

    log('import');
    try {
      await measureImport(work, options.cards, rows, notes);
    } catch (error) {
      failedPart = true;
      notes.push(`import: ${(error as Error).message}`);
      rows.push({ group: 4, measure: 'import', archive: 'FAILED', raw: '', ratio: '', target: '', pass: false });
    }
  } finally {
    if (!options.workDir) rmSync(work, { recursive: true, force: true });
  }
  const minutes = (performance.now() - started) / 60_000;
  console.log('');
  console.log(
    `cards benchmark, ${new Date().toISOString()}, node ${process.version}, ${cpus().length} CPUs, ${options.cards} cards`,
  );
  console.log(buildLine);
  console.log(
    'raw = the same database decrypted, plain better-sqlite3, the same SQL as prepared statements, same pragmas, same run',
  );
  printTable(rows);
  for (const note of notes) console.log(`FAILED ${note}`);
  console.log(`whole cards benchmark: ${minutes.toFixed(1)} min`);
  return failedPart || rows.some((r) => r.pass === false) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`cards benchmark failed: ${(error as Error)?.message ?? String(error)}`);
    process.exit(1);
  },
);
