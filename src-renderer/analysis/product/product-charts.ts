import type { CrossTabBy, ProductAnalysis } from '../../../src-shared/analysis/analysis';
import { formatShare } from '../analysis-format';
import {
  baseOption,
  breakdownPart,
  colorOf,
  columnsOption,
  periodTarget,
  seriesHit,
  shareDonut,
  shareTooltip,
  type BreakdownPart,
  type ChartModel,
  type ChartText,
  type CustomersTarget,
} from '../charts/chart-kit';

/** One category of 商品构成分析. */
export interface CategoryRow extends BreakdownPart {
  quantity: number;
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

export function categoryRows(analysis: ProductAnalysis, text: ChartText): CategoryRow[] {
  return analysis.categories.map((c, i) => {
    const label = text.labels.category(c.key);
    return {
      ...breakdownPart(c, label, i),
      quantity: c.quantity,
      target: periodTarget({ kind: 'product', category: c.key }, label, analysis.period, text),
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
    target: periodTarget({ kind: 'product', productId: p.productId }, `${p.code} ${p.name}`, analysis.period, text),
  }));
}

/** Each category's share of sales as a donut. */
export function categoryDonut(rows: CategoryRow[], text: ChartText): ChartModel {
  // No legend: there may be many categories, and the table beside names each colour.
  return shareDonut(rows, text, {
    name: text.t('analysis.product.categoryTitle'),
    legend: false,
    minShowLabelAngle: 4,
  });
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
          shareTooltip({ label: p.data.name, cents: p.data.value, shareBp: shares.get(p.data.id) ?? 0 }, text),
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
            target: periodTarget(
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
    option: columnsOption(
      text,
      table.columns.map((c) => c.label),
      { type: 'scroll' },
      table.rows.map((row) => ({
        type: 'bar',
        name: row.label,
        stack: 'category',
        barMaxWidth: 48,
        itemStyle: { color: row.color },
        data: row.cells.map((c) => c.cents),
      })),
    ),
    actionAt(hit) {
      const at = seriesHit(hit);
      const cell = at ? table.rows[at.series]?.cells[at.index] : undefined;
      return cell ? { kind: 'customers', target: cell.target } : null;
    },
  };
}
