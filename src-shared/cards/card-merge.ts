import { SECTION_KEYS, type CardContent, type Person, type SectionKey } from './card';
import { CARD_FIELDS, fieldValue, setFieldValue } from './card-fields';

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;

/**
 * The content of two cards merged into one: the kept card's values win,
 * its empty fields are filled from the other card, and people are joined
 * (a person with the same role and name appears once, the kept card's copy
 * first). A section that took any value from the other card stays
 * verified only if both were verified. Shared: the main process applies it,
 * the merge preview shows its result before the custodian confirms.
 */
export function mergeContents(keep: CardContent, other: CardContent): CardContent {
  const merged = JSON.parse(JSON.stringify(keep)) as CardContent;
  const filledSections = new Set<SectionKey | 'classification'>();
  for (const field of CARD_FIELDS) {
    if (field.kind === 'source' || field.kind === 'verified') continue;
    if (field.path === 'basic.code') continue;
    const mine = fieldValue(keep, field.path);
    const theirs = fieldValue(other, field.path);
    if (isEmpty(mine) && !isEmpty(theirs)) {
      setFieldValue(merged, field.path, theirs);
      filledSections.add(field.section);
    }
  }
  const seen = new Set(keep.people.map(personKey));
  for (const person of other.people) {
    if (seen.has(personKey(person))) continue;
    merged.people.push({ ...person });
    seen.add(personKey(person));
    filledSections.add('people');
  }
  for (const section of SECTION_KEYS) {
    if (!filledSections.has(section)) continue;
    const mine = keep.sources[section];
    const theirs = other.sources[section];
    if (mine.verified && !theirs.verified) {
      merged.sources[section] = { ...mine, verified: false, verifiedBy: null, verifiedAt: null };
    }
  }
  return merged;
}

function personKey(p: Person): string {
  return `${p.role}\u0000${p.name.trim()}`;
}
