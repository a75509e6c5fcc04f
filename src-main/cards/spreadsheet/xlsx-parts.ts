import { createReadStream } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { KedangError } from '../../errors';
import { XmlEventReader, type XmlHandler } from './xml-events';
import { IMPORT_LIMITS, serialDate, type CellValue, type ImportLimits, type SheetRow } from './sheet-rows';
import type { ZipEntry } from './zip-check';

const MAX_SHARED_STRINGS_BYTES = 256 * 1024 ** 2;

/** An entry of a checked zip as decoded text, chunk by chunk. */
async function* entryText(path: string, entry: ZipEntry): AsyncGenerator<string> {
  if (entry.packedSize === 0) return;
  const start = entry.dataStart;
  const source = createReadStream(path, { start, end: start + entry.packedSize - 1, highWaterMark: 256 * 1024 });
  const bytes = entry.method === 0 ? source : source.pipe(createInflateRaw());
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of bytes as AsyncIterable<Buffer>) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  } finally {
    source.destroy();
  }
}

/** Runs a whole small-to-middling part through a handler. */
async function readPart(path: string, entry: ZipEntry, handler: XmlHandler): Promise<void> {
  const reader = new XmlEventReader(handler);
  for await (const text of entryText(path, entry)) reader.write(text);
  reader.end();
}

/**
 * The shared string table: each <si> is its text, rich-text runs joined.
 * Phonetic runs (<rPh>, furigana) are not part of the text.
 */
export async function readSharedStrings(path: string, entry: ZipEntry | null): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  // The table is held whole; 100,000 rows of real text make about 30 MiB of it.
  if (entry.size > MAX_SHARED_STRINGS_BYTES) throw new KedangError('IMPORT_TOO_LARGE');
  let parts: string[] = [];
  let capture = false;
  let phonetic = 0;
  await readPart(path, entry, {
    open(name) {
      if (name === 'si') parts = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) capture = true;
    },
    close(name) {
      if (name === 't') capture = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') strings.push(parts.join(''));
    },
    text(text) {
      if (capture) parts.push(text);
    },
  });
  return strings;
}

/** Built-in number formats that show a date or time (Excel's list, with the Chinese, Japanese and Korean ones). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Whether a format code shows a date: y, m, d, h or s outside quoted text, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** For each cell style (the s attribute of a cell), whether it formats numbers as dates. */
export async function readDateStyles(path: string, entry: ZipEntry | null): Promise<boolean[]> {
  if (!entry) return [];
  const formats = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  await readPart(path, entry, {
    open(name, attributes) {
      if (name === 'numFmt') formats.set(Number(attributes.get('numFmtId')), attributes.get('formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styleFormats.push(Number(attributes.get('numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return styleFormats.map((id) => {
    const code = formats.get(id);
    return code === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(code);
  });
}

/** A1-style column letters to a 0-based index. */
function columnIndex(reference: string): number {
  let index = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) index = index * 26 + (code - 64);
    else if (code >= 97 && code <= 122) index = index * 26 + (code - 96);
    else break;
  }
  return index - 1;
}

export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/**
 * A worksheet's rows as they are unpacked: each cell's value as the user
 * sees it — shared and inline strings, numbers, true/false, and numbers in a
 * date format as dates (a Date at UTC midnight of that calendar day). Cells
 * past `limits.columns` are dropped; more rows than `limits.rows` (counted
 * over the sheets read, through `budget`) is IMPORT_TOO_LARGE.
 */
export async function* worksheetRows(
  path: string,
  entry: ZipEntry,
  context: SheetContext,
  budget: { rows: number },
  limits: ImportLimits = IMPORT_LIMITS,
): AsyncGenerator<SheetRow> {
  let ready: SheetRow[] = [];
  let rowNumber = 0;
  let cells: CellValue[] = [];
  // The cell being read: its column, type and style, its <v> text, and the text of an inline string.
  let column = -1;
  let type = 'n';
  let style = 0;
  let inCell = false;
  let value: string[] | null = null;
  let inline: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  const reader = new XmlEventReader({
    open(name, attributes) {
      switch (name) {
        case 'row': {
          const r = Number(attributes.get('r'));
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          cells = [];
          column = -1;
          break;
        }
        case 'c': {
          const reference = attributes.get('r');
          column = reference ? columnIndex(reference) : column + 1;
          type = attributes.get('t') ?? 'n';
          style = Number(attributes.get('s') ?? 0);
          inCell = true;
          value = null;
          inline = null;
          break;
        }
        case 'v':
          if (inCell) value = [];
          break;
        case 'is':
          if (inCell) inline = [];
          break;
        case 't':
          inText = true;
          break;
        case 'rPh':
          phonetic++;
          break;
      }
    },
    text(text) {
      if (value) value.push(text);
      else if (inline && inText && phonetic === 0) inline.push(text);
    },
    close(name) {
      switch (name) {
        case 't':
          inText = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (inCell && column >= 0 && column < limits.columns) {
            while (cells.length < column) cells.push(null);
            cells[column] = cellValue(type, style, value?.join('') ?? null, inline?.join('') ?? null, context);
          }
          inCell = false;
          value = null;
          inline = null;
          break;
        case 'row':
          if (++budget.rows > limits.rows) throw new KedangError('IMPORT_TOO_LARGE');
          ready.push({ row: rowNumber, cells });
          cells = [];
          break;
      }
    },
  });
  try {
    for await (const text of entryText(path, entry)) {
      reader.write(text);
      const batch = ready;
      ready = [];
      yield* batch;
    }
    reader.end();
  } catch (error) {
    throw error instanceof KedangError ? error : new KedangError('IMPORT_UNREADABLE');
  }
  yield* ready;
}

function cellValue(
  type: string,
  style: number,
  value: string | null,
  inline: string | null,
  context: SheetContext,
): CellValue {
  switch (type) {
    case 's': {
      const text = value === null ? undefined : context.sharedStrings[Number(value)];
      return text ?? null;
    }
    case 'inlineStr':
      return inline ?? value ?? null;
    case 'str':
      return value ?? '';
    case 'b':
      return value === null ? null : value === '1' || value.toLowerCase() === 'true';
    case 'e':
      return null;
    case 'd':
      // An ISO 8601 date written as text; the date rules read it like typed text.
      return value;
    default: {
      if (value === null || value.trim() === '') return null;
      const number = Number(value);
      if (!Number.isFinite(number)) return null;
      return context.dateStyles[style] ? serialDate(number, context.date1904) : number;
    }
  }
}
