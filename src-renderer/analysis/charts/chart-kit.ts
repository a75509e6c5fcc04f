import type { EChartsCoreOption } from 'echarts/core';
import type { Period, Segment } from '../../../src-shared/analysis/analysis';
import type { Language } from '../../../src-shared/errors';
import { formatCents } from '../../../src-shared/sales/sales';
import type { Translate } from '../../i18n/I18nProvider';
import { axisAmount, formatPeriod, formatShare, type AnalysisLabels } from '../analysis-format';

/**
 * The pieces every analysis chart shares. Option builders are pure functions of the analysis
 * DTO: each chart and the table beside it come from the same rows, so they cannot disagree,
 * and the unit tests check that they do not.
 */

/** The customers behind one part of a chart or one table row (what `analysis.customers` is asked). */
export interface CustomersTarget {
  segment: Segment;
  period: Period;
  /** What the customer list is titled, e.g. "A 级 · 2025-06-01 至 2026-05-31". */
  title: string;
}

/** The customers of `segment` in `period`, titled "<what> · <period>". */
export function periodTarget(segment: Segment, what: string, period: Period, text: ChartText): CustomersTarget {
  return { segment, period, title: text.t('analysis.target.in', { what, period: formatPeriod(period, text.t) }) };
}

/** What a click on a chart part does: list its customers, or drill down into a region. */
export type ChartAction = { kind: 'customers'; target: CustomersTarget } | { kind: 'drill'; region: string };

/** The parts of an echarts click event the charts react to. */
export interface ChartHit {
  componentType: string;
  seriesIndex?: number;
  dataIndex: number;
  data?: unknown;
}

export interface ChartModel {
  option: EChartsCoreOption;
  /** The action for a click on a part of the chart; null when that part opens nothing. */
  actionAt(hit: ChartHit): ChartAction | null;
}

/** What the builders need to put words on a chart: the reader's language and the dictionary labels. */
export interface ChartText {
  t: Translate;
  language: Language;
  labels: AnalysisLabels;
}

/** The bundled Noto Sans SC first, so Chinese labels render in charts on every PC and on paper. */
export const CHART_FONT = "'Noto Sans SC', -apple-system, 'Segoe UI', 'Microsoft YaHei', sans-serif";

/** Distinct, print-safe colours; '' (not classified) is always grey. */
export const PALETTE = [
  '#3b5bdb',
  '#0ca678',
  '#f59f00',
  '#e03131',
  '#7048e8',
  '#1098ad',
  '#e8590c',
  '#66a80f',
  '#c2255c',
  '#9c36b5',
  '#8f6a3e',
  '#343a40',
] as const;
export const UNCLASSIFIED_COLOR = '#adb5bd';
/** Second and third series of comparison bars (previous period, same period last year). */
export const COMPARE_COLORS = ['#3b5bdb', '#91a7ff', '#ced4da'] as const;

/** The colour of the i-th key of a breakdown; '' keys are grey wherever they stand. */
export function colorOf(key: string, index: number): string {
  return key === '' ? UNCLASSIFIED_COLOR : PALETTE[index % PALETTE.length]!;
}

/** Options shared by every chart: the bundled font and the text colour of the tables. */
export function baseOption(): EChartsCoreOption {
  return {
    textStyle: { fontFamily: CHART_FONT, fontSize: 12, color: '#343a40' },
    animationDuration: 400,
  };
}

/** A value axis of amounts (cents) labelled in 万/亿 (K/M). */
export function amountAxis(text: ChartText, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'value',
    axisLabel: { formatter: (v: number) => axisAmount(v, text.language), fontFamily: CHART_FONT },
    splitLine: { lineStyle: { color: '#e9ecef' } },
    ...extra,
  };
}

/** A category axis whose long labels wrap instead of overlapping their neighbours. */
function categoryAxis(labels: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'category',
    data: labels,
    axisLabel: { interval: 0, width: 84, overflow: 'break', fontFamily: CHART_FONT, hideOverlap: true },
    axisTick: { alignWithLabel: true },
    ...extra,
  };
}

/**
 * Upright bars of amounts, one group per category, under a legend (the grid leaves it room and
 * keeps the wrapped axis labels inside the box); the tooltip gives every series' amount in 元.
 */
export function columnsOption(
  text: ChartText,
  categories: string[],
  legend: Record<string, unknown>,
  series: Record<string, unknown>[],
): EChartsCoreOption {
  return {
    ...baseOption(),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => `${formatCents(v)} ${text.t('analysis.unit.yuan')}`,
    },
    legend: { top: 0, ...legend },
    grid: { left: 8, right: 16, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: categoryAxis(categories),
    yAxis: amountAxis(text),
    series,
  };
}

/** A part of a whole as the tooltips tell it: its name, its amount in 元 and main's share. */
interface SharePart {
  label: string;
  cents: number;
  shareBp: number;
}

export function shareTooltip(part: SharePart, text: ChartText): string {
  return `${part.label}<br/>${formatCents(part.cents)} ${text.t('analysis.unit.yuan')}（${formatShare(part.shareBp)}）`;
}

/** A part of a whole that is a row of its table: its colour and the customers behind it. */
interface ShareRow extends SharePart {
  color: string;
  target: CustomersTarget;
}

/** A part of a breakdown (a grade, a category, a region): main's figures, its name and colour. */
export interface BreakdownPart {
  key: string;
  label: string;
  color: string;
  customers: number;
  cents: number;
  shareBp: number;
}

/** The part as main sent it, coloured by its place in the breakdown. */
export function breakdownPart(
  group: { key: string; customers: number; cents: number; shareBp: number },
  label: string,
  index: number,
): BreakdownPart {
  const { key, customers, cents, shareBp } = group;
  return { key, label, color: colorOf(key, index), customers, cents, shareBp };
}

/** A click on the i-th item of any series lists the customers of the i-th row. */
export function rowCustomers(rows: readonly { target: CustomersTarget }[]): ChartModel['actionAt'] {
  return (hit) => {
    const at = seriesHit(hit);
    const row = at ? rows[at.index] : undefined;
    return row ? { kind: 'customers', target: row.target } : null;
  };
}

/**
 * The rows' shares of a whole as a donut, each slice labelled with main's share (never a
 * recomputed one). With a legend the ring moves up to leave it the bottom.
 */
export function shareDonut(
  rows: ShareRow[],
  text: ChartText,
  { name, legend, minShowLabelAngle }: { name: string; legend: boolean; minShowLabelAngle?: number },
): ChartModel {
  return {
    option: {
      ...baseOption(),
      tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => shareTooltip(rows[p.dataIndex]!, text) },
      ...(legend ? { legend: { bottom: 0, left: 'center', itemWidth: 14, itemHeight: 10 } } : {}),
      series: [
        {
          type: 'pie',
          name,
          radius: legend ? ['36%', '58%'] : ['36%', '60%'],
          center: legend ? ['50%', '45%'] : ['50%', '50%'],
          avoidLabelOverlap: true,
          ...(minShowLabelAngle === undefined ? {} : { minShowLabelAngle }),
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
            // A part without sales stays in the legend and the table but draws no label.
            label: { show: row.cents > 0 },
            labelLine: { show: row.cents > 0 },
          })),
        },
      ],
    },
    actionAt: rowCustomers(rows),
  };
}

/** The index of a clicked data item in a series, or null for clicks on axes, legends and the like. */
export function seriesHit(hit: ChartHit): { series: number; index: number } | null {
  if (hit.componentType !== 'series' || hit.dataIndex < 0) return null;
  return { series: hit.seriesIndex ?? 0, index: hit.dataIndex };
}

/** Every text of an option (names, labels, titles), for loading the font subsets it needs first. */
export function optionText(option: unknown): string {
  const seen = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') seen.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(option);
  return [...seen].join('');
}
