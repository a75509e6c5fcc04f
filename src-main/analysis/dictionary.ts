import { CompiledQuery } from 'kysely';
import type { FigureSource } from './figure-source';

/** One dictionary entry as the analyses need it: its code, label and (regions) parent. */
export interface DictionaryCode {
  code: string;
  label: string;
  parentCode: string | null;
}

/** The axes the analyses group by, as the dictionary names them. */
export type AnalysisAxis = 'grade' | 'creditGrade' | 'region';

export function dictionaryStatement(axis: AnalysisAxis): CompiledQuery {
  return CompiledQuery.raw(
    `SELECT code, label, parent_code AS parentCode FROM dictionary_entries WHERE axis = ? ORDER BY sort_order, code`,
    [axis],
  );
}

/** The entries of an axis in the dictionary's order (inactive ones too: cards may still carry them). */
export async function loadDictionary(source: FigureSource, axis: AnalysisAxis): Promise<DictionaryCode[]> {
  return source.rows<DictionaryCode>(dictionaryStatement(axis));
}

/**
 * The order of a breakdown's groups: the dictionary's codes, then codes found on cards that the
 * dictionary does not list (none, normally), then '' (not classified).
 */
export function groupOrder(dictionary: readonly DictionaryCode[], found: Iterable<string>): string[] {
  const order = dictionary.map((d) => d.code).filter((c) => c !== '');
  const known = new Set(order);
  const extra = [...new Set(found)].filter((c) => c !== '' && !known.has(c)).sort();
  return [...order, ...extra, ''];
}
