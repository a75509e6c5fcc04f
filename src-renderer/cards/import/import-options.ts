import type { ComboboxData } from '@mantine/core';
import { SECTION_KEYS } from '../../../src-shared/cards/card';
import { CARD_FIELDS, SECTION_LABELS_EN, SECTION_LABELS_ZH } from '../../../src-shared/cards/card-fields';
import { PERSON_TARGETS } from '../../../src-shared/cards/import-targets';
import type { Language } from '../../../src-shared/errors';
import type { Translate } from '../../i18n/I18nProvider';
import { IGNORE } from '../../spreadsheet-import/column-mapping';

/**
 * The import targets as the mapping select offers them: "do not import",
 * then the card's fields grouped by section in the card's order, the
 * people's fields, and the sources and verification marks last.
 */
export function targetOptions(language: Language, t: Translate): ComboboxData {
  const label = (f: { zh: string; en: string }) => (language === 'en' ? f.en : f.zh);
  const sectionName = (k: (typeof SECTION_KEYS)[number]) =>
    language === 'en' ? SECTION_LABELS_EN[k] : SECTION_LABELS_ZH[k];
  const scalar = CARD_FIELDS.filter((f) => !f.path.startsWith('sources.'));
  const groups: { group: string; items: { value: string; label: string }[] }[] = [];
  for (const k of SECTION_KEYS) {
    if (k === 'people') {
      groups.push({
        group: t('cardImport.group.people'),
        items: PERSON_TARGETS.map((p) => ({ value: p.target, label: label(p) })),
      });
      continue;
    }
    groups.push({
      group: sectionName(k),
      items: scalar.filter((f) => f.section === k).map((f) => ({ value: f.path, label: label(f) })),
    });
  }
  groups.push({
    group: t('cardPrint.classification'),
    items: scalar.filter((f) => f.section === 'classification').map((f) => ({ value: f.path, label: label(f) })),
  });
  groups.push({
    group: t('cardImport.group.sources'),
    items: CARD_FIELDS.filter((f) => f.path.startsWith('sources.')).map((f) => ({ value: f.path, label: label(f) })),
  });
  return [{ value: IGNORE, label: t('cardImport.ignore') }, ...groups];
}

/** The label of a target in the reader's language ('' = not imported). */
export function targetLabel(target: string, language: Language, t: Translate): string {
  if (target === '') return t('cardImport.ignore');
  const found = CARD_FIELDS.find((f) => f.path === target) ?? PERSON_TARGETS.find((p) => p.target === target);
  if (!found) return target;
  return language === 'en' ? found.en : found.zh;
}

/** A classification axis's name, for the new dictionary values an import would add. */
export function axisLabel(axis: string, language: Language): string {
  const field = CARD_FIELDS.find((f) => f.axis === axis);
  if (!field) return axis;
  return language === 'en' ? field.en : field.zh;
}
