import { emptyCard } from '../cards/card';
import { CARD_FIELDS, fieldValue, setFieldValue } from '../cards/card-fields';
import { CardContentSchema, type FieldProblem } from '../cards/card-schema';
import { PROPOSABLE_PATHS, type ProposedValue } from './visit-report';

/**
 * Checks a value a rep proposes (or a custodian edits) for one card field
 * with the card's own validation, so a value that reaches the card is one
 * the card form would have accepted. Returns the value as the card stores
 * it (trimmed text, a normalised credit code; '' or null both mean empty)
 * or the problem code the form shows.
 */
export function normalizeProposed(
  path: string,
  value: ProposedValue | undefined,
): { value: ProposedValue } | { problem: FieldProblem } {
  const field = CARD_FIELDS.find((f) => f.path === path);
  if (!field || !PROPOSABLE_PATHS.includes(path)) return { problem: 'unknownValue' };
  if (value === undefined) return { problem: 'required' };
  const numeric = field.kind === 'amount' || field.kind === 'whole';
  let candidate: ProposedValue;
  if (numeric) {
    if (value === null || value === '') candidate = null;
    else if (typeof value === 'number') candidate = value;
    else return { problem: 'notANumber' };
  } else {
    if (value === null) candidate = '';
    else if (typeof value === 'string') candidate = value;
    else return { problem: 'unknownValue' };
  }
  // A card complete but for this field: the name is the one required field, so a placeholder fills it.
  const card = emptyCard();
  card.basic.name = '-';
  setFieldValue(card, path, candidate);
  const parsed = CardContentSchema.safeParse(card);
  if (!parsed.success) {
    const issue = parsed.error.issues.find((i) => i.path.join('.') === path) ?? parsed.error.issues[0];
    return { problem: (issue?.message ?? 'unknownValue') as FieldProblem };
  }
  return { value: fieldValue(parsed.data as Parameters<typeof fieldValue>[0], path) as ProposedValue };
}
