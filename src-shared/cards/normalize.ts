/**
 * How text is folded before it is indexed or compared, so that 全角 and
 * half-width forms, case, spaces and punctuation never decide whether a
 * card is found or recognised as a duplicate.
 */

/** NFKC (full-width → half-width), lower case, and only letters and digits (Chinese characters included) kept. */
export function foldText(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Legal-form words that do not tell two companies apart. Longest first, so
 * that 股份有限公司 is removed whole rather than leaving 股份.
 */
const NAME_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '集团股份公司',
  '有限公司',
  '责任公司',
  '集团公司',
  '总公司',
  '分公司',
  '集团',
  '公司',
  'coltd',
  'ltd',
  'inc',
  'co',
];

/**
 * The name key used to warn of a likely duplicate: folded, with a bracketed
 * part such as （集团） removed, and legal-form suffixes stripped repeatedly.
 * 北京华信科技有限公司 and 北京 华信科技（集团）股份有限公司 share the key 北京华信科技.
 */
export function nameKey(name: string): string {
  let key = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '');
  key = foldText(key);
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of NAME_SUFFIXES) {
      if (key.length > suffix.length && key.endsWith(suffix)) {
        key = key.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return key;
}

/** Digits only, so 010-8821 3456 and （010）88213456 compare equal. */
export function phoneKey(phone: string): string {
  return phone.normalize('NFKC').replace(/\D+/g, '');
}
