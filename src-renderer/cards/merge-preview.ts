import { SECTION_KEYS, type CardContent, type Person, type SectionKey } from '../../src-shared/cards/card';
import { CARD_FIELDS, fieldValue } from '../../src-shared/cards/card-fields';
import { mergeContents } from '../../src-shared/cards/card-merge';

type Scalar = string | number | boolean | null;

/** One field of the merge preview: what each card holds and what the merged card will hold. */
export interface MergeRow {
  path: string;
  kept: Scalar;
  other: Scalar;
  result: Scalar;
  /** The result takes the other card's value (the kept card had none). */
  fromOther: boolean;
  /** Both cards hold different values: the other card's value is not carried over. */
  dropped: boolean;
}

export interface MergePreview {
  rows: MergeRow[];
  /** The joined people: the kept card's first, then the other's that are not already there. */
  people: { person: Person; fromOther: boolean }[];
  content: CardContent;
  /** Sections verified on the kept card that take unverified data from the other and so lose their mark. */
  unverified: SectionKey[];
}

/** Same role and name: the same person (as main joins them). */
const personKey = (p: Person) => `${p.role}\u0000${p.name.trim()}`;

const isEmpty = (v: Scalar) => v === null || v === '';

/**
 * What cards.merge will make of two cards (contract: the kept card's values
 * win, its empty fields are filled from the other, people are joined),
 * computed here only to show the custodian before confirming; the merged
 * content is the shared mergeContents (src-shared/cards/card-merge.ts).
 */
export function previewMerge(kept: CardContent, other: CardContent): MergePreview {
  const rows: MergeRow[] = [];
  for (const field of CARD_FIELDS) {
    if (field.kind === 'source' || field.kind === 'verified') continue;
    const a = fieldValue(kept, field.path) ?? null;
    const b = fieldValue(other, field.path) ?? null;
    if (isEmpty(a) && isEmpty(b)) continue;
    const fromOther = isEmpty(a) && !isEmpty(b) && field.path !== 'basic.code';
    rows.push({
      path: field.path,
      kept: a,
      other: b,
      result: fromOther ? b : a,
      fromOther,
      dropped: !isEmpty(a) && !isEmpty(b) && a !== b,
    });
  }
  const seen = new Set(kept.people.map(personKey));
  const people = kept.people.map((person) => ({ person, fromOther: false }));
  for (const person of other.people) {
    if (seen.has(personKey(person))) continue;
    seen.add(personKey(person));
    people.push({ person, fromOther: true });
  }
  // The merged card comes from the same rule the main process applies; the sections that lose their mark follow from it.
  const content = mergeContents(kept, other);
  const unverified = SECTION_KEYS.filter((k) => kept.sources[k].verified && !content.sources[k].verified);
  return { rows, people, content, unverified };
}
