/**
 * Analysis DTOs as main sends them, built here from plain figures with the shared share rule,
 * for the tests of the chart builders; and a translator over the real string tables.
 */
import {
  comparisonPeriods,
  sharesOf,
  type CreditAnalysis,
  type GradeAnalysis,
  type Period,
  type ProductAnalysis,
  type RegionAnalysis,
  type TrendAnalysis,
} from '../../src-shared/analysis/analysis';
import type { DictionaryEntry } from '../../src-shared/cards/dictionaries';
import { analysisLabels } from '../../src-renderer/analysis/analysis-format';
import type { ChartText } from '../../src-renderer/analysis/charts/chart-kit';
import type { StringKey } from '../../src-renderer/i18n/dictionary';
import type { Translate } from '../../src-renderer/i18n/I18nProvider';
import { zh } from '../../src-renderer/i18n/zh';

export function translator(strings: Record<StringKey, string>): Translate {
  return (key, vars) =>
    strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
}

const entry = (axis: DictionaryEntry['axis'], code: string, label: string, parentCode: string | null = null) => ({
  axis,
  code,
  label,
  labelEn: '',
  parentCode,
  sortOrder: 0,
  active: true,
});

export const ENTRIES: DictionaryEntry[] = [
  entry('grade', 'A', 'A 级'),
  entry('grade', 'B', 'B 级'),
  entry('grade', 'C', 'C 级'),
  entry('creditGrade', 'AAA', 'AAA'),
  entry('creditGrade', 'B', 'B'),
  entry('region', 'HB', '华北区'),
  entry('region', 'BJ', '北京', 'HB'),
  entry('region', 'HD', '华东区'),
];

export function chartText(): ChartText {
  const t = translator(zh.strings);
  return { t, language: 'zh', labels: analysisLabels(ENTRIES, 'zh', t) };
}

export const PERIOD: Period = { from: '2025-06-01', to: '2026-05-14' };

export function gradeAnalysis(): GradeAnalysis {
  const keys = ['A', 'B', 'C', ''];
  const cents = [812_345_67, 201_000_00, 0, 3_333_33];
  const shares = sharesOf(cents);
  const { previous, lastYear } = comparisonPeriods(PERIOD);
  const points = Array.from({ length: 101 }, (_, x) => ({
    customerPercent: x,
    salesShareBp: Math.round(10_000 * (1 - Math.pow(1 - x / 100, 4))),
  }));
  return {
    period: PERIOD,
    previous,
    lastYear,
    totalCents: cents.reduce((a, b) => a + b, 0),
    previousCents: 900_000_00,
    lastYearCents: 0,
    groups: keys.map((key, i) => ({
      key,
      customers: [12, 40, 3, 2][i]!,
      cents: cents[i]!,
      shareBp: shares[i]!,
      previousCents: [700_000_00, 200_000_00, 0, 0][i]!,
      lastYearCents: 0,
    })),
    pareto: { customers: 54, customersFor80: 18, customersFor80ShareBp: 3333, points },
  };
}

export function trendAnalysis(): TrendAnalysis {
  const months = ['2025-06', '2025-07', '2025-08'];
  const series = [
    { grade: 'B', cents: [1_00, 2_00, 3_00] },
    { grade: 'A', cents: [10_00, 0, 30_00] },
    { grade: '', cents: [0, 5, 0] },
  ];
  return {
    period: { from: '2025-06-15', to: '2025-08-31' },
    months,
    series,
    totals: months.map((_, m) => series.reduce((n, s) => n + s.cents[m]!, 0)),
  };
}

export function productAnalysis(): ProductAnalysis {
  const products = [
    { productId: 7, code: 'P007', name: '龙井 250g', category: '茶叶', cents: 500_00, quantity: 10, customers: 4 },
    { productId: 3, code: 'P003', name: '碧螺春', category: '茶叶', cents: 250_00, quantity: 5, customers: 2 },
    { productId: 9, code: 'P009', name: '礼盒', category: '', cents: 250_00, quantity: 1, customers: 1 },
  ];
  const shares = sharesOf(products.map((p) => p.cents));
  const categories = [
    { key: '茶叶', cents: 750_00, quantity: 15, customers: 5 },
    { key: '', cents: 250_00, quantity: 1, customers: 1 },
  ];
  const catShares = sharesOf(categories.map((c) => c.cents));
  const columns = [
    { key: 'A', cents: 600_00 },
    { key: 'B', cents: 400_00 },
  ];
  const cells = [
    [500_00, 250_00],
    [100_00, 150_00],
  ];
  return {
    period: PERIOD,
    totalCents: 1000_00,
    totalQuantity: 16,
    products: products.map((p, i) => ({ ...p, key: p.code, shareBp: shares[i]! })),
    categories: categories.map((c, i) => ({ ...c, shareBp: catShares[i]! })),
    crossTab: {
      by: 'grade',
      columns,
      rows: categories.map((c, r) => ({
        category: c.key,
        cells: columns.map((col, k) => ({
          cents: cells[r]![k]!,
          shareBp: sharesOf(cells.map((row) => row[k]!))[r]!,
        })),
      })),
    },
  };
}

export function regionAnalysis(parent: string | null): RegionAnalysis {
  const groups =
    parent === null
      ? [
          { key: 'HB', cents: 600_00, customers: 6, hasChildren: true },
          { key: 'HD', cents: 300_00, customers: 3, hasChildren: false },
          { key: '', cents: 100_00, customers: 1, hasChildren: false },
        ]
      : [
          { key: 'BJ', cents: 500_00, customers: 5, hasChildren: false },
          { key: 'HB', cents: 100_00, customers: 1, hasChildren: true },
        ];
  const shares = sharesOf(groups.map((g) => g.cents));
  return {
    period: PERIOD,
    parent,
    path: parent ? [parent] : [],
    totalCents: groups.reduce((n, g) => n + g.cents, 0),
    groups: groups.map((g, i) => ({ ...g, shareBp: shares[i]! })),
  };
}

export function creditAnalysis(): CreditAnalysis {
  const grades = [
    { key: 'AAA', limitCents: 1_000_000_00, outstandingCents: 200_000_00, customers: 3, overLimitCustomers: 0 },
    { key: 'B', limitCents: 50_000_00, outstandingCents: 80_000_00, customers: 5, overLimitCustomers: 2 },
    { key: '', limitCents: 0, outstandingCents: 20_000_00, customers: 1, overLimitCustomers: 1 },
  ];
  const shares = sharesOf(grades.map((g) => g.outstandingCents));
  const buckets = [
    { bucket: '0-30' as const, cents: 150_000_00, customers: 6 },
    { bucket: '31-60' as const, cents: 100_000_00, customers: 3 },
    { bucket: '61-90' as const, cents: 0, customers: 0 },
    { bucket: '90+' as const, cents: 50_000_00, customers: 1 },
  ];
  const ageShares = sharesOf(buckets.map((b) => b.cents));
  return {
    asOf: '2026-05-14',
    totals: {
      customers: 9,
      customersWithBalance: 7,
      limitCents: 1_050_000_00,
      outstandingCents: 300_000_00,
      overLimitCustomers: 3,
      overLimitCents: 50_000_00,
      creditBalanceCustomers: 1,
      creditBalanceCents: 1_234_00,
    },
    byCreditGrade: grades.map((g, i) => ({
      ...g,
      cents: g.outstandingCents,
      shareBp: shares[i]!,
      terms:
        g.key === 'AAA'
          ? { creditGrade: 'AAA', paymentDays: 90, suggestedLimitCents: 100_000_000, handling: '月结' }
          : null,
    })),
    ageing: buckets.map((b, i) => ({ ...b, shareBp: ageShares[i]! })),
    overLimit: [],
    overLimitCount: 3,
  };
}
