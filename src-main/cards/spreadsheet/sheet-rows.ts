/**
 * What an import file becomes once it is read, whatever its format: the
 * rows of the card sheet and, for a workbook, of the people sheet (人员),
 * each with the row number the user sees in the spreadsheet so that every
 * message points at the right line.
 */

/** One cell as the file holds it: text, a number, a true/false, a date cell, or nothing. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** 1-based row number as the spreadsheet program shows it. */
  row: number;
  cells: CellValue[];
}

export interface ImportSheet {
  name: string;
  rows: SheetRow[];
}

export type ImportEncoding = 'utf-8' | 'gbk' | 'utf-16le';

/** An opened import file. */
export interface ImportWorkbook {
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding: ImportEncoding | null;
  /**
   * The card sheet's rows in order. A workbook's are streamed from the file
   * on each call, so that 100,000 rows are never all held at once.
   */
  cardRows(): AsyncIterable<SheetRow>;
  /** The 人员 sheet of a workbook, when there is one. */
  people: ImportSheet | null;
  /** The 分类字典 sheet an export writes, so that codes survive a trip to another archive. */
  dictionary: ImportSheet | null;
}

/** The sheet names an export writes and an import looks for. */
export const SHEET_NAMES = { cards: '客户档案', people: '人员', dictionary: '分类字典', notes: '说明' } as const;

/**
 * Refusal limits (IMPORT_TOO_LARGE): the file size, the rows of all sheets
 * together, and the columns read per row (a row can hold far more cells
 * than any card has fields; the rest is ignored). 600,000 rows let an
 * export of 100,000 cards, with its 人员 sheet, come back in.
 */
export const IMPORT_LIMITS = { bytes: 200 * 1024 * 1024, rows: 600_000, columns: 500 } as const;

/**
 * The limits a reader applies; card import uses {@link IMPORT_LIMITS}, the sales import its
 * own (ERP exports of a few years' lines are far longer than a card register).
 */
export interface ImportLimits {
  bytes: number;
  rows: number;
  columns: number;
}

/** A date cell's calendar date. Spreadsheet dates carry no time zone; readers hand them over as UTC midnight. */
export function calendarDateOf(date: Date): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The calendar day of a spreadsheet serial number, as a Date at UTC
 * midnight. Day 1 is 1900-01-01; Excel counts a 1900-02-29 that never was
 * (serial 60), so later days start from 1899-12-30. A 1904 workbook counts
 * from 1904-01-01. Null for a serial no calendar has.
 */
export function serialDate(serial: number, date1904 = false): Date | null {
  let day = Math.floor(serial);
  if (date1904) day += 1462;
  if (day < 1 || day > 2_958_465 || (day === 60 && !date1904)) return null;
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + day * 86_400_000);
}

/** A cell as text, for text fields, previews and header names. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return Number.isNaN(value.getTime()) ? '' : calendarDateOf(value);
}

export function isBlankRow(cells: readonly CellValue[]): boolean {
  return cells.every((c) => cellText(c) === '');
}
