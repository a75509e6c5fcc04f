import type { Language } from '../../src-shared/errors';

/**
 * Why a row of a sales or receipts file is not imported, in both languages.
 * Values from the file are quoted so the user can find the cell; they are
 * shown to the importing custodian only, never written to the access log.
 */
const TEXT = {
  customerMissing: {
    zh: '未填客户（客户编码、统一社会信用代码或客户名称）',
    en: 'no customer (customer code, credit code or name)',
  },
  customerCodeUnknown: {
    zh: '客户编码“{value}”在档案中不存在',
    en: 'customer code "{value}" is not in the archive',
  },
  customerCreditCodeUnknown: {
    zh: '统一社会信用代码“{value}”在档案中不存在',
    en: 'credit code "{value}" is not in the archive',
  },
  customerNameUnknown: {
    zh: '客户名称“{value}”在档案中不存在（按名称须完全一致）',
    en: 'customer name "{value}" is not in the archive (names must match exactly)',
  },
  customerCreditCodeAmbiguous: {
    zh: '统一社会信用代码“{value}”对应多张档案卡（{codes}），无法确定是哪一位客户；请改用客户编码',
    en: 'credit code "{value}" belongs to several cards ({codes}), so the customer is unclear; use the customer code',
  },
  customerNameAmbiguous: {
    zh: '客户名称“{value}”对应多张档案卡（{codes}），无法确定是哪一位客户；请改用客户编码',
    en: 'customer name "{value}" belongs to several cards ({codes}), so the customer is unclear; use the customer code',
  },
  productCodeMissing: { zh: '未填商品编码', en: 'no product code' },
  productCodeTooLong: { zh: '商品编码超过 {max} 个字符', en: 'product code longer than {max} characters' },
  dateMissing: { zh: '未填日期', en: 'no date' },
  dateInvalid: {
    zh: '日期“{value}”无法识别（可写 2024-03-15、2024/3/15、2024.3.15、2024年3月15日 或 Excel 日期）',
    en: 'date "{value}" not recognised (write 2024-03-15, 2024/3/15, 2024.3.15, 2024年3月15日 or an Excel date)',
  },
  dateInFuture: { zh: '日期 {value} 晚于今天（{today}）', en: 'date {value} is after today ({today})' },
  amountMissing: { zh: '未填金额', en: 'no amount' },
  amountInvalid: { zh: '金额“{value}”不是数字', en: 'amount "{value}" is not a number' },
  amountOutOfRange: {
    zh: '金额“{value}”超出范围（每行不超过 100 亿元）',
    en: 'amount "{value}" out of range (at most 10 billion yuan a line)',
  },
  receiptZero: { zh: '收款金额为 0', en: 'the receipt amount is 0' },
  quantityMissing: { zh: '未填数量', en: 'no quantity' },
  quantityInvalid: { zh: '数量“{value}”不是数字', en: 'quantity "{value}" is not a number' },
  docRefTooLong: { zh: '单据号超过 {max} 个字符', en: 'document number longer than {max} characters' },
  docAlreadyImported: {
    zh: '单据 {value} 已导入过（在以前导入的文件中）',
    en: 'document line {value} was imported before (in an earlier file)',
  },
  docRepeatedInFile: {
    zh: '单据 {value} 在文件内重复（同一单据行出现两次，只导入第一次）',
    en: 'document line {value} is repeated in the file (only its first occurrence is imported)',
  },
  rowNumber: { zh: '行号', en: 'Row' },
  reasons: { zh: '原因', en: 'Reasons' },
  rejectionsSheet: { zh: '未通过的行', en: 'Rejected rows' },
  rejectionsTruncated: {
    zh: '另有 {count} 行未通过，超出一张工作表的行数，未列出；请先修正上面的行。',
    en: '{count} more rejected rows do not fit on one sheet and are not listed; fix the rows above first.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type SalesTextKey = keyof typeof TEXT;

/** A reason or label in the caller's language, `{name}` filled from `values`. */
export function salesText(key: SalesTextKey, language: Language, values: Record<string, string | number> = {}): string {
  return TEXT[key][language].replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? ''));
}

/** A value from the file as a reason quotes it: at most 40 characters. */
export function quoted(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}
