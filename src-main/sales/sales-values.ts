import { isCalendarDate } from '../../src-shared/cards/card-schema';
import { yuanToCents } from '../../src-shared/sales/sales';
import { parseDate } from '../cards/spreadsheet/cell-parsing';
import { calendarDateOf, cellText, serialDate, type CellValue } from '../cards/spreadsheet/sheet-rows';

/**
 * How the cells of an ERP export become the values of a sales line or a
 * receipt. Each parser answers the value, `empty` for a blank cell, or
 * `invalid` (the reason is worded by the caller, which knows the column).
 */
export type Value<T> = { value: T } | { empty: true } | { invalid: true };

const EMPTY = { empty: true } as const;
const INVALID = { invalid: true } as const;
const TOO_LARGE = { tooLarge: true } as const;

/** The largest amount one line may carry: 10 billion yuan, in cents (far inside exact integers). */
export const MAX_LINE_CENTS = 1_000_000_000_000;

/**
 * A calendar date (YYYY-MM-DD) from a date cell, an Excel serial number
 * (also as text, as a CSV of an xlsx sheet carries it), or text written
 * 2024-03-15, 2024/3/15, 2024.3.15, 2024年3月15日 or 20240315, with or without
 * a time after it. The plain ISO form, by far the most common in a
 * 2,000,000-line file, is checked first without the general parser.
 */
export function readDate(cell: CellValue): Value<string> {
  if (cell === null) return EMPTY;
  if (typeof cell === 'string') {
    const text = cell.trim();
    if (text === '') return EMPTY;
    if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
      return isCalendarDate(text) ? { value: text } : INVALID;
    }
    if (/^\d{5}(?:\.\d+)?$/.test(text)) {
      const date = serialDate(Number(text));
      return date ? { value: calendarDateOf(date) } : INVALID;
    }
  }
  const parsed = parseDate(cell);
  if ('value' in parsed) return { value: parsed.value };
  return 'empty' in parsed ? EMPTY : INVALID;
}

/** What is left of a typed number: full-width folded, spaces, thousands separators and currency marks dropped. */
function numberText(raw: string): { text: string; negative: boolean } | null {
  let text = raw.normalize('NFKC').replace(/[\s,，]/g, '');
  let negative = false;
  // Accountants write a negative (a return, a refund) in parentheses, or with the minus at the end.
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  text = text.replace(/^(?:¥|￥|rmb|cny)/i, '').replace(/(?:元|rmb|cny)$/i, '');
  if (text.startsWith('-') || text.startsWith('−')) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.endsWith('-')) {
    negative = !negative;
    text = text.slice(0, -1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  text = text.replace(/^(?:¥|￥)/, '');
  return /^(?:\d+\.?\d*|\.\d+)$/.test(text) ? { text, negative } : null;
}

/**
 * An amount in yuan as whole cents, rounded half away from zero. Text is
 * read digit by digit (never through a binary fraction), so 0.125 yuan is
 * 13 cents and 1,234.565 is 123457; a number cell goes through
 * yuanToCents. ¥/￥, 元, thousands separators, a leading or trailing minus
 * and parentheses are understood.
 */
export function readCents(cell: CellValue): Value<number> | { tooLarge: true } {
  if (cell === null) return EMPTY;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return INVALID;
    const cents = yuanToCents(cell);
    return Math.abs(cents) > MAX_LINE_CENTS ? TOO_LARGE : { value: cents };
  }
  if (typeof cell !== 'string') return INVALID;
  if (cell.trim() === '') return EMPTY;
  const parsed = numberText(cell);
  if (!parsed) return INVALID;
  const [whole = '', fraction = ''] = parsed.text.split('.');
  if (whole.replace(/^0+/, '').length > 13) return TOO_LARGE;
  const digits = (fraction + '000').slice(0, 3);
  let cents = Number(whole || '0') * 100 + Number(digits.slice(0, 2));
  if (Number(digits[2]) >= 5) cents += 1;
  if (cents > MAX_LINE_CENTS) return TOO_LARGE;
  return { value: parsed.negative && cents !== 0 ? -cents : cents };
}

/** A quantity: any decimal number (kilograms, metres), negative for a return. */
export function readQuantity(cell: CellValue): Value<number> {
  if (cell === null) return EMPTY;
  if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell } : INVALID;
  if (typeof cell !== 'string') return INVALID;
  if (cell.trim() === '') return EMPTY;
  const parsed = numberText(cell);
  if (!parsed) return INVALID;
  const value = Number(parsed.text);
  if (!Number.isFinite(value) || value > 1e12) return INVALID;
  return { value: parsed.negative ? -value : value };
}

/** A text cell trimmed ('' for blank); numbers as the spreadsheet shows them. */
export function readText(cell: CellValue): string {
  return cellText(cell);
}
