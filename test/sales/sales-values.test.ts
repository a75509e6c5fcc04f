import { describe, expect, it } from 'vitest';
import { formatCents, yuanToCents } from '../../src-shared/sales/sales';
import { resolveSalesColumns, suggestedSalesTarget } from '../../src-main/sales/sales-columns';
import { readCents, readDate, readQuantity } from '../../src-main/sales/sales-values';

describe('dates of an ERP export', () => {
  it('reads ISO, slashes, dots, 年月日, compact digits, a time after the date, date cells and Excel serials', () => {
    const cases: [Parameters<typeof readDate>[0], string][] = [
      ['2026-03-05', '2026-03-05'],
      ['2026/3/5', '2026-03-05'],
      ['2026.3.5', '2026-03-05'],
      ['2026年3月5日', '2026-03-05'],
      ['２０２６年３月５日', '2026-03-05'],
      ['20260305', '2026-03-05'],
      ['2026-03-05 14:30:00', '2026-03-05'],
      [' 2026/03/05 ', '2026-03-05'],
      [new Date(Date.UTC(2026, 2, 5)), '2026-03-05'],
      [46086, '2026-03-05'],
      ['46086', '2026-03-05'],
      [46086.75, '2026-03-05'],
    ];
    for (const [cell, date] of cases) expect(readDate(cell), String(cell)).toEqual({ value: date });
  });

  it('refuses what is not a calendar day, and tells a blank cell apart', () => {
    for (const cell of ['2026-02-30', '2026-13-01', '3/5/2026', '昨天', '2026', 2026, true]) {
      expect(readDate(cell), String(cell)).toEqual({ invalid: true });
    }
    for (const cell of [null, '', '   ']) expect(readDate(cell)).toEqual({ empty: true });
  });
});

describe('amounts in yuan, to the cent', () => {
  it('reads currency marks, separators, negatives in parentheses or with a minus at either end', () => {
    const cases: [Parameters<typeof readCents>[0], number][] = [
      ['280.00', 28_000],
      ['2,469.00', 246_900],
      ['￥588.00', 58_800],
      ['¥1,234.5', 123_450],
      ['1234.5元', 123_450],
      ['(56.00)', -5_600],
      ['（56.00）', -5_600],
      ['-1,234.50', -123_450],
      ['1,234.50-', -123_450],
      ['−12', -1_200],
      ['¥-3.10', -310],
      ['-¥3.10', -310],
      ['RMB 100', 10_000],
      ['１２３．４５', 12_345],
      ['.5', 50],
      ['0', 0],
      ['-0.00', 0],
      [99.99, 9_999],
      [-56, -5_600],
    ];
    for (const [cell, cents] of cases) expect(readCents(cell), String(cell)).toEqual({ value: cents });
  });

  it('rounds half away from zero on the third decimal, from text digit by digit and from number cells', () => {
    expect(readCents('0.125')).toEqual({ value: 13 });
    expect(readCents('-0.125')).toEqual({ value: -13 });
    expect(readCents('1234.565')).toEqual({ value: 123_457 });
    expect(readCents('0.1249')).toEqual({ value: 12 });
    // 1.005 is stored as 1.00499999999999989…: a spreadsheet shows 1.005, and so do we.
    expect(readCents(1.005)).toEqual({ value: 101 });
    expect(yuanToCents(1.005)).toBe(101);
    expect(yuanToCents(-2.675)).toBe(-268);
    expect(yuanToCents(0.1 + 0.2)).toBe(30);
    expect(Object.is(yuanToCents(-0.001), -0)).toBe(false);
  });

  it('sums many lines exactly: no binary fractions creep in', () => {
    let cents = 0;
    for (let i = 0; i < 10_000; i++) {
      const read = readCents(`${i}.${String(i % 100).padStart(2, '0')}`);
      cents += (read as { value: number }).value;
    }
    // Σ i for i < 10,000 is 49,995,000 yuan; Σ (i mod 100) cents is 100 × 4,950 cents.
    expect(cents).toBe(49_995_000 * 100 + 100 * 4_950);
    expect(formatCents(cents)).toBe('49,999,950.00');
  });

  it('refuses words and numbers beyond ten billion yuan a line', () => {
    for (const cell of ['abc', '12,3a', '1.2.3', '--5', true])
      expect(readCents(cell), String(cell)).toEqual({ invalid: true });
    expect(readCents('10000000000.01')).toEqual({ tooLarge: true });
    expect(readCents('99999999999999999')).toEqual({ tooLarge: true });
    expect(readCents(1e11)).toEqual({ tooLarge: true });
    expect(readCents('10,000,000,000.00')).toEqual({ value: 1_000_000_000_000 });
    expect(readCents('')).toEqual({ empty: true });
  });

  it('reads the plain digits of an ERP export as the general reader does, edge cases included', () => {
    // Leading zeros are not digits of the amount; the third decimal still rounds; a bare point is no number.
    expect(readCents('00000000000000012.34')).toEqual({ value: 1_234 });
    expect(readCents('12.')).toEqual({ value: 1_200 });
    expect(readCents('-.5')).toEqual({ value: -50 });
    expect(readCents('-9999999999.995')).toEqual({ value: -1_000_000_000_000 });
    expect(readCents('99999999999999.5')).toEqual({ tooLarge: true });
    expect(readCents('99999999999999.5x')).toEqual({ invalid: true });
    for (const cell of ['.', '-', '-.', '1-2', '1e5', '0x10']) expect(readCents(cell), cell).toEqual({ invalid: true });
    expect(readCents(' ')).toEqual({ empty: true });
  });
});

describe('quantities', () => {
  it('reads whole and decimal quantities, negative for returns', () => {
    expect(readQuantity('10')).toEqual({ value: 10 });
    expect(readQuantity('1,500')).toEqual({ value: 1500 });
    expect(readQuantity('1.5')).toEqual({ value: 1.5 });
    expect(readQuantity('-2')).toEqual({ value: -2 });
    expect(readQuantity('(2)')).toEqual({ value: -2 });
    expect(readQuantity(3)).toEqual({ value: 3 });
    expect(readQuantity('两箱')).toEqual({ invalid: true });
    expect(readQuantity(null)).toEqual({ empty: true });
    expect(readQuantity('-.5')).toEqual({ value: -0.5 });
    expect(readQuantity('12.')).toEqual({ value: 12 });
    expect(readQuantity('1000000000001')).toEqual({ invalid: true });
    expect(readQuantity('-1000000000001')).toEqual({ invalid: true });
    expect(readQuantity('1.2.3')).toEqual({ invalid: true });
    expect(readQuantity('1e5')).toEqual({ invalid: true });
  });
});

describe('the automatic mapping of ERP column names', () => {
  it('knows the names Chinese ERPs export, for the kind of file', () => {
    const sales: [string, string][] = [
      ['客户编码', 'customerCode'],
      ['客户代码', 'customerCode'],
      ['客户编号', 'customerCode'],
      ['统一社会信用代码', 'customerCreditCode'],
      ['纳税人识别号', 'customerCreditCode'],
      ['税号', 'customerCreditCode'],
      ['客户名称', 'customerName'],
      ['客户', 'customerName'],
      ['购货单位', 'customerName'],
      ['往来单位', 'customerName'],
      ['商品编码', 'productCode'],
      ['存货编码', 'productCode'],
      ['物料编码', 'productCode'],
      ['产品编码', 'productCode'],
      ['商品名称', 'productName'],
      ['存货名称', 'productName'],
      ['品名', 'productName'],
      ['产品名称', 'productName'],
      ['商品类别', 'productCategory'],
      ['存货分类', 'productCategory'],
      ['类别', 'productCategory'],
      ['产品类别', 'productCategory'],
      ['日期', 'date'],
      ['单据日期', 'date'],
      ['销售日期', 'date'],
      ['开票日期', 'date'],
      ['收款日期', 'date'],
      ['数量', 'quantity'],
      ['金额', 'amount'],
      ['价税合计', 'amount'],
      ['含税金额', 'amount'],
      ['收款金额', 'amount'],
      ['本币金额', 'amount'],
      ['金额（元）', 'amount'],
      ['单据号', 'docRef'],
      ['单据编号', 'docRef'],
      ['凭证号', 'docRef'],
      ['行号', 'docLine'],
      ['备注', ''],
      ['单价', ''],
    ];
    for (const [header, target] of sales) expect(suggestedSalesTarget(header, 'sales'), header).toBe(target);
    // A receipts file has no products: those columns are not suggested there.
    expect(suggestedSalesTarget('存货编码', 'receipts')).toBe('');
    expect(suggestedSalesTarget('数量', 'receipts')).toBe('');
    expect(suggestedSalesTarget('收款金额', 'receipts')).toBe('amount');
  });

  it('needs a customer, the date and the amount, for sales also the product code and quantity', () => {
    const code = (run: () => unknown) => {
      try {
        run();
        return null;
      } catch (error) {
        return (error as { code?: string; facts?: Record<string, string> }).facts;
      }
    };
    expect(code(() => resolveSalesColumns(['客户编码', '日期', '金额'], undefined, 'receipts'))).toBeNull();
    expect(code(() => resolveSalesColumns(['客户编码', '日期', '金额'], undefined, 'sales'))).toEqual({
      missing: 'productCode',
    });
    expect(code(() => resolveSalesColumns(['客户编码', '日期'], undefined, 'receipts'))).toEqual({ missing: 'amount' });
    expect(code(() => resolveSalesColumns(['备注', '日期', '金额'], undefined, 'receipts'))).toEqual({
      missing: 'customer',
    });
    // 行号 alone (no 单据号) is dropped when suggested, refused when the user asks for it.
    expect(resolveSalesColumns(['客户编码', '日期', '金额', '行号'], undefined, 'receipts')[3]!.target).toBe('');
    expect(code(() => resolveSalesColumns(['客户编码', '日期', '金额', '行'], { 行: 'docLine' }, 'receipts'))).toEqual({
      missing: 'docRef',
    });
    // Unknown targets, product targets in a receipts file, two columns for one target.
    expect(code(() => resolveSalesColumns(['客户编码', '日期', '金额'], { 金额: 'price' }, 'receipts'))).toEqual({
      column: '金额',
    });
    expect(
      code(() => resolveSalesColumns(['客户编码', '日期', '金额', '货'], { 货: 'productCode' }, 'receipts')),
    ).toEqual({ column: '货' });
    expect(
      code(() => resolveSalesColumns(['客户编码', '日期', '金额', '钱'], { 金额: 'amount', 钱: 'amount' }, 'receipts')),
    ).toEqual({ column: '钱' });
    // The user's choice wins over the name; the named column is then not suggested again.
    const columns = resolveSalesColumns(['客户编码', '日期', '金额', '实收'], { 实收: 'amount' }, 'receipts');
    expect(columns.map((c) => [c.target, c.suggested])).toEqual([
      ['customerCode', true],
      ['date', true],
      ['', false],
      ['amount', false],
    ]);
  });
});
