/**
 * Strings of the classification screens (src-renderer/classification/). Keys start with `classification.`;
 * the English table must have exactly the same keys.
 */
export const classificationZh = {
  'classification.title': '客户分类',
};

export const classificationEn: Record<keyof typeof classificationZh, string> = {
  'classification.title': 'Classification',
};
