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

const MINUS = 45;
const POINT = 46;
const ZERO = 48;
const NINE = 57;

/**
 * Cents of text that is nothing but ASCII digits with at most one point and
 * an optional leading minus ("4274.66", "-12", ".5"), as an ERP writes every
 * amount of a 2,000,000-line file; null for anything else, which the
 * general reader below decides. Same digit-by-digit reading and rounding,
 * without normalising or patterns.
 */
function plainCents(text: string): { value: number } | typeof TOO_LARGE | null {
  const length = text.length;
  const negative = length > 0 && text.charCodeAt(0) === MINUS;
  let i = negative ? 1 : 0;
  let whole = 0;
  let wholeDigits = 0;
  let significant = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === POINT) break;
    if (c < ZERO || c > NINE) return null;
    if (significant > 0 || c !== ZERO) significant++;
    whole = whole * 10 + (c - ZERO);
    wholeDigits++;
  }
  // The first three decimals: tenths, hundredths, and the one that rounds.
  let fractionDigits = 0;
  let tenths = 0;
  let hundredths = 0;
  let rounding = 0;
  for (i++; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < ZERO || c > NINE) return null;
    if (fractionDigits === 0) tenths = c - ZERO;
    else if (fractionDigits === 1) hundredths = c - ZERO;
    else if (fractionDigits === 2) rounding = c - ZERO;
    fractionDigits++;
  }
  if (wholeDigits === 0 && fractionDigits === 0) return null;
  if (significant > 13) return TOO_LARGE;
  let cents = whole * 100 + tenths * 10 + hundredths;
  if (rounding >= 5) cents += 1;
  if (cents > MAX_LINE_CENTS) return TOO_LARGE;
  return { value: negative && cents !== 0 ? -cents : cents };
}

/** Whether text is nothing but ASCII digits with at most one point and an optional leading minus. */
function isPlainDecimal(text: string): boolean {
  const length = text.length;
  let digits = 0;
  let point = false;
  for (let i = length > 0 && text.charCodeAt(0) === MINUS ? 1 : 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === POINT && !point) point = true;
    else if (c >= ZERO && c <= NINE) digits++;
    else return false;
  }
  return digits > 0;
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
  const plain = plainCents(cell);
  if (plain) return plain;
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
  if (isPlainDecimal(cell)) {
    const value = Number(cell);
    return Math.abs(value) > 1e12 ? INVALID : { value };
  }
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
