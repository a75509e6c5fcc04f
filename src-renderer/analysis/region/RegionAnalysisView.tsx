import { Anchor, Breadcrumbs, Button, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { RegionAnalysis } from '../../../src-shared/analysis/analysis';
import type { AnalysisRequest } from '../../../src-shared/contracts/analysis';
import { formatCents } from '../../../src-shared/sales/sales';
import { formatPeriod } from '../analysis-format';
import { ChartPanel, usePrintMode } from '../AnalysisParts';
import type { ChartAction, ChartText } from '../charts/chart-kit';
import {
  centsColumn,
  countColumn,
  FigureTable,
  shareColumn,
  Swatch,
  totalShare,
  type FigureColumn,
} from '../FigureTable';
import { SalesTotal, TabFrame } from '../TabFrame';
import type { TabProps } from '../tab-props';
import { useAnalysis } from '../use-analysis';
import { regionBars, regionRows, type RegionRow } from './region-charts';

/** The labels of the drill-down path, top first ("全部地区 › 华北区 › 北京"). */
function pathLabels(analysis: RegionAnalysis, text: ChartText): string[] {
  return [text.t('analysis.region.all'), ...analysis.path.map((code) => text.labels.of('region', code))];
}

/**
 * 地区构成分析 (method 三.3 ③): each child region's share of sales (with its whole subtree).
 * A region with sub-regions drills down; any other lists its customers.
 */
export function RegionFigures({
  analysis,
  text,
  onAction,
}: {
  analysis: RegionAnalysis;
  text: ChartText;
  onAction: (action: ChartAction) => void;
}) {
  const { t } = text;
  const print = usePrintMode();
  const rows = useMemo(() => regionRows(analysis, text), [analysis, text]);
  const bars = useMemo(() => regionBars(rows, text, { drillMarks: !print }), [rows, text, print]);
  // The column of 客户 buttons, for the regions one can drill into (none at the lowest level).
  const withButtons = !print && rows.some((row) => row.action.kind === 'drill');
  const request: AnalysisRequest = { kind: 'region', period: analysis.period, parent: analysis.parent };

  return (
    <ChartPanel
      id="region-share"
      title={t('analysis.region.chartTitle')}
      note={print ? undefined : t('analysis.region.note')}
      model={bars}
      request={request}
      onAction={onAction}
      height={Math.max(240, Math.min(560, rows.length * 38 + 40))}
      table={
        <FigureTable
          testId="region-table"
          rows={rows}
          rowKey={(row) => row.key}
          rowTestId={(row) => `region:${row.key}`}
          onOpen={(row) => onAction(row.action)}
          columns={[
            {
              header: t('analysis.col.region'),
              cell: (row) => (
                <>
                  <Swatch color={row.color} />
                  {row.label}
                  {row.action.kind === 'drill' && !print ? ' ›' : ''}
                </>
              ),
            },
            countColumn(t('analysis.col.customers'), 'customers'),
            centsColumn(t('analysis.col.sales'), 'cents'),
            shareColumn(t('analysis.col.share'), 'shareBp'),
            ...(withButtons ? [customersButtonColumn(t('analysis.region.customers'), onAction)] : []),
          ]}
          total={[
            rows.reduce((n, r) => n + r.customers, 0).toLocaleString(),
            formatCents(analysis.totalCents),
            totalShare(analysis.totalCents),
            null,
          ]}
        />
      }
    />
  );
}

/** 客户 beside each region one can drill into: its whole subtree's customers. */
function customersButtonColumn(label: string, onAction: (action: ChartAction) => void): FigureColumn<RegionRow> {
  return {
    className: 'kd-nowrap',
    cell: (row) =>
      row.action.kind === 'drill' ? (
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={(e) => {
            // The row's own click drills down instead.
            e.stopPropagation();
            onAction(row.customersAction);
          }}
        >
          {label}
        </Button>
      ) : null,
  };
}

/** The 地区构成 tab: the breadcrumb of the drill-down above the regions of the current level. */
export function RegionTab({ period, text, archiveName, onAction }: TabProps) {
  const { t } = text;
  const [parent, setParent] = useState<string | null>(null);
  const region = useAnalysis('analysis.region', { period, parent });
  const value = region.value;
  const path = value ? pathLabels(value, text) : [t('analysis.region.all')];
  const codes: (string | null)[] = [null, ...(value?.path ?? [])];
  const drillOrList = (action: ChartAction) => (action.kind === 'drill' ? setParent(action.region) : onAction(action));

  return (
    <TabFrame
      value={value}
      empty={value !== null && value.totalCents === 0 && value.groups.every((g) => g.customers === 0)}
      error={region.error}
      loading={region.loading}
      controls={
        <Stack gap={2}>
          <Breadcrumbs separator="›" data-testid="region-breadcrumb">
            {path.map((label, i) =>
              i === path.length - 1 ? (
                <Text key={i} fw={700}>
                  {label}
                </Text>
              ) : (
                <Anchor key={i} component="button" type="button" onClick={() => setParent(codes[i] ?? null)}>
                  {label}
                </Anchor>
              ),
            )}
          </Breadcrumbs>
          {value ? <SalesTotal cents={value.totalCents} testId="region-total" dimmed /> : null}
        </Stack>
      }
      request={{ kind: 'region', period, parent }}
      report={{
        title: t('analysis.print.title.region'),
        meta: [
          t('analysis.print.period', { period: formatPeriod(period, t) }),
          t('analysis.print.region', { path: path.join(' › ') }),
        ],
      }}
      archiveName={archiveName}
      figures={(shown, act) => <RegionFigures analysis={shown} text={text} onAction={act} />}
      onAction={drillOrList}
    />
  );
}
