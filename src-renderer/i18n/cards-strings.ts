/**
 * Strings of the card list, form, history and merge screens (src-renderer/cards/).
 * Keys start with `cards.`; the English table must have exactly the same keys.
 */
export const cardsZh = {
  'cards.title': '客户档案',
} as const;

export const cardsEn: Record<keyof typeof cardsZh, string> = {
  'cards.title': 'Customer archive',
};
