import type { CardContent, SectionKey } from '../../../src-shared/cards/card';
import { CARD_FIELDS, fieldValue, type CardField } from '../../../src-shared/cards/card-fields';
import type { DictionaryEntry } from '../../../src-shared/cards/dictionaries';
import type { Language } from '../../../src-shared/errors';

/** What an empty field shows on paper: a dash, so a blank is visibly "not recorded" rather than forgotten. */
export const EMPTY = '—';

/** Shown in the header block instead of the grid, so the name and code are not printed twice. */
const IN_HEADER = new Set(['basic.code', 'basic.name']);

/** Fields whose text is long enough to need the whole width of the card. */
function isWide(field: CardField): boolean {
  return field.kind === 'longText' || field.path === 'basic.address';
}

/** One printed line of a section's grid: two half-width cells, or one cell across the whole width. */
export type GridRow = { wide: CardField } | { left: CardField; right: CardField | null };

/**
 * The fields of one card section laid out as the card's grid: short
 * fields in pairs, long texts on a line of their own, in the order of the
 * card form. The section's source and verification fields are left out
 * (they are printed in the section heading).
 */
export function sectionGrid(section: SectionKey | 'classification'): GridRow[] {
  const fields = CARD_FIELDS.filter(
    (f) => f.section === section && !f.path.startsWith('sources.') && !IN_HEADER.has(f.path),
  );
  const rows: GridRow[] = [];
  let pending: CardField | null = null;
  for (const field of fields) {
    if (isWide(field)) {
      if (pending) rows.push({ left: pending, right: null });
      pending = null;
      rows.push({ wide: field });
    } else if (pending) {
      rows.push({ left: pending, right: field });
      pending = null;
    } else {
      pending = field;
    }
  }
  if (pending) rows.push({ left: pending, right: null });
  return rows;
}

/** Code → label per classification axis, in the reader's language. */
export type DictionaryLabels = Map<string, string>;

export function dictionaryLabels(entries: readonly DictionaryEntry[], language: Language): DictionaryLabels {
  const labels: DictionaryLabels = new Map();
  for (const entry of entries) {
    labels.set(`${entry.axis}:${entry.code}`, language === 'en' && entry.labelEn ? entry.labelEn : entry.label);
  }
  return labels;
}

const NUMBER_FORMAT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A field's value as printed text; EMPTY for blank values. */
export function printedValue(content: CardContent, field: CardField, labels: DictionaryLabels): string {
  const value = fieldValue(content, field.path);
  if (value === null || value === '') return EMPTY;
  if (typeof value === 'number') return NUMBER_FORMAT.format(value);
  if (typeof value === 'boolean') return EMPTY;
  if (field.kind === 'dictionary' && field.axis) return labels.get(`${field.axis}:${value}`) ?? value;
  return value;
}

/** A person's value as printed text. */
export function personValue(value: string | number | null): string {
  if (value === null || value === '') return EMPTY;
  return typeof value === 'number' ? NUMBER_FORMAT.format(value) : value;
}

/**
 * A CSS string literal for generated content (the page margin boxes): the
 * text comes from the archive (user and card names), so quotes,
 * backslashes and line breaks are escaped rather than trusted.
 */
export function cssString(text: string): string {
  const printable = [...text.replace(/[\r\n\f\t]+/g, ' ')]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('');
  return `"${printable.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The page-number pattern ('第 {page} 页 / 共 {pages} 页') as CSS content with the page counters. */
export function pageCounterContent(pattern: string): string {
  const parts = pattern.split(/(\{page\}|\{pages\})/);
  return parts
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

/** What repeats on every printed page of one card. */
export interface RunningMarks {
  confidential: string;
  /** E.g. "第 2 份 · C000123": which copy of which card a loose page belongs to. */
  copy: string;
  /** Printing user and time. */
  printed: string;
  /** Page number pattern with {page} and {pages}. */
  page: string;
}

/** The page's name for one copy of a job: a named page carries its own running header. */
export function pageName(index: number): string {
  return `kd-card-${index + 1}`;
}

/**
 * The @page rules of a print job: A4 portrait with room in the margins for
 * the running header and footer (page margin boxes, so they can never
 * overlap the card's content), one named page per card so that every card
 * starts on a new page and carries its own copy number on every page.
 */
export function pageRules(marks: readonly RunningMarks[]): string {
  const box = (position: string, content: string, extra = '') =>
    `@${position}{content:${content};font-family:'Noto Sans SC',sans-serif;font-size:8pt;color:#000;${extra}}`;
  return marks
    .map(
      (m, i) =>
        `@page ${pageName(i)}{size:A4 portrait;margin:21mm 15mm 19mm 15mm;` +
        box('top-left', cssString(m.confidential), 'font-weight:700;vertical-align:bottom;padding-bottom:3mm;') +
        box('top-right', cssString(m.copy), 'font-weight:700;vertical-align:bottom;padding-bottom:3mm;') +
        box('bottom-left', cssString(m.printed), 'vertical-align:top;padding-top:3mm;') +
        box('bottom-right', pageCounterContent(m.page), 'vertical-align:top;padding-top:3mm;') +
        `}`,
    )
    .join('\n');
}
