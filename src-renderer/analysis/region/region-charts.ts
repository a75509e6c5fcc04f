import type { RegionAnalysis } from '../../../src-shared/analysis/analysis';
import { formatShare } from '../analysis-format';
import {
  amountAxis,
  baseOption,
  breakdownPart,
  CHART_FONT,
  periodTarget,
  seriesHit,
  shareTooltip,
  type ChartAction,
  type BreakdownPart,
  type ChartModel,
  type ChartText,
} from '../charts/chart-kit';

/** One child region (or the parent's own customers, or those without a region) of 地区构成分析. */
export interface RegionRow extends BreakdownPart {
  /** Drill down into a region with children; list the customers of anything else. */
  action: ChartAction;
  /** The customers of the whole row, also for a region one can drill into. */
  customersAction: ChartAction & { kind: 'customers' };
}

export function regionRows(analysis: RegionAnalysis, text: ChartText): RegionRow[] {
  return analysis.groups.map((g, i) => {
    // The parent's own customers (filed under it, not under a child) are that region exactly.
    const own = analysis.parent !== null && g.key === analysis.parent;
    const label = own
      ? text.t('analysis.region.direct', { region: text.labels.of('region', g.key) })
      : text.labels.of('region', g.key);
    const customersAction = {
      kind: 'customers' as const,
      target: periodTarget(
        own ? { kind: 'region', region: g.key, exact: true } : { kind: 'region', region: g.key },
        label,
        analysis.period,
        text,
      ),
    };
    const drills = g.hasChildren && g.key !== '' && !own;
    return {
      ...breakdownPart(g, label, i),
      action: drills ? { kind: 'drill', region: g.key } : customersAction,
      customersAction,
    };
  });
}

/**
 * Sales by region as horizontal bars in the table's order, each labelled with its share; a region
 * one can drill into is marked › (not on paper, where nothing drills).
 */
export function regionBars(
  rows: RegionRow[],
  text: ChartText,
  options: { drillMarks: boolean } = { drillMarks: true },
): ChartModel {
  // The category axis runs bottom-up: inverse, so the table's first row is the top bar.
  return {
    option: {
      ...baseOption(),
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const row = rows[p.dataIndex]!;
          const hint = row.action.kind === 'drill' ? `<br/>${text.t('analysis.region.drillHint')}` : '';
          return shareTooltip(row, text) + hint;
        },
      },
      grid: { left: 8, right: 72, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: amountAxis(text),
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => (options.drillMarks && r.action.kind === 'drill' ? `${r.label} ›` : r.label)),
        axisLabel: { interval: 0, width: 110, overflow: 'truncate', fontFamily: CHART_FONT },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          name: text.t('analysis.region.chartTitle'),
          barMaxWidth: 26,
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => formatShare(rows[p.dataIndex]!.shareBp),
          },
          data: rows.map((r) => ({ value: r.cents, itemStyle: { color: r.color } })),
        },
      ],
    },
    actionAt(hit) {
      const at = seriesHit(hit);
      return at ? (rows[at.index]?.action ?? null) : null;
    },
  };
}
