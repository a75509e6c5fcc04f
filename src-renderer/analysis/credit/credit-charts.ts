import type { AgeingBucket, CreditAnalysis, Period } from '../../../src-shared/analysis/analysis';
import type { CreditTerm } from '../../../src-shared/classification/derived';
import { axisAmount } from '../analysis-format';
import {
  columnsOption,
  rowCustomers,
  shareDonut,
  type ChartModel,
  type ChartText,
  type CustomersTarget,
} from '../charts/chart-kit';

/** Credit segments are read on the as-of date: the period is that one day (main reads `to`). */
export function asOfPeriod(asOf: string): Period {
  return { from: asOf, to: asOf };
}

function creditTarget(segment: CustomersTarget['segment'], what: string, asOf: string, text: ChartText) {
  return { segment, period: asOfPeriod(asOf), title: text.t('analysis.target.asOf', { what, date: asOf }) };
}

/** One credit grade of 客户信用分析. */
export interface CreditGradeRow {
  key: string;
  label: string;
  customers: number;
  limitCents: number;
  outstandingCents: number;
  overLimitCustomers: number;
  shareBp: number;
  terms: CreditTerm | null;
  target: CustomersTarget;
}

export function creditGradeRows(analysis: CreditAnalysis, text: ChartText): CreditGradeRow[] {
  return analysis.byCreditGrade.map((g) => {
    const label = text.labels.of('creditGrade', g.key);
    return {
      key: g.key,
      label,
      customers: g.customers,
      limitCents: g.limitCents,
      outstandingCents: g.outstandingCents,
      overLimitCustomers: g.overLimitCustomers,
      shareBp: g.shareBp,
      terms: g.terms,
      target: creditTarget({ kind: 'creditGrade', creditGrade: g.key }, label, analysis.asOf, text),
    };
  });
}

export const LIMIT_COLORS = ['#74c0fc', '#e8590c'] as const;

/** Credit limit against outstanding balance per credit grade, as grouped bars. */
export function limitBars(rows: CreditGradeRow[], text: ChartText): ChartModel {
  const names = [text.t('analysis.credit.limit'), text.t('analysis.credit.outstanding')];
  return {
    option: columnsOption(
      text,
      rows.map((r) => r.label),
      { data: names },
      // Limits are often far larger than what is owed: each bar carries its amount, so a short one still reads.
      [0, 1].map((s) => ({
        type: 'bar',
        name: names[s],
        barMaxWidth: 28,
        itemStyle: { color: LIMIT_COLORS[s] },
        label: {
          show: true,
          position: 'top',
          fontSize: 10,
          color: '#495057',
          formatter: (p: { value: number }) => axisAmount(p.value, text.language),
        },
        data: rows.map((r) => (s === 0 ? r.limitCents : r.outstandingCents)),
      })),
    ),
    actionAt: rowCustomers(rows),
  };
}

/** One age bucket of the receivables (oldest sales paid first). */
export interface AgeingRow {
  bucket: AgeingBucket;
  label: string;
  color: string;
  customers: number;
  cents: number;
  shareBp: number;
  target: CustomersTarget;
}

/** Young debts green, old ones red. */
const AGEING_COLORS: Record<AgeingBucket, string> = {
  '0-30': '#40c057',
  '31-60': '#fab005',
  '61-90': '#fd7e14',
  '90+': '#e03131',
};

export function ageingRows(analysis: CreditAnalysis, text: ChartText): AgeingRow[] {
  return analysis.ageing.map((a) => {
    const label = text.t(`analysis.ageing.${a.bucket}`);
    return {
      bucket: a.bucket,
      label,
      color: AGEING_COLORS[a.bucket],
      customers: a.customers,
      cents: a.cents,
      shareBp: a.shareBp,
      target: creditTarget({ kind: 'ageing', bucket: a.bucket }, label, analysis.asOf, text),
    };
  });
}

/** The receivables by age as a donut. */
export function ageingDonut(rows: AgeingRow[], text: ChartText): ChartModel {
  return shareDonut(rows, text, { name: text.t('analysis.credit.ageingTitle'), legend: true });
}

/** Every over-limit customer of the analysis (the table lists the first ones main sent). */
export function overLimitTarget(analysis: CreditAnalysis, text: ChartText): CustomersTarget {
  return creditTarget({ kind: 'overLimit' }, text.t('analysis.credit.overLimitTitle'), analysis.asOf, text);
}
