import { describe, expect, it } from 'vitest';
import { formatShare } from '../../src-renderer/analysis/analysis-format';
import {
  COMPARE_COLORS,
  PALETTE,
  UNCLASSIFIED_COLOR,
  type ChartModel,
} from '../../src-renderer/analysis/charts/chart-kit';
import {
  ageingDonut,
  ageingRows,
  asOfPeriod,
  creditGradeRows,
  limitBars,
  overLimitTarget,
} from '../../src-renderer/analysis/credit/credit-charts';
import {
  comparisonBars,
  gradeDonut,
  gradeRows,
  paretoCurve,
  paretoRows,
  trendBars,
  trendTable,
} from '../../src-renderer/analysis/grade/grade-charts';
import {
  categoryDonut,
  categoryRows,
  crossTab,
  crossTabBars,
  productRows,
  productTreemap,
  type TreemapNode,
} from '../../src-renderer/analysis/product/product-charts';
import { regionBars, regionRows } from '../../src-renderer/analysis/region/region-charts';
import {
  chartText,
  creditAnalysis,
  gradeAnalysis,
  PERIOD,
  productAnalysis,
  regionAnalysis,
  trendAnalysis,
} from './analysis-fixtures';

/** The parts of a built series the tests read. */
interface Series {
  name?: string;
  data: unknown[];
  label?: { formatter?: (p: { dataIndex: number }) => string };
  markPoint?: { data: { coord: [number, number] }[] };
  markLine?: { data: unknown[] };
}
const seriesOf = (model: ChartModel) => model.option.series as Series[];
const values = (s: Series) => s.data.map((d) => (typeof d === 'object' && d && 'value' in d ? d.value : d));
const click = (model: ChartModel, seriesIndex: number, dataIndex: number, componentType = 'series') =>
  model.actionAt({ componentType, seriesIndex, dataIndex });

const text = chartText();

describe('the sales-by-grade charts', () => {
  const analysis = gradeAnalysis();
  const rows = gradeRows(analysis, text);

  it('keeps main’s grades, order and shares in the table rows', () => {
    expect(rows.map((r) => r.key)).toEqual(['A', 'B', 'C', '']);
    expect(rows.map((r) => r.label)).toEqual(['A 级', 'B 级', 'C 级', '未分级']);
    expect(rows.map((r) => r.shareBp)).toEqual(analysis.groups.map((g) => g.shareBp));
    expect(rows.map((r) => r.color)).toEqual([PALETTE[0], PALETTE[1], PALETTE[2], UNCLASSIFIED_COLOR]);
  });

  it('draws the donut from exactly the table’s rows and labels each slice with main’s share', () => {
    const donut = gradeDonut(rows, text);
    const [series] = seriesOf(donut);
    expect(values(series!)).toEqual(rows.map((r) => r.cents));
    expect(series!.data.map((d) => (d as { name: string }).name)).toEqual(rows.map((r) => r.label));
    rows.forEach((row, i) => {
      expect(series!.label!.formatter!({ dataIndex: i })).toBe(`${row.label}\n${formatShare(row.shareBp)}`);
      expect(click(donut, 0, i)).toEqual({ kind: 'customers', target: row.target });
    });
    expect(rows[0]!.target).toEqual({
      segment: { kind: 'grade', grade: 'A' },
      period: PERIOD,
      title: 'A 级 · 2025-06-01 至 2026-05-14',
    });
    // A grade without sales keeps its row but draws no label.
    expect((series!.data[2] as { label: { show: boolean } }).label.show).toBe(false);
    // Clicks outside the slices open nothing.
    expect(donut.actionAt({ componentType: 'legend', dataIndex: -1 })).toBeNull();
  });

  it('compares each grade with the previous period and last year, a bar listing that period’s customers', () => {
    const bars = comparisonBars(analysis, rows, text);
    const series = seriesOf(bars);
    expect(series.map((s) => s.name)).toEqual(['本期', '上期', '去年同期']);
    expect(values(series[0]!)).toEqual(rows.map((r) => r.cents));
    expect(values(series[1]!)).toEqual(rows.map((r) => r.previousCents));
    expect(values(series[2]!)).toEqual(rows.map((r) => r.lastYearCents));
    expect(series.map((s) => (s as { itemStyle?: { color: string } }).itemStyle?.color)).toEqual([...COMPARE_COLORS]);
    const previous = click(bars, 1, 1);
    expect(previous).toMatchObject({
      kind: 'customers',
      target: { segment: { kind: 'grade', grade: 'B' }, period: analysis.previous },
    });
    expect(click(bars, 2, 0)).toMatchObject({ target: { period: analysis.lastYear } });
  });

  it('draws the Pareto curve from main’s points and marks where sales reach 80 %', () => {
    const model = paretoCurve(analysis, text);
    const [series] = seriesOf(model);
    expect(series!.data).toEqual(analysis.pareto.points.map((p) => [p.customerPercent, p.salesShareBp / 100]));
    expect(series!.markPoint!.data[0]!.coord).toEqual([33.33, 80]);
    expect(series!.markLine!.data).toEqual([{ yAxis: 80 }, { xAxis: 33.33 }]);
    const pareto80 = { kind: 'customers', target: { segment: { kind: 'pareto80' }, period: PERIOD } };
    expect(model.actionAt({ componentType: 'markPoint', seriesIndex: 0, dataIndex: 0 })).toMatchObject(pareto80);
    expect(model.actionAt({ componentType: 'markArea', seriesIndex: 0, dataIndex: 0 })).toMatchObject(pareto80);
    // On the curve: up to the marked point it is those customers; beyond it, nothing.
    expect(click(model, 0, 20)).toMatchObject(pareto80);
    expect(click(model, 0, 50)).toBeNull();
    // The table beside: every tenth of the customers, as main computed it.
    expect(paretoRows(analysis).map((r) => r.customerPercent)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(paretoRows(analysis)[9]!.salesShareBp).toBe(10_000);
  });

  it('marks nothing when no customer bought in the period', () => {
    const empty = { ...analysis, pareto: { customers: 0, customersFor80: 0, customersFor80ShareBp: 0, points: [] } };
    const model = paretoCurve(empty, text);
    expect(seriesOf(model)[0]!.markPoint).toBeUndefined();
    expect(model.actionAt({ componentType: 'markPoint', seriesIndex: 0, dataIndex: 0 })).toBeNull();
  });

  it('stacks the monthly trend per grade from the table, a bar part listing that grade in that month', () => {
    const trend = trendAnalysis();
    const table = trendTable(
      trend,
      rows.map((r) => r.key),
      text,
    );
    expect(table.grades.map((g) => g.label)).toEqual(['B 级', 'A 级', '未分级']);
    // One grade, one colour on the whole screen: A is first in the donut.
    expect(table.grades.map((g) => g.color)).toEqual([PALETTE[1], PALETTE[0], UNCLASSIFIED_COLOR]);
    expect(table.rows.map((r) => r.totalCents)).toEqual(trend.totals);
    const bars = trendBars(table, text);
    const series = seriesOf(bars);
    series.forEach((s, g) => {
      expect(values(s)).toEqual(trend.series[g]!.cents);
      expect(values(s)).toEqual(table.rows.map((r) => r.cells[g]!.cents));
    });
    // The first month is cut to the period's first day.
    expect(click(bars, 1, 0)).toEqual({ kind: 'customers', target: table.rows[0]!.cells[1]!.target });
    expect(table.rows[0]!.cells[1]!.target).toMatchObject({
      segment: { kind: 'grade', grade: 'A' },
      period: { from: '2025-06-15', to: '2025-06-30' },
    });
  });
});

describe('the product charts', () => {
  const analysis = productAnalysis();
  const categories = categoryRows(analysis, text);
  const products = productRows(analysis, text);

  it('draws the category donut from the table rows', () => {
    const donut = categoryDonut(categories, text);
    const [series] = seriesOf(donut);
    expect(values(series!)).toEqual(analysis.categories.map((c) => c.cents));
    expect(categories.map((c) => c.label)).toEqual(['茶叶', '未分类']);
    expect(click(donut, 0, 1)).toEqual({
      kind: 'customers',
      target: expect.objectContaining({ segment: { kind: 'product', category: '' } }),
    });
  });

  it('maps every product with sales under its category, and a click to its product or category', () => {
    const model = productTreemap(categories, products, text);
    const nodes = seriesOf(model)[0]!.data as TreemapNode[];
    expect(nodes.map((n) => [n.id, n.value])).toEqual([
      ['c:茶叶', 750_00],
      ['c:', 250_00],
    ]);
    expect(nodes[0]!.children!.map((n) => [n.id, n.value])).toEqual([
      ['p:7', 500_00],
      ['p:3', 250_00],
    ]);
    // Too small a rectangle for a label draws none.
    expect(nodes[0]!.children!.map((n) => n.label?.show)).toEqual([true, true]);
    // The products' areas add up to their category's.
    for (const node of nodes) expect(node.children!.reduce((n, c) => n + c.value, 0)).toBe(node.value);
    expect(model.actionAt({ componentType: 'series', dataIndex: 3, data: { id: 'p:3' } })).toEqual({
      kind: 'customers',
      target: products[1]!.target,
    });
    expect(products[1]!.target.segment).toEqual({ kind: 'product', productId: 3 });
    expect(model.actionAt({ componentType: 'series', dataIndex: 1, data: { id: 'c:茶叶' } })).toEqual({
      kind: 'customers',
      target: categories[0]!.target,
    });
    expect(model.actionAt({ componentType: 'series', dataIndex: 0, data: {} })).toBeNull();
  });

  it('stacks the cross-tab by column, one series per category, each part that category in that column', () => {
    const table = crossTab(analysis, categories, text);
    expect(table.columns.map((c) => c.label)).toEqual(['A 级', 'B 级']);
    const bars = crossTabBars(table, text);
    const series = seriesOf(bars);
    expect(series.map((s) => s.name)).toEqual(['茶叶', '未分类']);
    series.forEach((s, r) => expect(values(s)).toEqual(analysis.crossTab.rows[r]!.cells.map((c) => c.cents)));
    // The cells' shares are main's, per column.
    expect(table.rows.map((r) => r.cells.map((c) => c.shareBp))).toEqual(
      analysis.crossTab.rows.map((r) => r.cells.map((c) => c.shareBp)),
    );
    expect(click(bars, 1, 0)).toMatchObject({
      target: { segment: { kind: 'product', category: '', column: { by: 'grade', key: 'A' } } },
    });
  });
});

describe('the region chart', () => {
  it('drills into a region with sub-regions and lists the customers of any other', () => {
    const top = regionAnalysis(null);
    const rows = regionRows(top, text);
    expect(rows.map((r) => r.label)).toEqual(['华北区', '华东区', '未划分地区']);
    expect(rows.map((r) => r.action.kind)).toEqual(['drill', 'customers', 'customers']);
    const bars = regionBars(rows, text);
    expect(values(seriesOf(bars)[0]!)).toEqual(top.groups.map((g) => g.cents));
    expect(click(bars, 0, 0)).toEqual({ kind: 'drill', region: 'HB' });
    const axisLabels = (model: ChartModel) => (model.option.yAxis as { data: string[] }).data;
    expect(axisLabels(bars)).toEqual(['华北区 ›', '华东区', '未划分地区']);
    expect(axisLabels(regionBars(rows, text, { drillMarks: false }))).toEqual(['华北区', '华东区', '未划分地区']);
    expect(click(bars, 0, 2)).toMatchObject({ target: { segment: { kind: 'region', region: '' } } });
    // A region one can drill into can still list all of its customers.
    expect(rows[0]!.customersAction.target.segment).toEqual({ kind: 'region', region: 'HB' });
    expect(rows[1]!.customersAction.target.segment).toEqual({ kind: 'region', region: 'HD' });
  });

  it('names the customers filed under the parent itself and lists them rather than drilling again', () => {
    const rows = regionRows(regionAnalysis('HB'), text);
    expect(rows.map((r) => r.label)).toEqual(['北京', '华北区（直属客户）']);
    expect(rows[1]!.action).toMatchObject({
      kind: 'customers',
      target: { segment: { kind: 'region', region: 'HB', exact: true } },
    });
    expect(rows[0]!.action).toMatchObject({ target: { segment: { kind: 'region', region: 'BJ' } } });
  });
});

describe('the credit charts', () => {
  const analysis = creditAnalysis();

  it('draws limit against outstanding per credit grade from the table rows, on the as-of date', () => {
    const rows = creditGradeRows(analysis, text);
    const bars = limitBars(rows, text);
    const [limits, outstanding] = seriesOf(bars);
    expect(values(limits!)).toEqual(analysis.byCreditGrade.map((g) => g.limitCents));
    expect(values(outstanding!)).toEqual(analysis.byCreditGrade.map((g) => g.outstandingCents));
    expect(rows.map((r) => r.label)).toEqual(['AAA', 'B', '无信用等级']);
    expect(click(bars, 1, 1)).toEqual({
      kind: 'customers',
      target: {
        segment: { kind: 'creditGrade', creditGrade: 'B' },
        period: { from: '2026-05-14', to: '2026-05-14' },
        title: 'B · 截至 2026-05-14',
      },
    });
    expect(rows[0]!.terms).toMatchObject({ paymentDays: 90 });
  });

  it('draws the ageing donut from the four buckets with main’s shares', () => {
    const rows = ageingRows(analysis, text);
    expect(rows.map((r) => r.label)).toEqual(['0–30 天', '31–60 天', '61–90 天', '90 天以上']);
    const donut = ageingDonut(rows, text);
    const [series] = seriesOf(donut);
    expect(values(series!)).toEqual(analysis.ageing.map((a) => a.cents));
    expect(series!.label!.formatter!({ dataIndex: 3 })).toBe(`90 天以上\n${formatShare(analysis.ageing[3]!.shareBp)}`);
    expect(click(donut, 0, 3)).toMatchObject({ target: { segment: { kind: 'ageing', bucket: '90+' } } });
    expect(overLimitTarget(analysis, text)).toEqual({
      segment: { kind: 'overLimit' },
      period: asOfPeriod('2026-05-14'),
      title: '超过信用额度的客户 · 截至 2026-05-14',
    });
  });
});
