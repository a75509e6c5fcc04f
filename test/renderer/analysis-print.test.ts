import { describe, expect, it } from 'vitest';
import { REPORT_PAGE, reportPageRule } from '../../src-renderer/analysis/print/analysis-print-layout';

describe('the printed analysis report', () => {
  it('puts the confidentiality mark, the title, who printed it and the page number in the A4 page margins', () => {
    const rule = reportPageRule({
      confidential: '内部资料 严禁外传',
      title: '销售构成分析报告',
      printed: '打印人：陈经理　打印时间：2026-05-14 10:00:00',
      page: '第 {page} 页 / 共 {pages} 页',
    });
    expect(rule.startsWith(`@page ${REPORT_PAGE}{size:A4 portrait;`)).toBe(true);
    expect(rule).toContain('@top-left{content:"内部资料 严禁外传"');
    expect(rule).toContain('@top-right{content:"销售构成分析报告"');
    expect(rule).toContain('@bottom-left{content:"打印人：陈经理　打印时间：2026-05-14 10:00:00"');
    expect(rule).toContain('@bottom-right{content:"第 " counter(page) " 页 / 共 " counter(pages) " 页"');
  });

  it('cannot be broken out of by a user name with quotes or braces', () => {
    const rule = reportPageRule({
      confidential: 'x',
      title: 'y',
      printed: '打印人："};body{display:none}',
      page: '{page}',
    });
    expect(rule).toContain('"打印人：\\"};body{display:none}"');
    // Still one @page rule with its four boxes, nothing after it.
    expect(rule.match(/@page /g)).toHaveLength(1);
    expect(rule.endsWith('}')).toBe(true);
  });
});
