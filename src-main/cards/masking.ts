import { PERSONAL_FIELDS, type CardContent } from '../../src-shared/cards/card';

/** The card with every person's personal notes blanked, for readers who may not see them. */
export function maskPersonal(content: CardContent): CardContent {
  return {
    ...content,
    people: content.people.map((p) => {
      const masked = { ...p };
      for (const field of PERSONAL_FIELDS) {
        if (field === 'age') masked.age = null;
        else masked[field] = '';
      }
      return masked;
    }),
  };
}
