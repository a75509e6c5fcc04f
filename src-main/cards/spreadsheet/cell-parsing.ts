import { PERSON_ROLES, SOURCES, type PersonRole, type Source } from '../../../src-shared/cards/card';
import { PERSON_ROLE_LABELS, SOURCE_LABELS } from '../../../src-shared/cards/card-fields';
import { isCalendarDate, type FieldProblem } from '../../../src-shared/cards/card-schema';
import { foldText } from '../../../src-shared/cards/normalize';
import { calendarDateOf, cellText, serialDate, type CellValue } from './sheet-rows';

/**
 * How a cell becomes a card value. Each parser answers the value, `empty`
 * for a blank cell (which a create leaves empty and an update leaves
 * alone), or the problem code the rejection report translates.
 */
export type Parsed<T> = { value: T } | { empty: true } | { problem: FieldProblem };

const EMPTY = { empty: true } as const;
const problem = (code: FieldProblem) => ({ problem: code }) as const;

/** Full-width digits and signs folded, spaces dropped: what is left of a typed number or date. */
const folded = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

export function parseText(cell: CellValue): Parsed<string> {
  const text = cellText(cell);
  return text === '' ? EMPTY : { value: text };
}

function ymd(y: string, m: string, d: string): string | null {
  const text = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isCalendarDate(text) ? text : null;
}

/**
 * A calendar date as YYYY-MM-DD from a date cell, a spreadsheet serial
 * number, or text written 2024-03-15, 2024/3/15, 2024.3.15, 2024年3月15日
 * or 20240315 (a time after the date is ignored). A bare year such as 2008
 * is refused rather than read as a serial day in 1905.
 */
export function parseDate(cell: CellValue): Parsed<string> {
  if (cell === null) return EMPTY;
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? problem('invalidDate') : { value: calendarDateOf(cell) };
  if (typeof cell === 'boolean') return problem('invalidDate');
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 18_000_101 && cell <= 22_001_231) {
      const s = String(cell);
      const date = ymd(s.slice(0, 4), s.slice(4, 6), s.slice(6, 8));
      return date ? { value: date } : problem('invalidDate');
    }
    if (cell >= 1800 && cell <= 2200) return problem('invalidDate');
    const date = serialDate(cell);
    return date ? { value: calendarDateOf(date) } : problem('invalidDate');
  }
  const text = folded(cell);
  if (text === '') return EMPTY;
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    ) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const date = m ? ymd(m[1]!, m[2]!, m[3]!) : null;
  return date ? { value: date } : problem('invalidDate');
}

/** The unit an amount field is kept in. */
export type AmountUnit = 'yuan' | 'wan';

/**
 * A number as people type it in a Chinese sheet: thousands separators,
 * ￥/¥, RMB, full-width digits, and 元 / 万 / 万元 as units. An amount in
 * the other unit is converted: 50万 in a 信用额度（元） column is 500000.
 */
export function parseAmount(cell: CellValue, unit: AmountUnit): Parsed<number> {
  if (cell === null) return EMPTY;
  if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell } : problem('notANumber');
  if (typeof cell !== 'string') return problem('notANumber');
  let text = folded(cell).replace(/[,，]/g, '');
  if (text === '') return EMPTY;
  text = text.replace(/^(?:¥|￥|rmb|cny)/i, '');
  let given: AmountUnit = unit;
  const suffix = /(万元|万|元|rmb|cny)$/i.exec(text);
  if (suffix) {
    given = suffix[1]!.startsWith('万') ? 'wan' : 'yuan';
    text = text.slice(0, -suffix[1]!.length);
  }
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(text)) return problem('notANumber');
  let value = Number(text);
  if (given !== unit) value = given === 'wan' ? value * 10_000 : value / 10_000;
  // 0.07万 is 700, not 700.0000000000001.
  return { value: Math.round(value * 1e6) / 1e6 };
}

/** A count: digits with thousands separators, and a unit word such as 天, 岁 or 人 after it. */
export function parseWhole(cell: CellValue): Parsed<number> {
  if (cell === null) return EMPTY;
  if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell } : problem('notANumber');
  if (typeof cell !== 'string') return problem('notANumber');
  const text = folded(cell)
    .replace(/[,，]/g, '')
    .replace(/(个月|周岁|天|日|岁|人|名|个|号)$/, '');
  if (text === '') return EMPTY;
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(text)) return problem('notANumber');
  return { value: Number(text) };
}

const TRUE_WORDS = ['是', '已核实', '核实', '已核', '已审核', '已确认', 'true', 'yes', 'y', '1', '√', '✓', '✔'];
const FALSE_WORDS = ['否', '未核实', '待核实', '未核', '未审核', '未确认', 'false', 'no', 'n', '0', '×', '✗', '✘'];
const TRUE_SET = new Set(TRUE_WORDS.map((w) => w.toLowerCase()));
const FALSE_SET = new Set(FALSE_WORDS.map((w) => w.toLowerCase()));

/** 是/否, 已核实/未核实, true/false, yes/no, 1/0, √/× for a verification mark. */
export function parseVerified(cell: CellValue): Parsed<boolean> {
  if (cell === null) return EMPTY;
  if (typeof cell === 'boolean') return { value: cell };
  if (typeof cell === 'number')
    return cell === 1 ? { value: true } : cell === 0 ? { value: false } : problem('unknownValue');
  const text = cellText(cell).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if (text === '') return EMPTY;
  if (TRUE_SET.has(text)) return { value: true };
  if (FALSE_SET.has(text)) return { value: false };
  return problem('unknownValue');
}

/** Labels in both languages, the stored codes, and the words offices use for the same thing. */
function choiceTable<T extends string>(
  codes: readonly T[],
  labels: Record<T, { zh: string; en: string }>,
  extra: Partial<Record<T, readonly string[]>>,
): Map<string, T> {
  const table = new Map<string, T>();
  for (const code of codes) {
    for (const word of [labels[code].zh, labels[code].en, code, ...(extra[code] ?? [])]) {
      const key = foldText(word);
      if (key && !table.has(key)) table.set(key, code);
    }
  }
  return table;
}

const SOURCE_TABLE = choiceTable(SOURCES, SOURCE_LABELS, {
  rep_visit: ['业务员拜访', '推销员访问', '访问', '拜访', '走访'],
  customer_form: ['客户填报', '客户自填', '客户资料表', '客户填写资料'],
  agency: ['专业调查机构', '调查公司', '征信机构', '第三方调查'],
  other: ['其它'],
});

const ROLE_TABLE = choiceTable(PERSON_ROLES, PERSON_ROLE_LABELS, {
  owner: ['老板', '业主', '负责人', '所有人', '股东'],
  manager: ['经理', '总经理', '经营者', '管理者'],
  legal_rep: ['法人', '法定代表人', '法人代表人'],
  contact: ['联系人员', '对接人'],
});

function parseChoice<T>(cell: CellValue, table: Map<string, T>): Parsed<T> {
  const text = cellText(cell);
  if (text === '') return EMPTY;
  const code = table.get(foldText(text));
  return code === undefined ? problem('unknownValue') : { value: code };
}

/** 业务员访问 / 客户填写 / 调查机构 / 其他, in either language or as codes. */
export const parseSource = (cell: CellValue): Parsed<Source> => parseChoice(cell, SOURCE_TABLE);

/** 所有者 / 经营管理者 / 法人代表 / 联系人, in either language or as codes. */
export const parseRole = (cell: CellValue): Parsed<PersonRole> => parseChoice(cell, ROLE_TABLE);
