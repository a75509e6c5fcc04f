import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';
import type { OutputOf, ParsedInputOf } from '../../src-shared/contracts';
import { logDetail } from '../../src-shared/log-details';
import { formatCents, type SalesImportKind, type SalesImportReport } from '../../src-shared/sales/sales';
import { openImportFile } from '../cards/spreadsheet/open-import-file';
import type { ImportLimits, ImportWorkbook } from '../cards/spreadsheet/sheet-rows';
import { writeWorkbookFile } from '../cards/spreadsheet/workbook-file';
import { calendarDate } from '../classification/calendar';
import { recomputeDerived } from '../classification/derived-classes';
import { isKedangError, KedangError, toKedangError } from '../errors';
import { sessionOf, type Call } from '../router/call';
import type { CipherDatabase } from '../store/cipher-database';
import { planSalesImport, type SalesPlanReport } from './sales-plan';
import { SalesRejectionsWorkbook } from './sales-rejections-workbook';
import { ArchiveSink, DryRunSink } from './sales-sinks';

type ImportInput = ParsedInputOf<'sales.importPreview'>;

/**
 * Refusal limits of a sales or receipts file (SALES_IMPORT_TOO_LARGE): an
 * ERP's export of a few years of lines is far longer than a card register,
 * and is streamed, never held.
 */
export const SALES_LIMITS: ImportLimits = { bytes: 1024 ** 3, rows: 5_000_000, columns: 200 };

/**
 * The page cache of the archive's connection while a commit runs, in KiB
 * (the archive's own is 128 MiB). Each line goes into the table and three
 * indexes, and its customer is checked against the cards (foreign key): at
 * 2,000,000 lines the cards' pages (50 MB for 100,000 cards) and the
 * per-customer index outgrow 128 MiB, and every page pushed out is
 * encrypted, written to the WAL, and read and decrypted again a moment
 * later. 256 MiB holds them: 2,000,000 lines in 45 s instead of 70 s, for
 * some 150 MiB more at the peak (scripts/bench/sales.ts). The archive's own
 * size is put back afterwards.
 */
export const IMPORT_CACHE_KIB = 256 * 1024;

/** Gives the connection the import's page cache; answers how to put the archive's own back. */
function importCache(raw: CipherDatabase): () => void {
  const own = Number(raw.pragma('cache_size', { simple: true }));
  if (own < 0 && -own >= IMPORT_CACHE_KIB) return () => undefined;
  raw.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  return () => {
    if (raw.open) raw.pragma(`cache_size = ${own}`);
  };
}

/** The readers' size refusal said in the sales import's own words; anything else as the store maps it. */
function salesError(error: unknown): unknown {
  const known = toKedangError(error);
  if (isKedangError(known) && known.code === 'IMPORT_TOO_LARGE') return new KedangError('SALES_IMPORT_TOO_LARGE');
  return known;
}

async function openSalesFile(path: string): Promise<ImportWorkbook> {
  try {
    return await openImportFile(path, { limits: SALES_LIMITS, sideSheets: false });
  } catch (error) {
    throw salesError(error);
  }
}

/** SHA-256 of the file's bytes: the same export imported twice is recognised whatever its name. */
async function fileHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
    }
  } catch (error) {
    throw salesError(error);
  }
  return hash.digest('hex');
}

/** The earlier import of the same file (same kind, same bytes), if any. */
function earlierImport(raw: CipherDatabase, kind: SalesImportKind, hash: string) {
  return (
    raw
      .prepare<[string, string], { id: number; at: string; by_username: string }>(
        'SELECT id, at, by_username FROM sales_imports WHERE kind = ? AND file_hash = ?',
      )
      .get(kind, hash) ?? null
  );
}

/** Runs the plan as a dry run, and says whether this very file was imported before. */
async function dryRun(
  call: Call,
  input: ImportInput,
  onRejected?: Parameters<typeof planSalesImport>[2]['onRejected'],
): Promise<SalesImportReport> {
  const file = await openSalesFile(input.path);
  const hash = await fileHash(input.path);
  const archive = call.office.requireArchive();
  const earlier = earlierImport(archive.raw, input.kind, hash);
  let report: SalesPlanReport;
  const sink = new DryRunSink(archive.raw, input.kind);
  try {
    report = await planSalesImport(
      archive.raw,
      file,
      {
        kind: input.kind,
        mapping: input.mapping,
        today: calendarDate(call.office.now()),
        language: call.connection.language,
        ...(onRejected ? { onRejected } : {}),
      },
      sink,
    );
  } catch (error) {
    throw salesError(error);
  } finally {
    sink.close();
  }
  return {
    ...report,
    alreadyImported: earlier ? { at: earlier.at, by: earlier.by_username, importId: earlier.id } : null,
  };
}

/**
 * The dry run of a sales or receipts import (`sales.importPreview`): the
 * mapping, the counts, the total, the date range, every rejected row's
 * reasons, and whether this file was imported before. Writes nothing and
 * is not logged (like the card import's dry run).
 */
export async function salesImportPreview(call: Call, input: ImportInput): Promise<OutputOf<'sales.importPreview'>> {
  sessionOf(call);
  return dryRun(call, input);
}

/**
 * Imports every accepted row of the file in one transaction with its
 * `sales_imports` row and its one access-log row, or nothing at all
 * (`sales.importCommit`). Refused with ALREADY_IMPORTED when the same file
 * (same kind, same bytes) was imported before, and with
 * SALES_NOTHING_ACCEPTED when no row can be imported. A refused or failed
 * import is logged as such after the rollback. After the commit the derived
 * classes are recomputed as of the office's today.
 */
export async function salesImportCommit(
  call: Call,
  input: ParsedInputOf<'sales.importCommit'>,
): Promise<OutputOf<'sales.importCommit'>> {
  const { office, connection } = call;
  const session = sessionOf(call);
  const fileName = basename(input.path);
  const refused = input.kind === 'sales' ? 'salesImportRefused' : 'receiptsImportRefused';
  let result: OutputOf<'sales.importCommit'>;
  let ownCache = () => {};
  try {
    const file = await openSalesFile(input.path);
    const hash = await fileHash(input.path);
    const archive = office.requireArchive();
    const raw = archive.raw;
    const today = calendarDate(office.now());
    ownCache = importCache(raw);
    result = await office.transaction(async (trx, log) => {
      const earlier = earlierImport(raw, input.kind, hash);
      if (earlier) throw new KedangError('ALREADY_IMPORTED', { importId: earlier.id, at: earlier.at });
      const at = office.now().toISOString();
      const importId = Number(
        raw
          .prepare(
            `INSERT INTO sales_imports (kind, file_name, file_hash, lines, amount_cents, first_date, last_date, at, by_username)
             VALUES (?, ?, ?, 0, 0, NULL, NULL, ?, ?)`,
          )
          .run(input.kind, file.fileName, hash, at, session.username).lastInsertRowid,
      );
      const report = await planSalesImport(
        raw,
        file,
        { kind: input.kind, mapping: input.mapping, today, language: connection.language },
        new ArchiveSink(raw, input.kind, importId, at),
      );
      if (report.acceptedRows === 0) throw new KedangError('SALES_NOTHING_ACCEPTED');
      raw
        .prepare('UPDATE sales_imports SET lines = ?, amount_cents = ?, first_date = ?, last_date = ? WHERE id = ?')
        .run(report.acceptedRows, report.acceptedCents, report.firstDate, report.lastDate, importId);
      await log(
        trx,
        office.entry(connection, session, {
          action: 'sales_import',
          target: input.path,
          outcome: 'success',
          detail: logDetail([
            input.kind === 'sales' ? 'salesImported' : 'receiptsImported',
            {
              file: file.fileName,
              lines: report.acceptedRows,
              amount: formatCents(report.acceptedCents),
              rejected: report.rejectedCount,
            },
          ]),
        }),
      );
      return {
        ...report,
        alreadyImported: null,
        importId,
        lines: report.acceptedRows,
        amountCents: report.acceptedCents,
      };
    });
  } catch (error) {
    ownCache();
    const known = salesError(error);
    const reason = isKedangError(known) ? known.code : 'INTERNAL';
    if (reason !== 'NOT_LOGGED_IN') {
      await office
        .logAlone(connection, session, {
          action: 'sales_import',
          target: input.path,
          outcome: 'failure',
          detail: logDetail([refused, { file: fileName, reason }]),
        })
        .catch(() => undefined);
    }
    throw known;
  }
  // The import stands on its own; the derived classes follow from it and are recomputed in their
  // own transaction (and again at the first unlock of each day), so a problem there never undoes it.
  // The recompute reads the lines just written: it keeps the import's cache, whose pages hold them.
  try {
    await recomputeDerived(office.requireArchive().db, calendarDate(office.now()));
  } catch (error) {
    console.warn(`kedang: derived classes not recomputed after a sales import: ${(error as Error)?.name}`);
  } finally {
    ownCache();
  }
  return result;
}

/** A user-chosen output path: absolute, and never the live archive or its keyring. */
function checkedOutput(call: Call, path: string): string {
  if (!isAbsolute(path)) throw new KedangError('INVALID_INPUT', undefined, { out: 'absolute path required' });
  const full = resolve(path);
  const { archivePath, keyringPath } = call.office.location;
  if (full === resolve(archivePath) || full === resolve(keyringPath) || full.startsWith(`${resolve(archivePath)}-`)) {
    throw new KedangError('INVALID_INPUT', undefined, { out: 'this is the live archive' });
  }
  return full;
}

/**
 * Saves every rejected row of the file, with its row number and reasons,
 * to a workbook at `out` (`sales.importRejections`), written beside it and
 * moved into place when complete. Logged as a `sales_import` row.
 */
export async function salesImportRejections(
  call: Call,
  input: ParsedInputOf<'sales.importRejections'>,
): Promise<OutputOf<'sales.importRejections'>> {
  const session = sessionOf(call);
  const out = checkedOutput(call, input.out);
  let rows = 0;
  await writeWorkbookFile(out, async (part) => {
    const book = new SalesRejectionsWorkbook(part, call.connection.language);
    let report: SalesImportReport;
    try {
      report = await dryRun(call, input, (record, headers) => book.add(record, headers));
    } catch (error) {
      // Close the half-written file before it is removed; the plan's error is what the user needs.
      await book.finish([]).catch(() => undefined);
      throw error;
    }
    await book.finish(report.columns.map((c) => c.header));
    rows = book.rows;
  });
  await call.office.logAlone(call.connection, session, {
    action: 'sales_import',
    target: out,
    outcome: 'success',
    detail: logDetail(['rejectionsSaved', { file: basename(input.path), rows }]),
  });
  return { path: out, rows };
}
