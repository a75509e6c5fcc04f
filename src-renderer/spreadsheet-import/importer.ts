import type { StringKey } from '../i18n/dictionary';

/**
 * The spreadsheet importers that share these parts: the card import (导入客户档案) and the
 * sales/receipts import (导入销售/回款). Each keeps its words in its own section of the
 * dictionary under the same names ('cardImport.check', 'sales.check') and its own test ids,
 * so a shared part is told which importer it serves.
 */
export type Importer = 'cardImport' | 'sales';

/** Words both sections name alike: `cardImport.<word>` and `sales.<word>` both exist. */
type SharedWord =
  | 'step.file'
  | 'step.mapping'
  | 'step.check'
  | 'step.result'
  | 'chooseFile'
  | 'pathLabel'
  | 'pathHint'
  | 'read'
  | 'reading'
  | 'file'
  | 'format'
  | 'encoding'
  | 'headerRow'
  | 'headerRowValue'
  | 'mappingIntro'
  | 'column'
  | 'target'
  | 'sample'
  | 'suggested'
  | 'duplicateTarget'
  | 'previewRows'
  | 'rejectedTitle'
  | 'noRejected'
  | 'rowNo'
  | 'reasons'
  | 'rejectedMore'
  | 'confirmTitle'
  | 'confirmButton'
  | 'chooseOther'
  | 'back'
  | 'check'
  | 'import'
  | 'downloadRejections'
  | 'nothingToImport';

/** Words the two sections name differently. */
const NAMED_APART = {
  encodingUnknown: { cardImport: 'cardImport.encodingUnknown', sales: 'sales.encodingNone' },
} satisfies Record<string, Record<Importer, StringKey>>;

/** The key of one of the importer's words (the compiler checks that both sections have it). */
export function wordOf(importer: Importer, word: SharedWord | keyof typeof NAMED_APART): StringKey {
  if (word in NAMED_APART) return NAMED_APART[word as keyof typeof NAMED_APART][importer];
  return `${importer}.${word as SharedWord}`;
}

/** The test ids of an importer's parts begin with its own prefix ('import-mapping', 'sales-mapping'). */
const TEST_ID_PREFIX: Record<Importer, string> = { cardImport: 'import', sales: 'sales' };

export function testIdOf(importer: Importer, part: string): string {
  return `${TEST_ID_PREFIX[importer]}-${part}`;
}
