import type { GradeAnalysis, Period, TrendAnalysis } from '../../../src-shared/analysis/analysis';
import { formatShare } from '../analysis-format';
import { monthWithin } from '../period';
import {
  baseOption,
  breakdownPart,
  colorOf,
  columnsOption,
  COMPARE_COLORS,
  periodTarget,
  seriesHit,
  shareDonut,
  type BreakdownPart,
  type ChartModel,
  type ChartText,
  type CustomersTarget,
} from '../charts/chart-kit';

/** One grade of 销售构成分析: the row of its table and the slice of its donut. */
export interface GradeRow extends BreakdownPart {
  previousCents: number;
  lastYearCents: number;
  target: CustomersTarget;
}

function gradeTarget(grade: string, label: string, period: Period, text: ChartText): CustomersTarget {
  return periodTarget({ kind: 'grade', grade }, label, period, text);
}

/** The grades in the dictionary's order, as main gives them, with their labels and colours. */
export function gradeRows(analysis: GradeAnalysis, text: ChartText): GradeRow[] {
  return analysis.groups.map((g, i) => {
    const label = text.labels.of('grade', g.key);
    return {
      ...breakdownPart(g, label, i),
      previousCents: g.previousCents,
      lastYearCents: g.lastYearCents,
      target: gradeTarget(g.key, label, analysis.period, text),
    };
  });
}

/** The donut of each grade's share of sales. */
export function gradeDonut(rows: GradeRow[], text: ChartText): ChartModel {
  return shareDonut(rows, text, { name: text.t('analysis.grade.shareTitle'), legend: true, minShowLabelAngle: 3 });
}

/** This period, the previous one and the same period last year, per grade, as grouped bars. */
export function comparisonBars(analysis: GradeAnalysis, rows: GradeRow[], text: ChartText): ChartModel {
  const periods = [analysis.period, analysis.previous, analysis.lastYear];
  const names = [
    text.t('analysis.compare.current'),
    text.t('analysis.compare.previous'),
    text.t('analysis.compare.lastYear'),
  ];
  const values = (row: GradeRow) => [row.cents, row.previousCents, row.lastYearCents];
  return {
    option: columnsOption(
      text,
      rows.map((r) => r.label),
      { data: names },
      names.map((name, s) => ({
        type: 'bar',
        name,
        barMaxWidth: 28,
        itemStyle: { color: COMPARE_COLORS[s] },
        data: rows.map((row) => values(row)[s]!),
      })),
    ),
    actionAt(hit) {
      const at = seriesHit(hit);
      const row = at ? rows[at.index] : undefined;
      const period = at ? periods[at.series] : undefined;
      return row && period ? { kind: 'customers', target: gradeTarget(row.key, row.label, period, text) } : null;
    },
  };
}

/** The Pareto table: the 80 % point, then the curve at every tenth of the customers. */
export interface ParetoRow {
  customerPercent: number;
  salesShareBp: number;
}

export function paretoRows(analysis: GradeAnalysis): ParetoRow[] {
  return analysis.pareto.points.filter((p) => p.customerPercent % 10 === 0 && p.customerPercent > 0);
}

/** The customers that make 80 % of sales: what the marked part of the curve lists. */
export function pareto80Target(analysis: GradeAnalysis, text: ChartText): CustomersTarget {
  return periodTarget({ kind: 'pareto80' }, text.t('analysis.pareto.top80'), analysis.period, text);
}

/**
 * The Pareto curve: customers ranked by sales, largest first (x: share of customers), against
 * their cumulative share of sales (y). The point where sales reach 80 % is marked, and the part
 * of the curve up to it (those customers) opens their list.
 */
export function paretoCurve(analysis: GradeAnalysis, text: ChartText): ChartModel {
  const { pareto } = analysis;
  const x80 = pareto.customersFor80ShareBp / 100;
  const target = pareto80Target(analysis, text);
  const pointLabel = text.t('analysis.pareto.point', {
    customers: formatShare(pareto.customersFor80ShareBp),
    count: pareto.customersFor80,
  });
  return {
    option: {
      ...baseOption(),
      tooltip: {
        trigger: 'axis',
        formatter: (ps: { data: [number, number] }[]) => {
          const d = ps[0]?.data;
          return d
            ? text.t('analysis.pareto.tooltip', {
                customers: formatShare(d[0] * 100),
                sales: formatShare(Math.round(d[1] * 100)),
              })
            : '';
        },
      },
      grid: { left: 8, right: 24, top: 24, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        name: text.t('analysis.pareto.xAxis'),
        nameLocation: 'middle',
        nameGap: 26,
        axisLabel: { formatter: '{value}%' },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        name: text.t('analysis.pareto.yAxis'),
        nameLocation: 'middle',
        nameGap: 40,
        axisLabel: { formatter: '{value}%' },
        splitLine: { lineStyle: { color: '#e9ecef' } },
      },
      series: [
        {
          type: 'line',
          name: text.t('analysis.pareto.curve'),
          showSymbol: false,
          smooth: false,
          lineStyle: { width: 2, color: '#3b5bdb' },
          areaStyle: { color: 'rgba(59, 91, 219, 0.08)' },
          data: pareto.points.map((p) => [p.customerPercent, p.salesShareBp / 100]),
          markArea:
            pareto.customers > 0
              ? {
                  silent: false,
                  itemStyle: { color: 'rgba(245, 159, 0, 0.12)' },
                  data: [[{ xAxis: 0 }, { xAxis: x80 }]],
                }
              : undefined,
          markLine:
            pareto.customers > 0
              ? {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { type: 'dashed', color: '#e8590c' },
                  label: { show: false },
                  data: [{ yAxis: 80 }, { xAxis: x80 }],
                }
              : undefined,
          markPoint:
            pareto.customers > 0
              ? {
                  symbol: 'circle',
                  symbolSize: 10,
                  itemStyle: { color: '#e8590c' },
                  label: {
                    show: true,
                    // Below and right of the point: under the curve, which rises from there on.
                    position: [10, 8],
                    lineHeight: 15,
                    formatter: pointLabel,
                    color: '#862e05',
                    fontWeight: 'bold',
                    backgroundColor: 'rgba(255,255,255,0.85)',
                    padding: [2, 4],
                  },
                  data: [{ coord: [x80, 80], name: pointLabel }],
                }
              : undefined,
        },
      ],
    },
    actionAt(hit) {
      if (pareto.customers === 0) return null;
      if (hit.componentType === 'markPoint' || hit.componentType === 'markArea') {
        return { kind: 'customers', target };
      }
      const at = seriesHit(hit);
      const point = at ? pareto.points[at.index] : undefined;
      return point && point.customerPercent <= x80 ? { kind: 'customers', target } : null;
    },
  };
}

/** One month of the trend table: the amount of each grade (in the order of the series) and the total. */
export interface TrendRow {
  month: string;
  cells: { cents: number; target: CustomersTarget }[];
  totalCents: number;
}

export interface TrendTable {
  grades: { key: string; label: string; color: string }[];
  rows: TrendRow[];
}

/** The trend as a table: one row per month, one column per grade, the month's total last. */
export function trendTable(trend: TrendAnalysis, gradeOrder: string[], text: ChartText): TrendTable {
  // Colours follow the grade's place in the donut, so one grade has one colour on the whole screen.
  const grades = trend.series.map((s) => {
    const place = gradeOrder.indexOf(s.grade);
    return {
      key: s.grade,
      label: text.labels.of('grade', s.grade),
      color: colorOf(s.grade, place < 0 ? gradeOrder.length : place),
    };
  });
  const rows = trend.months.map((month, m) => {
    const period = monthWithin(month, trend.period);
    return {
      month,
      totalCents: trend.totals[m] ?? 0,
      cells: trend.series.map((s, g) => ({
        cents: s.cents[m] ?? 0,
        target: gradeTarget(s.grade, grades[g]!.label, period, text),
      })),
    };
  });
  return { grades, rows };
}

/** Monthly sales per grade as stacked bars; a bar part lists that grade's customers in that month. */
export function trendBars(table: TrendTable, text: ChartText): ChartModel {
  return {
    option: columnsOption(
      text,
      table.rows.map((r) => r.month),
      { type: 'scroll' },
      table.grades.map((g, s) => ({
        type: 'bar',
        name: g.label,
        stack: 'grade',
        barMaxWidth: 36,
        itemStyle: { color: g.color },
        data: table.rows.map((r) => r.cells[s]!.cents),
      })),
    ),
    actionAt(hit) {
      const at = seriesHit(hit);
      const cell = at ? table.rows[at.index]?.cells[at.series] : undefined;
      return cell ? { kind: 'customers', target: cell.target } : null;
    },
  };
}
