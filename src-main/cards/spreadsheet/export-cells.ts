import type { CardContent, ClassificationAxis, Person } from '../../../src-shared/cards/card';
import {
  CARD_FIELDS,
  PERSON_FIELDS,
  PERSON_ROLE_LABELS,
  SOURCE_LABELS,
  fieldValue,
} from '../../../src-shared/cards/card-fields';
import type { CellValue } from './sheet-rows';

/** Dictionary labels by axis and code, for writing what a card's codes mean. */
export type DictionaryLabels = ReadonlyMap<string, string>;

export const labelKey = (axis: string, code: string) => `${axis}\u0000${code}`;

/** The card sheet's columns: every scalar field in form order, under its Chinese label. */
export const CARD_SHEET_HEADERS: readonly string[] = CARD_FIELDS.map((f) => f.zh);

/** The people sheet's columns: the card's code, then the person's fields. */
export const PEOPLE_SHEET_HEADERS: readonly string[] = [
  CARD_FIELDS.find((f) => f.path === 'basic.code')!.zh,
  ...PERSON_FIELDS.map((f) => f.zh),
];

/**
 * A card as one row of the card sheet, written so that reading it back
 * gives the same card: text as text (a code such as 001 stays 001), dates as
 * YYYY-MM-DD text, amounts as numbers, classifications by their label,
 * sources by their label, verification as 是/否, and nothing for an empty
 * field.
 */
export function cardCells(content: CardContent, labels: DictionaryLabels): CellValue[] {
  return CARD_FIELDS.map((field) => {
    const value = fieldValue(content, field.path);
    if (value === null || value === '') return null;
    switch (field.kind) {
      case 'dictionary':
        return labels.get(labelKey(field.axis as ClassificationAxis, String(value))) ?? String(value);
      case 'source':
        return SOURCE_LABELS[value as keyof typeof SOURCE_LABELS].zh;
      case 'verified':
        return value ? '是' : '否';
      default:
        return value;
    }
  });
}

/** One person as a row of the people sheet. */
export function personCells(code: string, person: Person): CellValue[] {
  return [
    code,
    ...PERSON_FIELDS.map(({ key }) => {
      if (key === 'role') return PERSON_ROLE_LABELS[person.role].zh;
      const value = person[key];
      return value === '' ? null : value;
    }),
  ];
}
