import { describe, expect, it } from 'vitest';
import type { DictionaryEntry } from '../../src-shared/cards/dictionaries';
import { analysisLabels, axisAmount, formatChange, formatShare } from '../../src-renderer/analysis/analysis-format';
import { en } from '../../src-renderer/i18n/en';
import { zh } from '../../src-renderer/i18n/zh';
import { translator } from './analysis-fixtures';

describe('figures on the analysis screens', () => {
  it('shows basis points as a percent with two decimals, never rounding them again', () => {
    expect(formatShare(0)).toBe('0.00%');
    expect(formatShare(1)).toBe('0.01%');
    expect(formatShare(1234)).toBe('12.34%');
    expect(formatShare(10_000)).toBe('100.00%');
    expect(formatShare(-250)).toBe('-2.50%');
  });

  it('shows a change against an earlier period, or nothing when there was nothing before', () => {
    expect(formatChange(11_000, 10_000)).toBe('+10.00%');
    expect(formatChange(9_000, 10_000)).toBe('-10.00%');
    expect(formatChange(10_000, 10_000)).toBe('0.00%');
    expect(formatChange(1, 3)).toBe('-66.67%');
    expect(formatChange(5_000, 0)).toBeNull();
  });

  it('labels amount axes in 万 and 亿 in Chinese and K and M in English', () => {
    expect(axisAmount(0, 'zh')).toBe('0');
    expect(axisAmount(123_456, 'zh')).toBe('1235');
    expect(axisAmount(1_250, 'zh')).toBe('12.5');
    expect(axisAmount(1_500_000, 'zh')).toBe('1.5万');
    expect(axisAmount(120_000_000, 'zh')).toBe('120万');
    expect(axisAmount(25_000_000_000, 'zh')).toBe('2.5亿');
    expect(axisAmount(1_500_000, 'en')).toBe('15K');
    expect(axisAmount(250_000_000, 'en')).toBe('2.5M');
  });

  it('names dictionary codes in the reader’s language and says when a customer is not classified', () => {
    const entries: DictionaryEntry[] = [
      { axis: 'grade', code: 'A', label: 'A 级', labelEn: 'Grade A', parentCode: null, sortOrder: 1, active: true },
      { axis: 'region', code: 'HB', label: '华北区', labelEn: '', parentCode: null, sortOrder: 1, active: true },
    ];
    const zhLabels = analysisLabels(entries, 'zh', translator(zh.strings));
    expect(zhLabels.of('grade', 'A')).toBe('A 级');
    expect(zhLabels.of('grade', '')).toBe('未分级');
    expect(zhLabels.of('creditGrade', '')).toBe('无信用等级');
    expect(zhLabels.of('region', '')).toBe('未划分地区');
    expect(zhLabels.category('')).toBe('未分类');
    // A code since removed from the dictionary still shows, as itself.
    expect(zhLabels.of('grade', 'Z')).toBe('Z');
    const enLabels = analysisLabels(entries, 'en', translator(en.strings));
    expect(enLabels.of('grade', 'A')).toBe('Grade A');
    // No English label: the Chinese one rather than nothing.
    expect(enLabels.of('region', 'HB')).toBe('华北区');
    expect(enLabels.of('grade', '')).toBe('No grade');
  });
});
