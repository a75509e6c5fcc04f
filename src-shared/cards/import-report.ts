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
}

/** A row that matched an existing card. */
export interface DuplicateRow {
  row: number;
  cardId: number;
  cardCode: string;
  matchedBy: 'code' | 'creditCode' | 'name';
}

/** What a dry run finds; nothing has been written. */
export interface CardImportReport {
  fileName: string;
  format: 'xlsx' | 'csv';
  /** For CSV: the detected text encoding. */
  encoding: 'utf-8' | 'gbk' | null;
  /** 1-based spreadsheet row of the header. */
  headerRow: number;
  columns: ImportColumn[];
  /** The first data rows as text, for the mapping preview. */
  preview: string[][];
  duplicateMode: DuplicateMode;
  totalRows: number;
  acceptedRows: number;
  /** Accepted rows that will create, update or be skipped. */
  toCreate: number;
  toUpdate: number;
  toSkip: number;
  rejected: RejectedRow[];
  rejectedCount: number;
  duplicates: DuplicateRow[];
  /** Region, route and industry values not in the dictionaries yet; they are added on import. */
  newDictionaryValues: { axis: string; value: string }[];
}

/** What an import did: all accepted rows in one transaction. */
export interface CardImportResult extends CardImportReport {
  created: number;
  updated: number;
  skipped: number;
}
