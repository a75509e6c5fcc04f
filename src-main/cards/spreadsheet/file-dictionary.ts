import { CLASSIFICATION_AXES, type ClassificationAxis } from '../../../src-shared/cards/card';
import { CARD_FIELDS } from '../../../src-shared/cards/card-fields';
import { foldText } from '../../../src-shared/cards/normalize';
import type { NewDictionaryEntry } from './import-references';
import { cellText, type ImportSheet } from './sheet-rows';

/** The columns of the 分类字典 sheet an export writes. */
export const DICTIONARY_COLUMNS = ['分类', '编码', '名称', '英文名称', '上级编码'] as const;

/** An axis by its column label (区域), its English label, or its code (region). */
const AXIS_NAMES = new Map<string, ClassificationAxis>();
for (const axis of CLASSIFICATION_AXES) {
  const field = CARD_FIELDS.find((f) => f.axis === axis)!;
  for (const name of [field.zh, field.en, axis]) AXIS_NAMES.set(foldText(name), axis);
}

export function axisLabel(axis: ClassificationAxis): string {
  return CARD_FIELDS.find((f) => f.axis === axis)!.zh;
}

/**
 * The dictionary entries a file carries in its 分类字典 sheet. They only
 * lend codes to values the target archive does not know yet; rows that do
 * not read as entries are passed over (the sheet is a help, not data).
 */
export function readFileDictionary(sheet: ImportSheet | null): NewDictionaryEntry[] {
  if (!sheet) return [];
  const headerIndex = sheet.rows.findIndex((r) => {
    const texts = r.cells.map(cellText);
    return DICTIONARY_COLUMNS.slice(0, 3).every((c) => texts.includes(c));
  });
  if (headerIndex < 0) return [];
  const header = sheet.rows[headerIndex]!.cells.map(cellText);
  const at = (name: string) => header.indexOf(name);
  const entries: NewDictionaryEntry[] = [];
  for (const row of sheet.rows.slice(headerIndex + 1)) {
    const get = (name: string) => (at(name) < 0 ? '' : cellText(row.cells[at(name)] ?? null));
    const axis = AXIS_NAMES.get(foldText(get('分类')));
    const code = get('编码');
    const label = get('名称');
    if (!axis || !code || !label) continue;
    entries.push({ axis, code, label, labelEn: get('英文名称'), parentCode: get('上级编码') || null });
  }
  return entries;
}
