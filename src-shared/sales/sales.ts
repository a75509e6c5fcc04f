/**
 * Sales lines and receipts imported from the ERP (issue 4). Amounts are whole cents
 * (integers) everywhere below the screen, so sums and shares are exact; dates are
 * ISO calendar dates (YYYY-MM-DD).
 */
export const SALES_IMPORT_KINDS = ['sales', 'receipts'] as const;
export type SalesImportKind = (typeof SALES_IMPORT_KINDS)[number];

/**
 * What a column of a sales or receipts file can hold. The customer is matched by code,
 * then credit code, then exact name (the first of those the row has). `docLine` (行号) is
 * joined to `docRef` (单据号) as `单据号-行号`, the line's key in the ERP.
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
  'docLine',
] as const;
export const RECEIPT_TARGETS = [
  'customerCode',
  'customerCreditCode',
  'customerName',
  'date',
  'amount',
  'docRef',
  'docLine',
] as const;
export type SalesTarget = (typeof SALES_TARGETS)[number];

/** The targets a file of each kind may use. */
export function targetsOf(kind: SalesImportKind): readonly SalesTarget[] {
  return kind === 'sales' ? SALES_TARGETS : RECEIPT_TARGETS;
}

/**
 * Each target's label in both languages and the column names Chinese ERPs (用友, 金蝶, 管家婆 and
 * the like) export for it, which the automatic mapping recognises. A name that could mean
 * either kind's amount or date (金额, 日期) is listed once and serves both kinds.
 */
export const SALES_TARGET_INFO: Record<SalesTarget, { zh: string; en: string; synonyms: readonly string[] }> = {
  customerCode: {
    zh: '客户编码',
    en: 'Customer code',
    synonyms: ['客户代码', '客户编号', '往来单位编码', '往来单位编号', '单位编码', '购货单位编码', '客户号'],
  },
  customerCreditCode: {
    zh: '统一社会信用代码',
    en: 'Credit code',
    synonyms: ['纳税人识别号', '税号', '信用代码', '社会信用代码', '纳税识别号', '购方税号'],
  },
  customerName: {
    zh: '客户名称',
    en: 'Customer name',
    synonyms: ['客户', '购货单位', '往来单位', '往来单位名称', '客户全称', '购方名称', '单位名称', '购货单位名称'],
  },
  productCode: {
    zh: '商品编码',
    en: 'Product code',
    synonyms: [
      '存货编码',
      '物料编码',
      '产品编码',
      '商品编号',
      '存货代码',
      '物料代码',
      '货品编码',
      '产品代码',
      '商品代码',
    ],
  },
  productName: {
    zh: '商品名称',
    en: 'Product name',
    synonyms: ['存货名称', '品名', '产品名称', '物料名称', '货品名称', '商品'],
  },
  productCategory: {
    zh: '商品类别',
    en: 'Product category',
    synonyms: ['存货分类', '类别', '产品类别', '商品分类', '存货类别', '物料分类', '产品分类', '货品类别'],
  },
  date: {
    zh: '日期',
    en: 'Date',
    synonyms: [
      '单据日期',
      '销售日期',
      '开票日期',
      '收款日期',
      '业务日期',
      '出库日期',
      '发货日期',
      '回款日期',
      '到账日期',
    ],
  },
  quantity: { zh: '数量', en: 'Quantity', synonyms: ['销售数量', '出库数量', '件数', '主数量'] },
  amount: {
    zh: '金额',
    en: 'Amount',
    synonyms: [
      '价税合计',
      '含税金额',
      '收款金额',
      '本币金额',
      '销售金额',
      '本币价税合计',
      '回款金额',
      '实收金额',
      '到账金额',
      '本币收款金额',
    ],
  },
  docRef: {
    zh: '单据号',
    en: 'Document no.',
    synonyms: ['单据编号', '凭证号', '单号', '销售单号', '收款单号', '出库单号', '发票号', '发票号码', '凭证编号'],
  },
  docLine: { zh: '行号', en: 'Line no.', synonyms: ['单据行号', '分录号', '分录行号'] },
};

/**
 * Yuan (as typed or read from a file) to whole cents, rounded half away from zero. The product
 * is first cut to 15 significant digits (what a spreadsheet shows), so that 1.005 yuan, stored as
 * 1.00499999…, is 101 cents as the user reads it, not 100.
 */
export function yuanToCents(yuan: number): number {
  const cents = Number((Math.abs(yuan) * 100).toPrecision(15));
  return Math.sign(yuan) * Math.round(cents) || 0;
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

/** What an import did: the report of the rows as imported, with the import's id, lines written and their total. */
export interface SalesImportResult extends SalesImportReport {
  importId: number;
  /** Lines (or receipts) written: the accepted rows. */
  lines: number;
  amountCents: number;
}
