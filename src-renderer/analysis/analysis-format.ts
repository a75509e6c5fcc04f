import type { Period } from '../../src-shared/analysis/analysis';
import type { DictionaryEntry } from '../../src-shared/cards/dictionaries';
import type { Language } from '../../src-shared/errors';
import type { Translate } from '../i18n/I18nProvider';

/**
 * Basis points (from the main process, largest-remainder rounded so a breakdown adds up to
 * 10,000) as a percent with two decimals: 1234 → "12.34%". Shares are only ever formatted
 * here, never recomputed, so the screen shows the very figures the export and the CLI give.
 */
export function formatShare(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(Math.round(bp));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/**
 * Change from `before` to `now` as a signed percent with two decimals ("+12.34%"), or null
 * when there is nothing to compare with (no sales before). Rounded half away from zero.
 */
export function formatChange(now: number, before: number): string | null {
  if (before <= 0) return null;
  const bp = Math.sign(now - before) * Math.round((Math.abs(now - before) * 10_000) / before);
  return `${bp > 0 ? '+' : ''}${formatShare(bp)}`;
}

/**
 * A short amount for chart axes (cents in): 万 / 亿 in Chinese, K / M in English. The tables
 * beside the charts carry the exact figures.
 */
export function axisAmount(cents: number, language: Language): string {
  const yuan = cents / 100;
  const abs = Math.abs(yuan);
  const trim = (n: number) => String(Number(n.toFixed(n >= 100 ? 0 : n >= 10 ? 1 : 2)));
  if (language === 'zh') {
    if (abs >= 1e8) return `${yuan < 0 ? '-' : ''}${trim(abs / 1e8)}亿`;
    if (abs >= 1e4) return `${yuan < 0 ? '-' : ''}${trim(abs / 1e4)}万`;
  } else {
    if (abs >= 1e6) return `${yuan < 0 ? '-' : ''}${trim(abs / 1e6)}M`;
    if (abs >= 1e3) return `${yuan < 0 ? '-' : ''}${trim(abs / 1e3)}K`;
  }
  return `${yuan < 0 ? '-' : ''}${trim(abs)}`;
}

export function formatPeriod(period: Period, t: Translate): string {
  return t('analysis.period.range', { from: period.from, to: period.to });
}

/** The axes whose codes the analyses return. */
export type LabelAxis = 'grade' | 'creditGrade' | 'region';

/**
 * Dictionary codes as the reader's labels. '' is "not classified" in the words of its axis;
 * a code no longer in the dictionary shows as itself rather than vanishing.
 */
export interface AnalysisLabels {
  of(axis: LabelAxis, code: string): string;
  category(name: string): string;
}

export function analysisLabels(entries: readonly DictionaryEntry[], language: Language, t: Translate): AnalysisLabels {
  const labels = new Map<string, string>();
  for (const e of entries) labels.set(`${e.axis}:${e.code}`, language === 'en' && e.labelEn ? e.labelEn : e.label);
  return {
    of(axis, code) {
      if (code === '') return t(`analysis.none.${axis}`);
      return labels.get(`${axis}:${code}`) ?? code;
    },
    category: (name) => (name === '' ? t('analysis.none.category') : name),
  };
}
