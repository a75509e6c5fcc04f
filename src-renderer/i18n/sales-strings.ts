/**
 * Strings of the sales screens (src-renderer/sales/). Keys start with `sales.`;
 * the English table must have exactly the same keys.
 */
export const salesZh = {
  'sales.title': '销售与回款',
};

export const salesEn: Record<keyof typeof salesZh, string> = {
  'sales.title': 'Sales and receipts',
};
