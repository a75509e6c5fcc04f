import type { DuplicateMode } from '../contracts/cards';

/** A column of the import file and what it was mapped to ('' = ignored). */
export interface ImportColumn {
  header: string;
  target: string;
  /** True when the target was suggested from the header name rather than given by the user. */
  suggested: boolean;
}

/** A row that cannot be imported, with its spreadsheet row number and translated reasons. */
export interface RejectedRow {
  row: number;
  reasons: string[];
  /** Set for a row of the people sheet (人员); otherwise the row is on the card sheet. */
  sheet?: 'people';
}

/** A row that matched an existing card, or a card an earlier row of the same file creates. */
export interface DuplicateRow {
  row: number;
  /** The existing card; null when the match is a card this file creates. */
  cardId: number | null;
  cardCode: string;
  /** The earlier row of the file it matched, when it matched one. */
  matchedRow: number | null;
  matchedBy: 'code' | 'creditCode' | 'name';
}

/** What a dry run finds; nothing has been written. */
export interface CardImportReport {
  fileName: string;
  format: 'xlsx' | 'csv';
  /** For CSV: the detected text encoding. */
  encoding: 'utf-8' | 'gbk' | 'utf-16le' | null;
  /** 1-based spreadsheet row of the header. */
  headerRow: number;
  columns: ImportColumn[];
  /** The first data rows as text, for the mapping preview. */
  preview: string[][];
  duplicateMode: DuplicateMode;
  /** Data rows of the card sheet (blank rows are not counted). */
  totalRows: number;
  /** toCreate + toUpdate + unchanged + toSkip; with rejectedCount it makes totalRows. */
  acceptedRows: number;
  /** Accepted rows that will create a card, change one, match one without changing anything, or be skipped. */
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  toSkip: number;
  /** The first rejected rows (at most {@link REPORT_LIST_LIMIT}); the rejection workbook holds them all. */
  rejected: RejectedRow[];
  /** Rejected rows of the card sheet. */
  rejectedCount: number;
  /** Rows of the people sheet that belong to no card row of the file (they are listed in `rejected`). */
  rejectedPeopleCount: number;
  /** The first matches found (at most {@link REPORT_LIST_LIMIT}). */
  duplicates: DuplicateRow[];
  duplicateCount: number;
  /** Region, route and industry values not in the dictionaries yet; they are added on import. */
  newDictionaryValues: { axis: string; value: string }[];
}

/** What an import did: all accepted rows in one transaction. */
export interface CardImportResult extends CardImportReport {
  created: number;
  updated: number;
  /** Rows skipped as duplicates plus rows that matched a card without changing it. */
  skipped: number;
}

/** How many rejected rows and duplicates a report lists; the counts are always complete. */
export const REPORT_LIST_LIMIT = 1000;
