import { Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { GradeAnalysis, TrendAnalysis } from '../../../src-shared/analysis/analysis';
import type { AnalysisRequest } from '../../../src-shared/contracts/analysis';
import { formatCents } from '../../../src-shared/sales/sales';
import { useI18n } from '../../i18n/I18nProvider';
import { formatChange, formatPeriod, formatShare } from '../analysis-format';
import { AnalysisTable, ChartPanel, ClickableRow, ExportTableButton, TabFrame, TargetCell } from '../AnalysisParts';
import { PrintReportButton } from '../print/PrintReportButton';
import type { TabProps } from '../tab-props';
import { useAnalysis } from '../use-analysis';
import type { ChartAction, ChartText, CustomersTarget } from '../charts/chart-kit';
import {
  comparisonBars,
  gradeDonut,
  gradeRows,
  pareto80Target,
  paretoCurve,
  paretoRows,
  trendBars,
  trendTable,
} from './grade-charts';

/**
 * 销售构成分析 (method 三.3 ①): each grade's share of sales, the Pareto curve of customers, the
 * period comparison and the monthly trend per grade. Used on screen and, unchanged, in the
 * printed report.
 */
export function GradeFigures({
  grade,
  trend,
  text,
  onAction,
}: {
  grade: GradeAnalysis;
  trend: TrendAnalysis | null;
  text: ChartText;
  onAction: (action: ChartAction) => void;
}) {
  const { t } = text;
  const onTarget = (target: CustomersTarget) => onAction({ kind: 'customers', target });
  const rows = useMemo(() => gradeRows(grade, text), [grade, text]);
  const donut = useMemo(() => gradeDonut(rows, text), [rows, text]);
  const compare = useMemo(() => comparisonBars(grade, rows, text), [grade, rows, text]);
  const pareto = useMemo(() => paretoCurve(grade, text), [grade, text]);
  const points = useMemo(() => paretoRows(grade), [grade]);
  const trendData = useMemo(
    () =>
      trend
        ? trendTable(
            trend,
            rows.map((r) => r.key),
            text,
          )
        : null,
    [trend, rows, text],
  );
  const trendModel = useMemo(() => (trendData ? trendBars(trendData, text) : null), [trendData, text]);
  const gradeRequest = { kind: 'grade' as const, period: grade.period };

  return (
    <Stack gap="lg">
      <ChartPanel
        id="grade-share"
        title={t('analysis.grade.shareTitle')}
        model={donut}
        request={gradeRequest}
        onAction={onAction}
        table={
          <AnalysisTable testId="grade-share-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('analysis.col.grade')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.col.customers')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.col.sales')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.col.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <ClickableRow key={row.key} onOpen={() => onTarget(row.target)} testId={`grade:${row.key}`}>
                  <Table.Td>
                    <span className="kd-an-swatch" style={{ background: row.color }} />
                    {row.label}
                  </Table.Td>
                  <Table.Td className="kd-num">{row.customers.toLocaleString()}</Table.Td>
                  <Table.Td className="kd-num">{formatCents(row.cents)}</Table.Td>
                  <Table.Td className="kd-num">{formatShare(row.shareBp)}</Table.Td>
                </ClickableRow>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr className="kd-an-total">
                <Table.Th>{t('analysis.total')}</Table.Th>
                <Table.Th className="kd-num">{rows.reduce((n, r) => n + r.customers, 0).toLocaleString()}</Table.Th>
                <Table.Th className="kd-num">{formatCents(grade.totalCents)}</Table.Th>
                <Table.Th className="kd-num">{formatShare(grade.totalCents > 0 ? 10_000 : 0)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </AnalysisTable>
        }
      />

      <ChartPanel
        id="grade-pareto"
        title={t('analysis.grade.paretoTitle')}
        model={pareto}
        request={gradeRequest}
        onAction={onAction}
        table={
          <AnalysisTable testId="grade-pareto-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th className="kd-num">{t('analysis.pareto.colCustomers')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.pareto.colSales')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>{t('analysis.pareto.withSales')}</Table.Td>
                <Table.Td className="kd-num">{grade.pareto.customers.toLocaleString()}</Table.Td>
                <Table.Td className="kd-num">{formatShare(grade.pareto.customers > 0 ? 10_000 : 0)}</Table.Td>
              </Table.Tr>
              <ClickableRow
                onOpen={grade.pareto.customers > 0 ? () => onTarget(pareto80Target(grade, text)) : null}
                testId="pareto80"
              >
                <Table.Td fw={700}>
                  {t('analysis.pareto.top80Count', { count: grade.pareto.customersFor80.toLocaleString() })}
                </Table.Td>
                <Table.Td className="kd-num" fw={700}>
                  {formatShare(grade.pareto.customersFor80ShareBp)}
                </Table.Td>
                <Table.Td className="kd-num" fw={700}>
                  {formatShare(grade.pareto.customers > 0 ? 8_000 : 0)}
                </Table.Td>
              </ClickableRow>
              {points.map((p) => (
                <Table.Tr key={p.customerPercent}>
                  <Table.Td>{t('analysis.pareto.top', { percent: `${p.customerPercent}%` })}</Table.Td>
                  <Table.Td className="kd-num">{formatShare(p.customerPercent * 100)}</Table.Td>
                  <Table.Td className="kd-num">{formatShare(p.salesShareBp)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </AnalysisTable>
        }
      />

      <ChartPanel
        id="grade-compare"
        title={t('analysis.grade.compareTitle')}
        note={t('analysis.compare.periods', {
          current: formatPeriod(grade.period, t),
          previous: formatPeriod(grade.previous, t),
          lastYear: formatPeriod(grade.lastYear, t),
        })}
        model={compare}
        request={gradeRequest}
        onAction={onAction}
        layout="below"
        height={300}
        table={
          <AnalysisTable testId="grade-compare-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('analysis.col.grade')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.compare.current')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.compare.previous')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.compare.vsPrevious')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.compare.lastYear')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.compare.vsLastYear')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <ClickableRow key={row.key} onOpen={() => onTarget(row.target)}>
                  <Table.Td>{row.label}</Table.Td>
                  <Table.Td className="kd-num">{formatCents(row.cents)}</Table.Td>
                  <Table.Td className="kd-num">{formatCents(row.previousCents)}</Table.Td>
                  <Table.Td className="kd-num">{formatChange(row.cents, row.previousCents) ?? '—'}</Table.Td>
                  <Table.Td className="kd-num">{formatCents(row.lastYearCents)}</Table.Td>
                  <Table.Td className="kd-num">{formatChange(row.cents, row.lastYearCents) ?? '—'}</Table.Td>
                </ClickableRow>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr className="kd-an-total">
                <Table.Th>{t('analysis.total')}</Table.Th>
                <Table.Th className="kd-num">{formatCents(grade.totalCents)}</Table.Th>
                <Table.Th className="kd-num">{formatCents(grade.previousCents)}</Table.Th>
                <Table.Th className="kd-num">{formatChange(grade.totalCents, grade.previousCents) ?? '—'}</Table.Th>
                <Table.Th className="kd-num">{formatCents(grade.lastYearCents)}</Table.Th>
                <Table.Th className="kd-num">{formatChange(grade.totalCents, grade.lastYearCents) ?? '—'}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </AnalysisTable>
        }
      />

      {trendData && trendModel && trend ? (
        <ChartPanel
          id="grade-trend"
          title={t('analysis.grade.trendTitle')}
          model={trendModel}
          request={{ kind: 'trend', period: trend.period }}
          onAction={onAction}
          layout="below"
          height={320}
          table={<TrendTableView table={trendData} onTarget={onTarget} />}
        />
      ) : null}
    </Stack>
  );
}

function TrendTableView({
  table,
  onTarget,
}: {
  table: ReturnType<typeof trendTable>;
  onTarget: (target: CustomersTarget) => void;
}) {
  const { t } = useI18n();
  return (
    <AnalysisTable testId="grade-trend-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('analysis.trend.month')}</Table.Th>
          {table.grades.map((g) => (
            <Table.Th key={g.key} className="kd-num">
              {g.label}
            </Table.Th>
          ))}
          <Table.Th className="kd-num">{t('analysis.total')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.rows.map((row) => (
          <Table.Tr key={row.month}>
            <Table.Td className="kd-nowrap">{row.month}</Table.Td>
            {row.cells.map((cell, i) => (
              <TargetCell key={table.grades[i]!.key} target={cell.target} onTarget={onTarget}>
                {formatCents(cell.cents)}
              </TargetCell>
            ))}
            <Table.Td className="kd-num" fw={500}>
              {formatCents(row.totalCents)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </AnalysisTable>
  );
}

/** The 销售构成 tab: the grade analysis and the monthly trend of the chosen period. */
export function GradeTab({ period, text, archiveName, onAction }: TabProps) {
  const { t } = text;
  const grade = useAnalysis('analysis.grade', { period });
  const trend = useAnalysis('analysis.trend', { period });
  const request: AnalysisRequest = { kind: 'grade', period };
  const value = grade.value;
  const empty = value !== null && value.totalCents === 0 && value.pareto.customers === 0;
  const figures = (act: (action: ChartAction) => void) =>
    value ? <GradeFigures grade={value} trend={trend.value} text={text} onAction={act} /> : null;
  return (
    <TabFrame
      summary={
        value ? (
          <Text data-testid="grade-total">{t('analysis.print.total', { amount: formatCents(value.totalCents) })}</Text>
        ) : null
      }
      actions={
        <>
          <ExportTableButton request={request} disabled={!value || empty} />
          <PrintReportButton
            request={request}
            title={t('analysis.print.title.grade')}
            meta={[t('analysis.print.period', { period: formatPeriod(period, t) })]}
            archiveName={archiveName}
            report={() => figures(() => undefined)}
            disabled={!value || empty || trend.value === null}
          />
        </>
      }
      error={grade.error ?? trend.error}
      loading={grade.loading || trend.loading}
      ready={value !== null}
      empty={empty}
    >
      {() => figures(onAction)}
    </TabFrame>
  );
}
