import type { Language } from '../../src-shared/errors';
import type { SalesImportKind, SalesImportReport, SalesRejectedRow } from '../../src-shared/sales/sales';
import type { UserMapping } from '../cards/spreadsheet/header-mapping';
import { HEADER_SEARCH_ROWS } from '../cards/spreadsheet/header-mapping';
import {
  cellText,
  isBlankRow,
  type CellValue,
  type ImportWorkbook,
  type SheetRow,
} from '../cards/spreadsheet/sheet-rows';
import { KedangError } from '../errors';
import type { CipherDatabase } from '../store/cipher-database';
import { codeKey, CustomerMatcher, type CustomerMatch } from './customer-matcher';
import { columnIndex, findSalesHeader, resolveSalesColumns, type ColumnIndex } from './sales-columns';
import { quoted, salesText } from './sales-texts';
import { readCents, readDate, readQuantity, readText } from './sales-values';

/** How many data rows the report shows for checking the mapping. */
const PREVIEW_ROWS = 20;
/** How many rejected rows the report lists (the rejection workbook has them all). */
export const REPORT_REJECTED_ROWS = 200;
/** Longest product code and document reference kept; longer names and categories are cut. */
export const MAX_PRODUCT_CODE = 60;
export const MAX_DOC_REF = 100;
const MAX_PRODUCT_NAME = 100;
const MAX_PRODUCT_CATEGORY = 60;

/** A row ready to be written: its customer and product decided, its values in their stored form. */
export interface PlannedLine {
  customerId: number;
  /** The catalogue id (sales only; 0 for receipts). */
  productId: number;
  date: string;
  /** Sales only; 0 for receipts. */
  quantity: number;
  cents: number;
  /** '' when the file has no document number. */
  docRef: string;
}

export type DocState = 'ok' | 'inArchive' | 'inFile';

/**
 * Where accepted rows go: nowhere in a dry run (which only remembers the
 * document references it has seen), into the archive during a commit.
 */
export interface SalesSink {
  /** Whether a document reference is still free, without writing anything. */
  docState(docRef: string): DocState;
  /** Writes (or, in a dry run, notes) a line; its document reference turning out taken is answered instead. */
  write(line: PlannedLine): DocState;
  /** A product code not in the catalogue: its new id (a dry run answers a stand-in). */
  newProduct(code: string, name: string, category: string): number;
}

/** A rejected row with its cells as the file has them, for the rejection workbook. */
export interface RejectedRecord {
  row: number;
  reasons: string[];
  cells: CellValue[];
}

export interface SalesPlanRequest {
  kind: SalesImportKind;
  mapping?: UserMapping | undefined;
  /** The office's today (YYYY-MM-DD): later dates are refused. */
  today: string;
  language: Language;
  /** Called for every rejected row (the rejection workbook streams them out). */
  onRejected?: (record: RejectedRecord, headers: readonly string[]) => void;
}

/** What a plan found; `alreadyImported` is the caller's to fill. */
export type SalesPlanReport = Omit<SalesImportReport, 'alreadyImported'>;

/**
 * Plans a sales or receipts import: finds the header, maps the columns,
 * reads each row into a line (customer matched, product found or new,
 * date, quantity and amount checked), decides its document reference, and
 * hands each accepted line to `sink` as it goes. Rows are streamed: only
 * what matching needs (the card and product maps, and in a dry run the
 * document references seen) is held, so 2,000,000 lines fit in memory.
 * The dry run, the rejection workbook and the commit all run this, so all
 * three agree.
 */
export async function planSalesImport(
  raw: CipherDatabase,
  file: ImportWorkbook,
  request: SalesPlanRequest,
  sink: SalesSink,
): Promise<SalesPlanReport> {
  const rows = file.cardRows()[Symbol.asyncIterator]();
  try {
    return await planRows(raw, file, rows, request, sink);
  } finally {
    await rows.return?.();
  }
}

async function planRows(
  raw: CipherDatabase,
  file: ImportWorkbook,
  rows: AsyncIterator<SheetRow>,
  request: SalesPlanRequest,
  sink: SalesSink,
): Promise<SalesPlanReport> {
  const { kind, language } = request;
  const top: SheetRow[] = [];
  while (top.length < HEADER_SEARCH_ROWS) {
    const next = await rows.next();
    if (next.done) break;
    top.push(next.value);
  }
  if (top.every((r) => isBlankRow(r.cells))) throw new KedangError('IMPORT_NO_ROWS');
  const headerIndex = findSalesHeader(top, request.mapping, kind);
  const headerRow = top[headerIndex]!;
  const headers = headerRow.cells.map(cellText);
  const columns = resolveSalesColumns(headers, request.mapping, kind);
  const at = columnIndex(columns);
  const matcher = CustomerMatcher.load(raw);
  const products = loadProductCodes(raw);
  // The same ids by the code exactly as the file writes it, so most rows need no case folding.
  const productsAsWritten = new Map<string, number>();
  const reader = new LineReader(at, kind, request.today, language);

  const preview: string[][] = [];
  const rejected: SalesRejectedRow[] = [];
  const customers = new Set<number>();
  let totalRows = 0;
  let rejectedCount = 0;
  let acceptedRows = 0;
  let acceptedCents = 0;
  let newProducts = 0;
  let firstDate: string | null = null;
  let lastDate: string | null = null;

  const reject = (row: number, cells: CellValue[], reasons: string[]) => {
    rejectedCount++;
    if (rejected.length < REPORT_REJECTED_ROWS) rejected.push({ row, reasons });
    request.onRejected?.({ row, reasons, cells }, headers);
  };

  const handle = ({ row, cells }: SheetRow) => {
    if (isBlankRow(cells)) return;
    totalRows++;
    if (preview.length < PREVIEW_ROWS) preview.push(headers.map((_, i) => cellText(cells[i] ?? null)));
    const read = reader.read(cells, matcher);
    if ('reasons' in read) {
      reject(row, cells, read.reasons);
      return;
    }
    const { line, productCode } = read;
    let state: DocState;
    if (productCode) {
      let id = productsAsWritten.get(productCode);
      if (id === undefined) {
        id = products.get(codeKey(productCode));
        if (id !== undefined) productsAsWritten.set(productCode, id);
      }
      if (id === undefined) {
        // A new product is made only for a line that is written: its document reference is checked first.
        state = line.docRef ? sink.docState(line.docRef) : 'ok';
        if (state === 'ok') {
          const { name, category } = reader.product(cells);
          id = sink.newProduct(productCode, name || productCode, category);
          products.set(codeKey(productCode), id);
          productsAsWritten.set(productCode, id);
          newProducts++;
          line.productId = id;
          state = sink.write(line);
        }
      } else {
        line.productId = id;
        state = sink.write(line);
      }
    } else {
      state = sink.write(line);
    }
    if (state !== 'ok') {
      const key = state === 'inArchive' ? 'docAlreadyImported' : 'docRepeatedInFile';
      reject(row, cells, [salesText(key, language, { value: quoted(line.docRef) })]);
      return;
    }
    acceptedRows++;
    acceptedCents += line.cents;
    customers.add(line.customerId);
    if (firstDate === null || line.date < firstDate) firstDate = line.date;
    if (lastDate === null || line.date > lastDate) lastDate = line.date;
  };

  for (const row of top.slice(headerIndex + 1)) handle(row);
  for (let next = await rows.next(); !next.done; next = await rows.next()) handle(next.value);
  if (totalRows === 0) throw new KedangError('IMPORT_NO_ROWS');

  return {
    kind,
    fileName: file.fileName,
    format: file.format,
    encoding: file.encoding,
    headerRow: headerRow.row,
    columns,
    preview,
    totalRows,
    acceptedRows,
    acceptedCents,
    customers: customers.size,
    newProducts,
    firstDate,
    lastDate,
    rejected,
    rejectedCount,
  };
}

/** The catalogue's codes (ASCII case folded, as the column's NOCASE unique index compares them) → id. */
function loadProductCodes(raw: CipherDatabase): Map<string, number> {
  const codes = new Map<string, number>();
  for (const p of raw.prepare<[], { id: number; code: string }>('SELECT id, code FROM products').iterate()) {
    codes.set(codeKey(p.code), p.id);
  }
  return codes;
}

/** A row's line, with its product code as the file writes it ('' for receipts); or the reasons it is refused. */
type ReadRow = { line: PlannedLine; productCode: string } | { reasons: string[] };

/** Reads one row's cells into a line, or the reasons it cannot be one (all of them, so one fix does it). */
class LineReader {
  constructor(
    private readonly at: ColumnIndex,
    private readonly kind: SalesImportKind,
    private readonly today: string,
    private readonly language: Language,
  ) {}

  private cell(cells: readonly CellValue[], index: number): CellValue {
    return index < 0 ? null : (cells[index] ?? null);
  }

  private text(cells: readonly CellValue[], index: number): string {
    return index < 0 ? '' : readText(cells[index] ?? null);
  }

  private t(key: Parameters<typeof salesText>[0], values: Record<string, string | number> = {}): string {
    return salesText(key, this.language, values);
  }

  /** The date cell last read and its date: a file sorted by date repeats the same day for thousands of rows. */
  private lastDateCell: CellValue = null;
  private lastDate: ReturnType<typeof readDate> = readDate(null);

  private date(cell: CellValue): ReturnType<typeof readDate> {
    if (cell !== this.lastDateCell || typeof cell !== 'string') {
      this.lastDateCell = cell;
      this.lastDate = readDate(cell);
    }
    return this.lastDate;
  }

  /** The name and category of a row's product, cut to what the catalogue keeps (read only for a new product). */
  product(cells: readonly CellValue[]): { name: string; category: string } {
    return {
      name: this.text(cells, this.at.productName).slice(0, MAX_PRODUCT_NAME),
      category: this.text(cells, this.at.productCategory).slice(0, MAX_PRODUCT_CATEGORY),
    };
  }

  read(cells: readonly CellValue[], matcher: CustomerMatcher): ReadRow {
    const { at, language } = this;
    const reasons: string[] = [];

    const customerCode = this.text(cells, at.customerCode);
    let customerId = customerCode ? matcher.idByCode(customerCode) : undefined;
    if (customerId === undefined) {
      const match = matcher.match(
        customerCode,
        this.text(cells, at.customerCreditCode),
        this.text(cells, at.customerName),
      );
      const customerReason = customerProblem(match, language);
      if (customerReason) reasons.push(customerReason);
      else if ('id' in match) customerId = match.id;
    }

    let productCode = '';
    if (this.kind === 'sales') {
      const code = this.text(cells, at.productCode);
      if (!code) reasons.push(this.t('productCodeMissing'));
      else if (code.length > MAX_PRODUCT_CODE) reasons.push(this.t('productCodeTooLong', { max: MAX_PRODUCT_CODE }));
      else productCode = code;
    }

    const dateCell = this.cell(cells, at.date);
    const date = this.date(dateCell);
    if ('empty' in date) reasons.push(this.t('dateMissing'));
    else if ('invalid' in date) reasons.push(this.t('dateInvalid', { value: quoted(readText(dateCell)) }));
    else if (date.value > this.today) reasons.push(this.t('dateInFuture', { value: date.value, today: this.today }));

    let quantity = 0;
    if (this.kind === 'sales') {
      const cell = this.cell(cells, at.quantity);
      const read = readQuantity(cell);
      if ('empty' in read) reasons.push(this.t('quantityMissing'));
      else if ('invalid' in read) reasons.push(this.t('quantityInvalid', { value: quoted(readText(cell)) }));
      else quantity = read.value;
    }

    const amountCell = this.cell(cells, at.amount);
    const amount = readCents(amountCell);
    let cents = 0;
    if ('empty' in amount) reasons.push(this.t('amountMissing'));
    else if ('invalid' in amount) reasons.push(this.t('amountInvalid', { value: quoted(readText(amountCell)) }));
    else if ('tooLarge' in amount) reasons.push(this.t('amountOutOfRange', { value: quoted(readText(amountCell)) }));
    else {
      cents = amount.value;
      if (this.kind === 'receipts' && cents === 0) reasons.push(this.t('receiptZero'));
    }

    let docRef = this.text(cells, at.docRef);
    const docLine = this.text(cells, at.docLine);
    if (docRef && docLine) docRef = `${docRef}-${docLine}`;
    if (docRef.length > MAX_DOC_REF) reasons.push(this.t('docRefTooLong', { max: MAX_DOC_REF }));

    if (reasons.length > 0 || customerId === undefined || !('value' in date)) return { reasons };
    return {
      line: { customerId, productId: 0, date: date.value, quantity, cents, docRef },
      productCode,
    };
  }
}

function customerProblem(match: CustomerMatch, language: Language): string | null {
  if ('id' in match) return null;
  if ('missing' in match) return salesText('customerMissing', language);
  if ('unknown' in match) {
    const key =
      match.unknown === 'code'
        ? 'customerCodeUnknown'
        : match.unknown === 'creditCode'
          ? 'customerCreditCodeUnknown'
          : 'customerNameUnknown';
    return salesText(key, language, { value: quoted(match.value) });
  }
  const shown = match.codes.slice(0, 5).join(language === 'zh' ? '、' : ', ') + (match.codes.length > 5 ? '…' : '');
  return salesText(match.ambiguous === 'name' ? 'customerNameAmbiguous' : 'customerCreditCodeAmbiguous', language, {
    value: quoted(match.value),
    codes: shown,
  });
}
