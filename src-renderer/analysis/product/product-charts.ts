import type { CrossTabBy, Period, ProductAnalysis } from '../../../src-shared/analysis/analysis';
import { formatCents } from '../../../src-shared/sales/sales';
import { formatPeriod, formatShare } from '../analysis-format';
import {
  amountAxis,
  baseOption,
  categoryAxis,
  colorOf,
  seriesHit,
  type ChartModel,
  type ChartText,
  type CustomersTarget,
} from '../charts/chart-kit';

/** One category of 商品构成分析. */
export interface CategoryRow {
  key: string;
  label: string;
  color: string;
  customers: number;
  quantity: number;
  cents: number;
  shareBp: number;
  target: CustomersTarget;
}

/** One product of the catalogue that sold in the period. */
export interface ProductRow {
  productId: number;
  code: string;
  name: string;
  category: string;
  categoryLabel: string;
  customers: number;
  quantity: number;
  cents: number;
  shareBp: number;
  target: CustomersTarget;
}

function target(segment: CustomersTarget['segment'], what: string, period: Period, text: ChartText): CustomersTarget {
  return { segment, period, title: text.t('analysis.target.in', { what, period: formatPeriod(period, text.t) }) };
}

export function categoryRows(analysis: ProductAnalysis, text: ChartText): CategoryRow[] {
  return analysis.categories.map((c, i) => {
    const label = text.labels.category(c.key);
    return {
      key: c.key,
      label,
      color: colorOf(c.key, i),
      customers: c.customers,
      quantity: c.quantity,
      cents: c.cents,
      shareBp: c.shareBp,
      target: target({ kind: 'product', category: c.key }, label, analysis.period, text),
    };
  });
}

export function productRows(analysis: ProductAnalysis, text: ChartText): ProductRow[] {
  return analysis.products.map((p) => ({
    productId: p.productId,
    code: p.code,
    name: p.name,
    category: p.category,
    categoryLabel: text.labels.category(p.category),
    customers: p.customers,
    quantity: p.quantity,
    cents: p.cents,
    shareBp: p.shareBp,
    target: target({ kind: 'product', productId: p.productId }, `${p.code} ${p.name}`, analysis.period, text),
  }));
}

/** Each category's share of sales as a donut. */
export function categoryDonut(rows: CategoryRow[], text: ChartText): ChartModel {
  return {
    option: {
      ...baseOption(),
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const row = rows[p.dataIndex]!;
          return `${row.label}<br/>${formatCents(row.cents)} ${text.t('analysis.unit.yuan')}（${formatShare(row.shareBp)}）`;
        },
      },
      // No legend: there may be many categories, and the table beside names each colour.
      series: [
        {
          type: 'pie',
          name: text.t('analysis.product.categoryTitle'),
          radius: ['36%', '60%'],
          center: ['50%', '50%'],
          avoidLabelOverlap: true,
          minShowLabelAngle: 4,
          label: {
            formatter: (p: { dataIndex: number }) => {
              const row = rows[p.dataIndex]!;
              return `${row.label}\n${formatShare(row.shareBp)}`;
            },
            lineHeight: 16,
          },
          labelLine: { length: 10, length2: 8 },
          data: rows.map((row) => ({
            name: row.label,
            value: row.cents,
            itemStyle: { color: row.color },
            label: { show: row.cents > 0 },
            labelLine: { show: row.cents > 0 },
          })),
        },
      ],
    },
    actionAt(hit) {
      const at = seriesHit(hit);
      const row = at ? rows[at.index] : undefined;
      return row ? { kind: 'customers', target: row.target } : null;
    },
  };
}

/** A node of the product treemap: a category with its products under it. */
export interface TreemapNode {
  id: string;
  name: string;
  value: number;
  itemStyle?: { color: string };
  label?: { show: boolean };
  children?: TreemapNode[];
}

/** Below this share a product's rectangle is too small for a legible label (its tooltip and row still tell). */
const TREEMAP_LABEL_MIN_BP = 150;

/**
 * Products as a treemap grouped by category: each rectangle's area is the product's sales.
 * Products with no sales in the period have no area and are left out of the map (they stay in
 * the table). A product rectangle lists the product's customers, a category header the category's.
 */
export function productTreemap(categories: CategoryRow[], products: ProductRow[], text: ChartText): ChartModel {
  const byId = new Map<string, CustomersTarget>();
  const nodes: TreemapNode[] = categories
    .filter((c) => c.cents > 0)
    .map((c) => {
      byId.set(`c:${c.key}`, c.target);
      return {
        id: `c:${c.key}`,
        name: c.label,
        value: c.cents,
        itemStyle: { color: c.color },
        children: products
          .filter((p) => p.category === c.key && p.cents > 0)
          .map((p) => {
            byId.set(`p:${p.productId}`, p.target);
            return {
              id: `p:${p.productId}`,
              name: p.name,
              value: p.cents,
              label: { show: p.shareBp >= TREEMAP_LABEL_MIN_BP },
            };
          }),
      };
    });
  const shares = new Map(products.map((p) => [`p:${p.productId}`, p.shareBp]));
  for (const c of categories) shares.set(`c:${c.key}`, c.shareBp);
  return {
    option: {
      ...baseOption(),
      tooltip: {
        formatter: (p: { data: TreemapNode }) =>
          `${p.data.name}<br/>${formatCents(p.data.value)} ${text.t('analysis.unit.yuan')}（${formatShare(shares.get(p.data.id) ?? 0)}）`,
      },
      series: [
        {
          type: 'treemap',
          name: text.t('analysis.product.treemapTitle'),
          roam: false,
          nodeClick: false,
          breadcrumb: { show: false },
          top: 4,
          left: 4,
          right: 4,
          bottom: 4,
          upperLabel: { show: true, height: 22, color: '#fff', fontWeight: 'bold' },
          label: {
            formatter: (p: { data: TreemapNode }) => `${p.data.name}\n${formatShare(shares.get(p.data.id) ?? 0)}`,
            overflow: 'truncate',
          },
          levels: [
            { itemStyle: { borderColor: '#fff', borderWidth: 2, gapWidth: 2 } },
            { colorSaturation: [0.35, 0.6], itemStyle: { borderColorSaturation: 0.7, gapWidth: 1, borderWidth: 1 } },
          ],
          data: nodes,
        },
      ],
    },
    actionAt(hit) {
      if (hit.componentType !== 'series') return null;
      const id = (hit.data as Partial<TreemapNode> | undefined)?.id;
      const found = id ? byId.get(id) : undefined;
      return found ? { kind: 'customers', target: found } : null;
    },
  };
}

/** The cross-tab of categories against grades or top-level regions. */
export interface CrossTab {
  by: CrossTabBy;
  columns: { key: string; label: string; cents: number }[];
  rows: {
    key: string;
    label: string;
    color: string;
    cells: { cents: number; shareBp: number; target: CustomersTarget }[];
  }[];
}

export function crossTab(analysis: ProductAnalysis, categories: CategoryRow[], text: ChartText): CrossTab {
  const { by } = analysis.crossTab;
  const columns = analysis.crossTab.columns.map((c) => ({
    key: c.key,
    label: text.labels.of(by, c.key),
    cents: c.cents,
  }));
  const colours = new Map(categories.map((c) => [c.key, c.color]));
  return {
    by,
    columns,
    rows: analysis.crossTab.rows.map((r, i) => {
      const label = text.labels.category(r.category);
      return {
        key: r.category,
        label,
        color: colours.get(r.category) ?? colorOf(r.category, i),
        cells: r.cells.map((cell, c) => {
          const column = columns[c]!;
          return {
            cents: cell.cents,
            shareBp: cell.shareBp,
            target: target(
              { kind: 'product', category: r.category, column: { by, key: column.key } },
              `${label} · ${column.label}`,
              analysis.period,
              text,
            ),
          };
        }),
      };
    }),
  };
}

/** The cross-tab as stacked bars: one bar per grade (region), one colour per category. */
export function crossTabBars(table: CrossTab, text: ChartText): ChartModel {
  return {
    option: {
      ...baseOption(),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => `${formatCents(v)} ${text.t('analysis.unit.yuan')}`,
      },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: categoryAxis(table.columns.map((c) => c.label)),
      yAxis: amountAxis(text),
      series: table.rows.map((row) => ({
        type: 'bar',
        name: row.label,
        stack: 'category',
        barMaxWidth: 48,
        itemStyle: { color: row.color },
        data: row.cells.map((c) => c.cents),
      })),
    },
    actionAt(hit) {
      const at = seriesHit(hit);
      const cell = at ? table.rows[at.series]?.cells[at.index] : undefined;
      return cell ? { kind: 'customers', target: cell.target } : null;
    },
  };
}
