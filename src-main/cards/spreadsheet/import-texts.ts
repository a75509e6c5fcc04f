import type { Language } from '../../../src-shared/errors';

/** Words of the import's own reports and workbooks (field problems come from fieldProblemText). */
const TEXT = {
  personSheetRow: { zh: '人员表第 {row} 行', en: 'People sheet row {row}' },
  personNumber: { zh: '人员 {n}', en: 'Person {n}' },
  people: { zh: '人员', en: 'People' },
  orphanPerson: {
    zh: '客户编码“{code}”在客户档案表中没有对应的行',
    en: 'customer code "{code}" has no row in the card sheet',
  },
  personWithoutCode: { zh: '未填客户编码，无法对应到客户', en: 'no customer code, so no card to belong to' },
  peopleOfRejectedCard: {
    zh: '所属客户（第 {row} 行）未通过，一并退回',
    en: 'its card (row {row}) was rejected, returned with it',
  },
  rowNumber: { zh: '行号', en: 'Row' },
  reasons: { zh: '原因', en: 'Reasons' },
} as const satisfies Record<string, Record<Language, string>>;

export type ImportTextKey = keyof typeof TEXT;

export function importText(key: ImportTextKey, language: Language, values: Record<string, string | number> = {}) {
  return TEXT[key][language].replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? ''));
}

/** "field：problem" in Chinese, "field: problem" in English. */
export function reasonText(label: string, problem: string, language: Language): string {
  return language === 'zh' ? `${label}：${problem}` : `${label}: ${problem}`;
}
