import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { KedangError, toKedangError } from '../../errors';
import { csvRows, inspectCsv } from './read-csv';
import { openXlsx } from './read-xlsx';
import { IMPORT_LIMITS, type ImportLimits, type ImportWorkbook } from './sheet-rows';

/**
 * Opens an import file of either format, chosen by its content rather than
 * its name (an .xls renamed .csv, or a CSV saved as .xlsx, is common): a zip
 * is a workbook, anything else must be text. Missing file: FILE_NOT_FOUND;
 * too big: IMPORT_TOO_LARGE; empty: IMPORT_NO_ROWS; anything else that
 * cannot be read: IMPORT_UNREADABLE. `limits` and `sideSheets` let another
 * import (sales) use the same readers with its own limits and sheets.
 */
export async function openImportFile(
  path: string,
  options: { limits?: ImportLimits; sideSheets?: boolean } = {},
): Promise<ImportWorkbook> {
  const limits = options.limits ?? IMPORT_LIMITS;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new KedangError('FILE_NOT_FOUND');
    size = info.size;
  } catch (error) {
    throw toKedangError(error);
  }
  if (size > limits.bytes) throw new KedangError('IMPORT_TOO_LARGE');
  if (size === 0) throw new KedangError('IMPORT_NO_ROWS');
  const fileName = basename(path);
  const head = await firstBytes(path, 8);
  if (head.readUInt32LE(0) === 0x04034b50) {
    const book = await openXlsx(path, { limits, sideSheets: options.sideSheets ?? true });
    return {
      fileName,
      format: 'xlsx',
      encoding: null,
      cardRows: book.cardRows,
      people: book.people,
      dictionary: book.dictionary,
    };
  }
  // An old binary .xls (OLE compound file) is not text; say so rather than read it as GBK.
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) throw new KedangError('IMPORT_UNREADABLE');
  const { encoding, bom } = await inspectCsv(path, limits);
  return {
    fileName,
    format: 'csv',
    encoding,
    cardRows: () => csvRows(path, encoding, bom, limits),
    people: null,
    dictionary: null,
  };
}

async function firstBytes(path: string, count: number): Promise<Buffer> {
  const file = await open(path, 'r').catch((error: unknown) => {
    throw toKedangError(error);
  });
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await file.read(buffer, 0, count, 0);
    return buffer.subarray(0, Math.max(bytesRead, 4));
  } finally {
    await file.close();
  }
}
