/**
 * Sales lines and receipts imported from the ERP (issue 4). Amounts are whole cents
 * (integers) everywhere below the screen, so sums and shares are exact; dates are
 * ISO calendar dates (YYYY-MM-DD).
 */
export const SALES_IMPORT_KINDS = ['sales', 'receipts'] as const;
export type SalesImportKind = (typeof SALES_IMPORT_KINDS)[number];

/**
 * What a column of a sales or receipts file can hold. The customer is matched by code,
 * then credit code, then exact name (the first of those the row has).
 */
export const SALES_TARGETS = [
  'customerCode',
  'customerCreditCode',
  'customerName',
  'productCode',
  'productName',
  'productCategory',
  'date',
  'quantity',
  'amount',
  'docRef',
] as const;
export const RECEIPT_TARGETS = [
  'customerCode',
  'customerCreditCode',
  'customerName',
  'date',
  'amount',
  'docRef',
] as const;
export type SalesTarget = (typeof SALES_TARGETS)[number];

/** Yuan (as typed or read from a file) to whole cents, rounded half away from zero. */
export function yuanToCents(yuan: number): number {
  return Math.sign(yuan) * Math.round(Math.abs(yuan) * 100);
}

/** Cents as yuan with two decimals and thousands separators, e.g. 1234567 → "12,345.67". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** A product of the catalogue; products are created by the first import that names them. */
export interface ProductDto {
  id: number;
  code: string;
  name: string;
  category: string;
}

/** One imported file. */
export interface SalesImportDto {
  id: number;
  kind: SalesImportKind;
  fileName: string;
  lines: number;
  amountCents: number;
  firstDate: string | null;
  lastDate: string | null;
  at: string;
  by: string;
}

/** A column of the file and what it was mapped to ('' = ignored). */
export interface SalesImportColumn {
  header: string;
  target: SalesTarget | '';
  suggested: boolean;
}

/** A row that cannot be imported, with its spreadsheet row number and translated reasons. */
export interface SalesRejectedRow {
  row: number;
  reasons: string[];
}

/** What a dry run finds; nothing has been written. */
export interface SalesImportReport {
  kind: SalesImportKind;
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding: 'utf-8' | 'gbk' | 'utf-16le' | null;
  headerRow: number;
  columns: SalesImportColumn[];
  /** The first data rows as text, for the mapping preview. */
  preview: string[][];
  totalRows: number;
  acceptedRows: number;
  acceptedCents: number;
  /** Distinct customers the accepted rows matched. */
  customers: number;
  /** Product codes not in the catalogue yet; they are added on import (sales only). */
  newProducts: number;
  firstDate: string | null;
  lastDate: string | null;
  /** The first rejected rows (at most 200); the rejection workbook holds them all. */
  rejected: SalesRejectedRow[];
  rejectedCount: number;
  /** Set when this very file (same content) was imported before: importing it again is refused. */
  alreadyImported: { at: string; by: string; importId: number } | null;
}

export interface SalesImportResult {
  importId: number;
  kind: SalesImportKind;
  lines: number;
  amountCents: number;
  rejectedCount: number;
  newProducts: number;
}
