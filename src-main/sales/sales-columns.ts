import {
  SALES_TARGET_INFO,
  targetsOf,
  type SalesImportColumn,
  type SalesImportKind,
  type SalesTarget,
} from '../../src-shared/sales/sales';
import { buildTargetKeys, findHeaderRow, headerKey, type UserMapping } from '../cards/spreadsheet/header-mapping';
import type { SheetRow } from '../cards/spreadsheet/sheet-rows';
import { KedangError, isKedangError } from '../errors';

/** Header name (folded by headerKey) → target, per kind: a receipts file never suggests product columns. */
const KEYS: Record<SalesImportKind, ReadonlyMap<string, string>> = {
  sales: keysOf('sales'),
  receipts: keysOf('receipts'),
};

function keysOf(kind: SalesImportKind): ReadonlyMap<string, string> {
  return buildTargetKeys(targetsOf(kind).map((target) => ({ target, ...SALES_TARGET_INFO[target] })));
}

/** The target a column name suggests for a file of this kind, or '' when none. */
export function suggestedSalesTarget(header: string, kind: SalesImportKind): SalesTarget | '' {
  return (KEYS[kind].get(headerKey(header)) ?? '') as SalesTarget | '';
}

/**
 * The header row among the first rows: the first with at least two
 * recognised columns (by name or by the user's mapping). A file without
 * one cannot be mapped: SALES_MAPPING_INVALID.
 */
export function findSalesHeader(rows: readonly SheetRow[], mapping: UserMapping | undefined, kind: SalesImportKind) {
  try {
    return findHeaderRow(rows, mapping, KEYS[kind]);
  } catch (error) {
    if (isKedangError(error) && error.code === 'IMPORT_NO_HEADER') {
      throw new KedangError('SALES_MAPPING_INVALID', { problem: 'noHeader' });
    }
    throw error;
  }
}

/**
 * Each column's target: the user's mapping where it names the column
 * (header → target, '' to ignore it), else what the header's name
 * suggests. A target the user chose is not suggested again; of two columns
 * with the same meaning the first is taken. A suggested 行号 without a
 * 单据号 column is dropped (a line number alone identifies nothing).
 *
 * SALES_MAPPING_INVALID when the mapping names a target the kind does not
 * have, gives one target to two columns, gives 行号 without 单据号, or
 * leaves out what every row needs: a customer (code, credit code or name),
 * the date and the amount, and for sales the product code and quantity.
 */
export function resolveSalesColumns(
  headers: readonly string[],
  mapping: UserMapping | undefined,
  kind: SalesImportKind,
): SalesImportColumn[] {
  const allowed = new Set<string>(targetsOf(kind));
  const chosen = new Set<string>();
  const invalid = (facts: Record<string, string>) => new KedangError('SALES_MAPPING_INVALID', facts);
  const columns: SalesImportColumn[] = headers.map((header) => {
    const given = mapping?.[header];
    if (given === undefined || given === '') return { header, target: '', suggested: false };
    if (!allowed.has(given)) throw invalid({ column: header.slice(0, 60) });
    if (chosen.has(given)) throw invalid({ column: header.slice(0, 60) });
    chosen.add(given);
    return { header, target: given as SalesTarget, suggested: false };
  });
  headers.forEach((header, i) => {
    if (!header || mapping?.[header] !== undefined) return;
    const target = suggestedSalesTarget(header, kind);
    if (target && !chosen.has(target)) {
      chosen.add(target);
      columns[i] = { header, target, suggested: true };
    }
  });
  if (chosen.has('docLine') && !chosen.has('docRef')) {
    const line = columns.findIndex((c) => c.target === 'docLine');
    if (!columns[line]!.suggested) throw invalid({ missing: 'docRef' });
    columns[line] = { header: columns[line]!.header, target: '', suggested: false };
  }
  const required: string[] = ['date', 'amount', ...(kind === 'sales' ? ['productCode', 'quantity'] : [])];
  const missing = required.find((t) => !chosen.has(t));
  if (missing) throw invalid({ missing });
  if (!['customerCode', 'customerCreditCode', 'customerName'].some((t) => chosen.has(t))) {
    throw invalid({ missing: 'customer' });
  }
  return columns;
}

/** Where each target's column is: target → column index, or -1. */
export type ColumnIndex = Record<SalesTarget, number>;

export function columnIndex(columns: readonly SalesImportColumn[]): ColumnIndex {
  const index = Object.fromEntries(Object.keys(SALES_TARGET_INFO).map((t) => [t, -1])) as ColumnIndex;
  columns.forEach((c, i) => {
    if (c.target !== '') index[c.target] = i;
  });
  return index;
}
