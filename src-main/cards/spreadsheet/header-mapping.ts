import { IMPORT_TARGETS, isImportTarget } from '../../../src-shared/cards/import-targets';
import type { ImportColumn } from '../../../src-shared/cards/import-report';
import { KedangError } from '../../errors';
import { cellText, type SheetRow } from './sheet-rows';

/** How many rows from the top may hold the header (a title or confidentiality banner often sits above it). */
export const HEADER_SEARCH_ROWS = 10;

/**
 * A column name reduced to what identifies it: full-width folded (NFKC),
 * lower case, without a bracketed unit such as （元） or (万元), and without
 * spaces, required-field stars, colons and separators. 信用额度（元）,
 * 信用额度 and ＊信用额度： all become 信用额度.
 */
export function headerKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([【{][^)\]】}]*[)\]】}]/g, '')
    .replace(/[\s*:·・\-_/\\.#]+/g, '');
}

/** Every recognised column name (label in either language or synonym) → its target; the first target wins. */
function buildTargetKeys(targets: readonly { target: string; zh: string; en: string; synonyms: readonly string[] }[]) {
  const keys = new Map<string, string>();
  for (const t of targets) {
    for (const name of [t.zh, t.en, ...t.synonyms]) {
      const key = headerKey(name);
      if (key && !keys.has(key)) keys.set(key, t.target);
    }
  }
  return keys;
}

const CARD_TARGET_KEYS = buildTargetKeys(IMPORT_TARGETS);

/** The card target a header name suggests, or '' when it names nothing we know. */
export function suggestedTarget(header: string, keys: ReadonlyMap<string, string> = CARD_TARGET_KEYS): string {
  return keys.get(headerKey(header)) ?? '';
}

export type UserMapping = Record<string, string>;

/**
 * The header row: the first of the top rows in which at least two columns
 * are recognised, by name or by the user's mapping. Returns its index in
 * `rows`; IMPORT_NO_HEADER when there is none.
 */
export function findHeaderRow(
  rows: readonly SheetRow[],
  mapping: UserMapping | undefined,
  keys: ReadonlyMap<string, string> = CARD_TARGET_KEYS,
): number {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    let recognised = 0;
    for (const cell of rows[i]!.cells) {
      const header = cellText(cell);
      if (!header) continue;
      const given = mapping?.[header];
      if (given !== undefined ? given !== '' : suggestedTarget(header, keys) !== '') recognised++;
    }
    if (recognised >= 2) return i;
  }
  throw new KedangError('IMPORT_NO_HEADER');
}

/**
 * Each column's target: the user's choice where given (a header → target,
 * '' to ignore the column), else the one its name suggests. A target used
 * by the user is never also suggested, and of two columns with the same
 * name only the first is suggested. IMPORT_MAPPING_INVALID for an unknown
 * target, two columns mapped to one target, or no column for 客户名称.
 */
export function resolveColumns(
  headers: readonly string[],
  mapping: UserMapping | undefined,
  options: { keys?: ReadonlyMap<string, string>; isTarget?: (t: string) => boolean; required?: string } = {},
): ImportColumn[] {
  const keys = options.keys ?? CARD_TARGET_KEYS;
  const isTarget = options.isTarget ?? isImportTarget;
  const required = options.required ?? 'basic.name';
  const chosen = new Set<string>();
  const columns: ImportColumn[] = headers.map((header) => {
    const given = mapping?.[header];
    if (given === undefined) return { header, target: '', suggested: false };
    if (!isTarget(given)) throw new KedangError('IMPORT_MAPPING_INVALID', { column: header.slice(0, 60) });
    if (given !== '') {
      if (chosen.has(given)) throw new KedangError('IMPORT_MAPPING_INVALID', { column: header.slice(0, 60) });
      chosen.add(given);
    }
    return { header, target: given, suggested: false };
  });
  headers.forEach((header, i) => {
    if (!header || mapping?.[header] !== undefined) return;
    const target = suggestedTarget(header, keys);
    if (target && !chosen.has(target)) {
      chosen.add(target);
      columns[i] = { header, target, suggested: true };
    }
  });
  if (!chosen.has(required)) throw new KedangError('IMPORT_MAPPING_INVALID', { missing: required });
  return columns;
}

export { buildTargetKeys };
