/**
 * Strings of the analysis screens (src-renderer/analysis/). Keys start with `analysis.`;
 * the English table must have exactly the same keys.
 */
export const analysisZh = {
  'analysis.title': '客户构成分析',
};

export const analysisEn: Record<keyof typeof analysisZh, string> = {
  'analysis.title': 'Composition analysis',
};
