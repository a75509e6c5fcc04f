/**
 * Strings of card printing, import and export (src-renderer/cards/print/, src-renderer/cards/import/).
 * Keys start with `cardPrint.`, `cardImport.` or `cardExport.`; the English table must have exactly the same keys.
 */
export const cardsOutputZh = {
  'cardPrint.confidential': '内部资料 严禁外传',
} as const;

export const cardsOutputEn: Record<keyof typeof cardsOutputZh, string> = {
  'cardPrint.confidential': 'Internal — do not distribute (内部资料 严禁外传)',
};
