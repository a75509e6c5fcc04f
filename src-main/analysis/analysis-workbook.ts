import ExcelJS from 'exceljs';
import { AGEING_BUCKETS, type Period } from '../../src-shared/analysis/analysis';
import type { Language } from '../../src-shared/errors';
import {
  confidentialPages,
  CONFIDENTIAL,
  exportedByLine,
  markConfidential,
} from '../cards/spreadsheet/confidential-marks';
import { writeWorkbookFile } from '../cards/spreadsheet/workbook-file';
import type { AnalysisResult } from './analysis-requests';

/**
 * An analysis's data tables as an xlsx file, marked confidential like every export (banner row,
 * printed header and footer, document properties) with the period, who exported it and when.
 * Amounts are in yuan with two decimals, shares in percent with two decimals.
 */

/** Dictionary labels by axis and code, in the exporting user's language. */
export type Labels = (axis: 'grade' | 'creditGrade' | 'region', code: string) => string;

export interface WorkbookMeta {
  displayName: string;
  username: string;
  at: Date;
  language: Language;
  labels: Labels;
}

type Format = 'text' | 'count' | 'yuan' | 'percent' | 'quantity';
interface Column {
  header: string;
  format: Format;
}
type Cell = string | number | null;

const TEXT = {
  grade: { zh: '销售构成分析', en: 'Sales composition by grade' },
  trend: { zh: '分等级月度销售', en: 'Monthly sales by grade' },
  product: { zh: '商品构成分析', en: 'Product composition' },
  region: { zh: '地区构成分析', en: 'Regional composition' },
  credit: { zh: '客户信用分析', en: 'Credit analysis' },
  period: { zh: '期间 {from} 至 {to}', en: 'Period {from} to {to}' },
  asOf: { zh: '截至 {asOf}', en: 'As of {asOf}' },
  total: { zh: '合计', en: 'Total' },
  none: { zh: '（未分类）', en: '(not classified)' },
  noRegion: { zh: '（无地区）', en: '(no region)' },
  noCategory: { zh: '（无类别）', en: '(no category)' },
  assignedHere: { zh: '{region}（直属）', en: '{region} (filed here)' },
  gradeCol: { zh: '客户等级', en: 'Grade' },
  creditGradeCol: { zh: '信用等级', en: 'Credit grade' },
  regionCol: { zh: '地区', en: 'Region' },
  customers: { zh: '客户数', en: 'Customers' },
  sales: { zh: '销售额（元）', en: 'Sales (yuan)' },
  share: { zh: '占比', en: 'Share' },
  previous: { zh: '上期销售额（元）', en: 'Previous period (yuan)' },
  lastYear: { zh: '去年同期销售额（元）', en: 'Same period last year (yuan)' },
  compositionSheet: { zh: '销售构成', en: 'By grade' },
  paretoSheet: { zh: '帕累托曲线', en: 'Pareto' },
  customerShare: { zh: '客户占比', en: 'Share of customers' },
  salesShare: { zh: '累计销售占比', en: 'Cumulative share of sales' },
  pareto80: {
    zh: '销售额大于零的 {n} 个客户中，{k} 个（{share}）构成 80% 的销售额',
    en: '{k} of the {n} customers with sales ({share}) make 80 % of sales',
  },
  trendSheet: { zh: '月度趋势', en: 'Monthly' },
  productsSheet: { zh: '商品', en: 'Products' },
  categoriesSheet: { zh: '商品类别', en: 'Categories' },
  crossSheet: { zh: '交叉表', en: 'Cross-tab' },
  productCode: { zh: '商品编码', en: 'Product code' },
  productName: { zh: '商品名称', en: 'Product' },
  category: { zh: '类别', en: 'Category' },
  quantity: { zh: '数量', en: 'Quantity' },
  cellSales: { zh: '{column} 销售额（元）', en: '{column} sales (yuan)' },
  cellShare: { zh: '{column} 占比', en: '{column} share' },
  regionSheet: { zh: '地区构成', en: 'By region' },
  path: { zh: '上级地区：{path}', en: 'Within: {path}' },
  topLevel: { zh: '全部地区', en: 'All regions' },
  creditSheet: { zh: '按信用等级', en: 'By credit grade' },
  ageingSheet: { zh: '账龄', en: 'Ageing' },
  overLimitSheet: { zh: '超限客户', en: 'Over limit' },
  limit: { zh: '授信额度（元）', en: 'Credit limit (yuan)' },
  outstanding: { zh: '应收余额（元）', en: 'Outstanding (yuan)' },
  overLimitCustomers: { zh: '超限客户数', en: 'Over-limit customers' },
  paymentDays: { zh: '建议账期（天）', en: 'Payment terms (days)' },
  suggestedLimit: { zh: '建议额度（元）', en: 'Suggested limit (yuan)' },
  handling: { zh: '处理方式', en: 'Handling' },
  age: { zh: '账龄', en: 'Age' },
  ageCents: { zh: '应收金额（元）', en: 'Amount (yuan)' },
  customerCode: { zh: '客户编码', en: 'Customer code' },
  customerName: { zh: '客户名称', en: 'Customer' },
  excess: { zh: '超出额度（元）', en: 'Over the limit by (yuan)' },
  ageing0: { zh: '0–30 天', en: '0–30 days' },
  ageing1: { zh: '31–60 天', en: '31–60 days' },
  ageing2: { zh: '61–90 天', en: '61–90 days' },
  ageing3: { zh: '90 天以上', en: 'over 90 days' },
  ageRule: {
    zh: '先进先出：回款和退货先冲抵最早的销售；账龄 = 截止日减销售日期的天数。',
    en: 'Oldest sales paid first (receipts and returns); age = days from the sale to the as-of date.',
  },
  creditTotals: {
    zh: '客户 {customers} 个，其中有应收 {withBalance} 个，超限 {over} 个；预收（多付）客户 {credit} 个',
    en: '{customers} customers, {withBalance} with a balance, {over} over their limit; {credit} with a credit balance',
  },
} as const;

function text(key: keyof typeof TEXT, language: Language, values: Record<string, string | number> = {}): string {
  return TEXT[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

const NUMBER_FORMATS: Record<Format, string | undefined> = {
  text: undefined,
  count: '#,##0',
  yuan: '#,##0.00',
  percent: '0.00%',
  quantity: '#,##0.###',
};

/** A table sheet: the confidential banner, the analysis and its period, notes, then the table. */
class SheetWriter {
  rows = 0;
  constructor(
    private readonly book: ExcelJS.Workbook,
    private readonly banner: string,
    private readonly exportedBy: string,
    private readonly heading: string,
  ) {}

  table(name: string, columns: readonly Column[], rows: readonly Cell[][], notes: readonly string[] = []): void {
    const sheet = this.book.addWorksheet(name, {
      headerFooter: confidentialPages(this.exportedBy),
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const top = sheet.addRow([this.banner]);
    top.font = { bold: true, color: { argb: 'FFC00000' } };
    sheet.addRow([this.heading]).font = { bold: true };
    for (const note of notes) sheet.addRow([note]);
    const headerRow = sheet.addRow(columns.map((c) => c.header));
    headerRow.font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: headerRow.number }];
    sheet.pageSetup.printTitlesRow = `${headerRow.number}:${headerRow.number}`;
    for (const cells of rows) sheet.addRow(cells.map((c, i) => convert(c, columns[i]!.format)));
    columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = c.format === 'text' ? 18 : 16;
      const format = NUMBER_FORMATS[c.format];
      if (format) column.numFmt = format;
    });
    this.rows += rows.length;
  }
}

/** Cents are shown as yuan, basis points as a fraction formatted as percent. */
function convert(cell: Cell, format: Format): Cell {
  if (typeof cell !== 'number') return cell;
  if (format === 'yuan') return cell / 100;
  if (format === 'percent') return cell / 10_000;
  return cell;
}

const periodLine = (period: Period, language: Language) =>
  text('period', language, { from: period.from, to: period.to });

/** Writes the analysis's tables to `path` (atomically) and returns the number of data rows. */
export async function writeAnalysisWorkbook(path: string, result: AnalysisResult, meta: WorkbookMeta): Promise<number> {
  const { language: lang, labels } = meta;
  const exportedBy = exportedByLine(meta.displayName, meta.username, meta.at);
  const title = text(result.kind, lang);
  const when =
    result.kind === 'credit' ? text('asOf', lang, { asOf: result.value.asOf }) : periodLine(result.value.period, lang);
  const book = new ExcelJS.Workbook();
  markConfidential(book, title, exportedBy, meta.at);
  const writer = new SheetWriter(book, `${CONFIDENTIAL} · ${exportedBy}`, exportedBy, `${title} · ${when}`);
  const t = (key: keyof typeof TEXT, values?: Record<string, string | number>) => text(key, lang, values);
  const col = (key: keyof typeof TEXT, format: Format): Column => ({ header: t(key), format });
  const label = (axis: 'grade' | 'creditGrade' | 'region', code: string) =>
    code === '' ? t(axis === 'region' ? 'noRegion' : 'none') : labels(axis, code);

  switch (result.kind) {
    case 'grade': {
      const a = result.value;
      writer.table(
        t('compositionSheet'),
        [
          col('gradeCol', 'text'),
          col('customers', 'count'),
          col('sales', 'yuan'),
          col('share', 'percent'),
          col('previous', 'yuan'),
          col('lastYear', 'yuan'),
        ],
        [
          ...a.groups.map((g) => [
            label('grade', g.key),
            g.customers,
            g.cents,
            g.shareBp,
            g.previousCents,
            g.lastYearCents,
          ]),
          [
            t('total'),
            a.groups.reduce((n, g) => n + g.customers, 0),
            a.totalCents,
            a.totalCents > 0 ? 10_000 : 0,
            a.previousCents,
            a.lastYearCents,
          ],
        ],
        [`${t('previous')}: ${periodLine(a.previous, lang)}; ${t('lastYear')}: ${periodLine(a.lastYear, lang)}`],
      );
      writer.table(
        t('paretoSheet'),
        [col('customerShare', 'percent'), col('salesShare', 'percent')],
        a.pareto.points.map((p) => [p.customerPercent * 100, p.salesShareBp]),
        [
          t('pareto80', {
            n: a.pareto.customers,
            k: a.pareto.customersFor80,
            share: `${(a.pareto.customersFor80ShareBp / 100).toFixed(2)}%`,
          }),
        ],
      );
      break;
    }
    case 'trend': {
      const a = result.value;
      writer.table(
        t('trendSheet'),
        [
          col('gradeCol', 'text'),
          ...a.months.map((m) => ({ header: m, format: 'yuan' as const })),
          col('total', 'yuan'),
        ],
        [
          ...a.series.map((s) => [label('grade', s.grade), ...s.cents, s.cents.reduce((x, y) => x + y, 0)]),
          [t('total'), ...a.totals, a.totals.reduce((x, y) => x + y, 0)],
        ],
      );
      break;
    }
    case 'product': {
      const a = result.value;
      const category = (c: string) => (c === '' ? t('noCategory') : c);
      writer.table(
        t('productsSheet'),
        [
          col('productCode', 'text'),
          col('productName', 'text'),
          col('category', 'text'),
          col('customers', 'count'),
          col('quantity', 'quantity'),
          col('sales', 'yuan'),
          col('share', 'percent'),
        ],
        [
          ...a.products.map((p) => [p.code, p.name, category(p.category), p.customers, p.quantity, p.cents, p.shareBp]),
          [t('total'), null, null, null, a.totalQuantity, a.totalCents, a.totalCents > 0 ? 10_000 : 0],
        ],
      );
      writer.table(
        t('categoriesSheet'),
        [
          col('category', 'text'),
          col('customers', 'count'),
          col('quantity', 'quantity'),
          col('sales', 'yuan'),
          col('share', 'percent'),
        ],
        a.categories.map((c) => [category(c.key), c.customers, c.quantity, c.cents, c.shareBp]),
      );
      const axis = a.crossTab.by === 'grade' ? 'grade' : 'region';
      const names = a.crossTab.columns.map((c) => label(axis, c.key));
      writer.table(
        t('crossSheet'),
        [
          col('category', 'text'),
          ...names.flatMap((column) => [
            { header: t('cellSales', { column }), format: 'yuan' as const },
            { header: t('cellShare', { column }), format: 'percent' as const },
          ]),
        ],
        [
          ...a.crossTab.rows.map((r) => [category(r.category), ...r.cells.flatMap((c) => [c.cents, c.shareBp])]),
          [t('total'), ...a.crossTab.columns.flatMap((c) => [c.cents, c.cents > 0 ? 10_000 : 0])],
        ],
      );
      break;
    }
    case 'region': {
      const a = result.value;
      const path = a.path.length === 0 ? t('topLevel') : a.path.map((code) => labels('region', code)).join(' › ');
      writer.table(
        t('regionSheet'),
        [col('regionCol', 'text'), col('customers', 'count'), col('sales', 'yuan'), col('share', 'percent')],
        [
          ...a.groups.map((g) => [
            g.key === a.parent && g.key !== null
              ? t('assignedHere', { region: labels('region', g.key) })
              : label('region', g.key),
            g.customers,
            g.cents,
            g.shareBp,
          ]),
          [t('total'), a.groups.reduce((n, g) => n + g.customers, 0), a.totalCents, a.totalCents > 0 ? 10_000 : 0],
        ],
        [t('path', { path })],
      );
      break;
    }
    case 'credit': {
      const a = result.value;
      writer.table(
        t('creditSheet'),
        [
          col('creditGradeCol', 'text'),
          col('customers', 'count'),
          col('limit', 'yuan'),
          col('outstanding', 'yuan'),
          col('share', 'percent'),
          col('overLimitCustomers', 'count'),
          col('paymentDays', 'count'),
          col('suggestedLimit', 'yuan'),
          col('handling', 'text'),
        ],
        [
          ...a.byCreditGrade.map((g) => [
            label('creditGrade', g.key),
            g.customers,
            g.limitCents,
            g.outstandingCents,
            g.shareBp,
            g.overLimitCustomers,
            g.terms?.paymentDays ?? null,
            g.terms?.suggestedLimitCents ?? null,
            g.terms?.handling ?? null,
          ]),
          [
            t('total'),
            a.totals.customers,
            a.totals.limitCents,
            a.totals.outstandingCents,
            a.totals.outstandingCents > 0 ? 10_000 : 0,
            a.totals.overLimitCustomers,
            null,
            null,
            null,
          ],
        ],
        [
          t('creditTotals', {
            customers: a.totals.customers,
            withBalance: a.totals.customersWithBalance,
            over: a.totals.overLimitCustomers,
            credit: a.totals.creditBalanceCustomers,
          }),
        ],
      );
      writer.table(
        t('ageingSheet'),
        [col('age', 'text'), col('ageCents', 'yuan'), col('customers', 'count'), col('share', 'percent')],
        a.ageing.map((b) => [
          t(`ageing${AGEING_BUCKETS.indexOf(b.bucket)}` as 'ageing0'),
          b.cents,
          b.customers,
          b.shareBp,
        ]),
        [t('ageRule')],
      );
      writer.table(
        t('overLimitSheet'),
        [
          col('customerCode', 'text'),
          col('customerName', 'text'),
          col('gradeCol', 'text'),
          col('creditGradeCol', 'text'),
          col('regionCol', 'text'),
          col('limit', 'yuan'),
          col('outstanding', 'yuan'),
          col('excess', 'yuan'),
        ],
        a.overLimit.map((c) => [
          c.code,
          c.name,
          label('grade', c.grade),
          label('creditGrade', c.creditGrade),
          label('region', c.region),
          c.limitCents,
          c.outstandingCents,
          c.cents,
        ]),
      );
      break;
    }
  }
  await writeWorkbookFile(path, async (part) => {
    await book.xlsx.writeFile(part);
  });
  return writer.rows;
}
