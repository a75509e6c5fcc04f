import { describe, expect, it } from 'vitest';
import { emptyCard } from '../../src-shared/cards/card';
import { CARD_FIELDS } from '../../src-shared/cards/card-fields';
import {
  cssString,
  dictionaryLabels,
  EMPTY,
  pageCounterContent,
  pageRules,
  printedValue,
  sectionGrid,
} from '../../src-renderer/cards/print/card-print-layout';

const field = (path: string) => CARD_FIELDS.find((f) => f.path === path)!;

describe('the printed card layout', () => {
  it('lays out every field of a section once, long texts on their own line, without the source marks', () => {
    for (const section of ['basic', 'characteristics', 'business', 'trading', 'classification'] as const) {
      const rows = sectionGrid(section);
      const printed = rows.flatMap((r) => ('wide' in r ? [r.wide.path] : [r.left.path, r.right?.path ?? null]));
      const expected = CARD_FIELDS.filter(
        (f) =>
          f.section === section && !f.path.startsWith('sources.') && f.path !== 'basic.code' && f.path !== 'basic.name',
      ).map((f) => f.path);
      expect(printed.filter((p) => p !== null)).toEqual(expected);
      for (const row of rows) if ('wide' in row) expect(['longText', 'text']).toContain(row.wide.kind);
    }
    const trading = sectionGrid('trading');
    expect(trading).toContainEqual({ left: field('trading.creditLimit'), right: field('trading.paymentTermsDays') });
    expect(trading).toContainEqual({ wide: field('trading.pastCreditProblems') });
  });

  it('prints blanks as a dash, amounts grouped, and dictionary codes as labels in the reader language', () => {
    const card = emptyCard();
    card.basic.annualSales = 12800.5;
    card.classification.nature = 'company';
    card.classification.grade = 'Z';
    const entries = [
      {
        axis: 'nature' as const,
        code: 'company',
        label: '普通公司',
        labelEn: 'Company',
        parentCode: null,
        sortOrder: 1,
        active: true,
      },
    ];
    const zh = dictionaryLabels(entries, 'zh');
    expect(printedValue(card, field('basic.fax'), zh)).toBe(EMPTY);
    expect(printedValue(card, field('basic.employees'), zh)).toBe(EMPTY);
    expect(printedValue(card, field('basic.annualSales'), zh)).toBe('12,800.5');
    expect(printedValue(card, field('classification.nature'), zh)).toBe('普通公司');
    expect(printedValue(card, field('classification.nature'), dictionaryLabels(entries, 'en'))).toBe('Company');
    // A code no longer in the dictionary still prints, as its code.
    expect(printedValue(card, field('classification.grade'), zh)).toBe('Z');
  });

  it('escapes names from the archive inside the generated page header', () => {
    expect(cssString('李华')).toBe('"李华"');
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(cssString('x\n}body{display:none}\u0000')).toBe('"x }body{display:none}"');
    expect(pageCounterContent('第 {page} 页 / 共 {pages} 页')).toBe(
      '"第 " counter(page) " 页 / 共 " counter(pages) " 页"',
    );
    const rules = pageRules([
      { confidential: '内部资料 严禁外传', copy: '第 2 份 · "C1"', printed: '打印人：王五', page: '{page}/{pages}' },
    ]);
    expect(rules).toContain('@page kd-card-1{size:A4 portrait;');
    expect(rules).toContain('content:"第 2 份 · \\"C1\\""');
    expect(rules).toContain('content:counter(page) "/" counter(pages)');
  });
});
