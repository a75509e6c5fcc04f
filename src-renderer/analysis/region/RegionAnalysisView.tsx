import { Anchor, Breadcrumbs, Button, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { RegionAnalysis } from '../../../src-shared/analysis/analysis';
import type { AnalysisRequest } from '../../../src-shared/contracts/analysis';
import { formatCents } from '../../../src-shared/sales/sales';
import { formatPeriod, formatShare } from '../analysis-format';
import { AnalysisTable, ChartPanel, ClickableRow, ExportTableButton, TabFrame, usePrintMode } from '../AnalysisParts';
import type { ChartAction, ChartText } from '../charts/chart-kit';
import { PrintReportButton } from '../print/PrintReportButton';
import type { TabProps } from '../tab-props';
import { useAnalysis } from '../use-analysis';
import { regionBars, regionRows } from './region-charts';

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
        <AnalysisTable testId="region-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('analysis.col.region')}</Table.Th>
              <Table.Th className="kd-num">{t('analysis.col.customers')}</Table.Th>
              <Table.Th className="kd-num">{t('analysis.col.sales')}</Table.Th>
              <Table.Th className="kd-num">{t('analysis.col.share')}</Table.Th>
              {withButtons ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <ClickableRow key={row.key} onOpen={() => onAction(row.action)} testId={`region:${row.key}`}>
                <Table.Td>
                  <span className="kd-an-swatch" style={{ background: row.color }} />
                  {row.label}
                  {row.action.kind === 'drill' && !print ? ' ›' : ''}
                </Table.Td>
                <Table.Td className="kd-num">{row.customers.toLocaleString()}</Table.Td>
                <Table.Td className="kd-num">{formatCents(row.cents)}</Table.Td>
                <Table.Td className="kd-num">{formatShare(row.shareBp)}</Table.Td>
                {withButtons ? (
                  <Table.Td className="kd-nowrap">
                    {row.action.kind === 'drill' ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={(e) => {
                          // The row itself drills down; this lists the whole region's customers.
                          e.stopPropagation();
                          onAction(row.customersAction);
                        }}
                      >
                        {t('analysis.region.customers')}
                      </Button>
                    ) : null}
                  </Table.Td>
                ) : null}
              </ClickableRow>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr className="kd-an-total">
              <Table.Th>{t('analysis.total')}</Table.Th>
              <Table.Th className="kd-num">{rows.reduce((n, r) => n + r.customers, 0).toLocaleString()}</Table.Th>
              <Table.Th className="kd-num">{formatCents(analysis.totalCents)}</Table.Th>
              <Table.Th className="kd-num">{formatShare(analysis.totalCents > 0 ? 10_000 : 0)}</Table.Th>
              {withButtons ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Tfoot>
        </AnalysisTable>
      }
    />
  );
}

/** The 地区构成 tab: the breadcrumb of the drill-down above the regions of the current level. */
export function RegionTab({ period, text, archiveName, onAction }: TabProps) {
  const { t } = text;
  const [parent, setParent] = useState<string | null>(null);
  const region = useAnalysis('analysis.region', { period, parent });
  const request: AnalysisRequest = { kind: 'region', period, parent };
  const value = region.value;
  const empty = value !== null && value.totalCents === 0 && value.groups.every((g) => g.customers === 0);
  const path = value ? pathLabels(value, text) : [t('analysis.region.all')];
  const codes: (string | null)[] = [null, ...(value?.path ?? [])];
  const act = (action: ChartAction) => (action.kind === 'drill' ? setParent(action.region) : onAction(action));

  return (
    <TabFrame
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
          {value ? (
            <Text size="sm" c="dimmed" data-testid="region-total">
              {t('analysis.print.total', { amount: formatCents(value.totalCents) })}
            </Text>
          ) : null}
        </Stack>
      }
      actions={
        <>
          <ExportTableButton request={request} disabled={!value || empty} />
          <PrintReportButton
            request={request}
            title={t('analysis.print.title.region')}
            meta={[
              t('analysis.print.period', { period: formatPeriod(period, t) }),
              t('analysis.print.region', { path: path.join(' › ') }),
            ]}
            archiveName={archiveName}
            report={() => (value ? <RegionFigures analysis={value} text={text} onAction={() => undefined} /> : null)}
            disabled={!value || empty}
          />
        </>
      }
      error={region.error}
      loading={region.loading}
      ready={value !== null}
      empty={empty}
    >
      {() => (value ? <RegionFigures analysis={value} text={text} onAction={act} /> : null)}
    </TabFrame>
  );
}
