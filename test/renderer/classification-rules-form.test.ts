import { describe, expect, it } from 'vitest';
import { DEFAULT_CLASSIFICATION_RULES } from '../../src-shared/classification/derived';
import { fromRulesForm, toRulesForm } from '../../src-renderer/classification/admin/rules-form';
import { ROUTE_PAGE, routePageRule } from '../../src-renderer/classification/print/route-print-layout';

describe('the rules form', () => {
  it('round-trips the rules, the limits in yuan with two decimals', () => {
    const form = toRulesForm(DEFAULT_CLASSIFICATION_RULES);
    expect(form.keyPercent).toBe('80');
    expect(form.creditTerms[0]!.limitYuan).toBe('1,000,000.00');
    expect(fromRulesForm(form)).toEqual({ rules: DEFAULT_CLASSIFICATION_RULES, problems: {} });
  });

  it('reads a blank limit as "no standard limit" and 12,345.67 yuan as cents', () => {
    const form = toRulesForm(DEFAULT_CLASSIFICATION_RULES);
    form.creditTerms[0]!.limitYuan = '';
    form.creditTerms[1]!.limitYuan = '12,345.67';
    const { rules } = fromRulesForm(form);
    expect(rules?.creditTerms[0]!.suggestedLimitCents).toBeNull();
    expect(rules?.creditTerms[1]!.suggestedLimitCents).toBe(1_234_567);
  });

  it('names each field in trouble and gives no rules then', () => {
    const form = toRulesForm(DEFAULT_CLASSIFICATION_RULES);
    form.newMonths = '0';
    form.lapsedMonths = '十二';
    form.creditTerms[1]!.limitYuan = '1.234';
    form.creditTerms[2]!.creditGrade = 'AAA';
    form.creditTerms[3]!.paymentDays = '400';
    form.creditTerms.push({ creditGrade: '', paymentDays: '0', limitYuan: '', handling: '' });
    const { rules, problems } = fromRulesForm(form);
    expect(rules).toBeNull();
    expect(problems).toEqual({
      newMonths: { key: 'classification.rules.wholeNumber', vars: { min: 1, max: 120 } },
      lapsedMonths: { key: 'classification.rules.wholeNumber', vars: { min: 1, max: 120 } },
      'creditTerms.1.suggestedLimitCents': { key: 'classification.rules.amountInvalid' },
      'creditTerms.2.creditGrade': { key: 'classification.rules.gradeTwice' },
      'creditTerms.3.paymentDays': { key: 'classification.rules.wholeNumber', vars: { min: 0, max: 365 } },
      'creditTerms.5.creditGrade': { key: 'classification.rules.gradeRequired' },
    });
  });

  it('refuses key and general percentages above 100 together, as main does', () => {
    const form = toRulesForm(DEFAULT_CLASSIFICATION_RULES);
    form.keyPercent = '90';
    form.generalPercent = '15';
    expect(fromRulesForm(form).problems).toEqual({ generalPercent: { key: 'classification.rules.tierSum' } });
    form.generalPercent = '10';
    expect(fromRulesForm(form).rules?.generalPercent).toBe(10);
  });
});

describe('the route sheet page rule', () => {
  it('puts the confidential mark, the route, the printer and the page count in the A4 margin boxes, quoted safely', () => {
    const rule = routePageRule({
      confidential: '内部资料 严禁外传',
      route: '路线表 · 京东"线',
      printed: '打印人：李华',
      page: '第 {page} 页 / 共 {pages} 页',
    });
    expect(rule.startsWith(`@page ${ROUTE_PAGE}{size:A4 portrait;`)).toBe(true);
    expect(rule).toContain('@top-left{content:"内部资料 严禁外传"');
    expect(rule).toContain('@top-right{content:"路线表 · 京东\\"线"');
    expect(rule).toContain('@bottom-left{content:"打印人：李华"');
    expect(rule).toContain('@bottom-right{content:"第 " counter(page) " 页 / 共 " counter(pages) " 页"');
  });
});
