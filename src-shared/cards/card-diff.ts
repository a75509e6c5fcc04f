import { PERSONAL_FIELDS, type CardContent, type Person } from './card';
import { CARD_FIELDS, PERSON_FIELDS, fieldValue } from './card-fields';

type Scalar = string | number | boolean | null;

/** One changed field between two versions of a card. */
export interface FieldChange {
  /** Dotted path, e.g. `basic.phone`, `people.2.hobbies`, `sources.basic.verified`. */
  path: string;
  from: Scalar;
  to: Scalar;
}

const personKey = (p: Person) => `${p.role}\u0000${p.name}`;

/**
 * The field-level difference between two versions. People are compared by
 * position; an added or removed person appears as changes of each of its
 * non-empty fields. Who verified and when are not fields of the card.
 */
export function diffCards(before: CardContent | null, after: CardContent): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of CARD_FIELDS) {
    const from = before ? fieldValue(before, field.path) : null;
    const to = fieldValue(after, field.path);
    if (!sameValue(from, to)) changes.push({ path: field.path, from: from ?? null, to: to ?? null });
  }
  const beforePeople = before?.people ?? [];
  const count = Math.max(beforePeople.length, after.people.length);
  for (let i = 0; i < count; i++) {
    const a = beforePeople[i];
    const b = after.people[i];
    for (const { key } of PERSON_FIELDS) {
      const from = a ? a[key] : null;
      const to = b ? b[key] : null;
      if (!sameValue(from, to)) changes.push({ path: `people.${i}.${key}`, from, to });
    }
  }
  return changes;
}

function sameValue(a: Scalar | undefined, b: Scalar | undefined): boolean {
  const empty = (v: Scalar | undefined) => v === null || v === undefined || v === '';
  if (empty(a) && empty(b)) return true;
  return a === b;
}

/** Whether a change touches a person's personal notes (its values are masked for readers who may not see them). */
export function isPersonalChange(change: FieldChange): boolean {
  const m = /^people\.\d+\.(\w+)$/.exec(change.path);
  return !!m && (PERSONAL_FIELDS as readonly string[]).includes(m[1]!);
}

/** The section a change belongs to, for verification bookkeeping. */
export function sectionOfPath(path: string): string {
  const [head, second] = path.split('.');
  return head === 'sources' ? (second ?? head) : (head ?? '');
}

export { personKey };
