import { emptyCard, type CardContent } from '../../src-shared/cards/card';
import { CARD_FIELDS, fieldValue, setFieldValue, type CardField } from '../../src-shared/cards/card-fields';
import { fieldProblemText } from '../../src-shared/cards/card-schema';
import type { Language } from '../../src-shared/errors';
import { PROPOSABLE_PATHS, type ProposedValue } from '../../src-shared/visits/visit-report';
import { validateCard } from '../cards/card-form';

const FIELD_BY_PATH = new Map<string, CardField>(CARD_FIELDS.map((f) => [f.path, f]));

/** The fields a rep may propose, in the card's own order. */
export const PROPOSABLE_FIELDS: readonly CardField[] = PROPOSABLE_PATHS.map((p) => FIELD_BY_PATH.get(p)!);

export function proposableField(path: string): CardField | undefined {
  return PROPOSABLE_PATHS.includes(path) ? FIELD_BY_PATH.get(path) : undefined;
}

/** A field's value on the card as a report carries it (proposable fields are never booleans). */
export function cardValue(content: CardContent, path: string): ProposedValue {
  const value = fieldValue(content, path);
  return typeof value === 'boolean' ? null : (value ?? null);
}

/** The value a field starts with in an empty card: '' for text, null for numbers. */
export function emptyValue(path: string): ProposedValue {
  return cardValue(emptyCard(), path);
}

/**
 * The card's own rule for one value (a date that is a date, a number that is
 * a number), checked here so that the rep sees it beside the field; the
 * server checks it again when the change goes into the card.
 */
export function valueProblem(path: string, value: ProposedValue, language: Language): string | undefined {
  const probe = emptyCard();
  setFieldValue(probe, path, value);
  const problem = validateCard(probe)[path];
  return problem === undefined ? undefined : fieldProblemText(problem, language);
}

/** Two proposed values are the same when a reader would see no difference ('' and null are both empty). */
export function sameValue(a: ProposedValue | undefined, b: ProposedValue | undefined): boolean {
  const norm = (v: ProposedValue | undefined) => (v === undefined || v === null || v === '' ? null : v);
  return norm(a) === norm(b);
}
