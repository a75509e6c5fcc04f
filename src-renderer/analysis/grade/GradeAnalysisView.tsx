import { Stack, Table } from '@mantine/core';
import { useMemo } from 'react';
import type { GradeAnalysis, TrendAnalysis } from '../../../src-shared/analysis/analysis';
import { formatCents } from '../../../src-shared/sales/sales';
import { useI18n } from '../../i18n/I18nProvider';
import { formatChange, formatPeriod, formatShare } from '../analysis-format';
import { AnalysisTable, ChartPanel, ClickableRow, TargetCell } from '../AnalysisParts';
import type { ChartAction, ChartText, CustomersTarget } from '../charts/chart-kit';
import { centsColumn, countColumn, FigureTable, shareColumn, swatchColumn, totalShare } from '../FigureTable';
import { SalesTotal, TabFrame } from '../TabFrame';
import type { TabProps } from '../tab-props';
import { useAnalysis } from '../use-analysis';
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

/** A change against another period, or — where there is nothing to compare with. */
function change(cents: number, before: number): string {
  return formatChange(cents, before) ?? '—';
}

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
          <FigureTable
            testId="grade-share-table"
            rows={rows}
            rowKey={(row) => row.key}
            rowTestId={(row) => `grade:${row.key}`}
            onOpen={(row) => onTarget(row.target)}
            columns={[
              swatchColumn(t('analysis.col.grade')),
              countColumn(t('analysis.col.customers'), 'customers'),
              centsColumn(t('analysis.col.sales'), 'cents'),
              shareColumn(t('analysis.col.share'), 'shareBp'),
            ]}
            total={[
              rows.reduce((n, r) => n + r.customers, 0).toLocaleString(),
              formatCents(grade.totalCents),
              totalShare(grade.totalCents),
            ]}
          />
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
          <FigureTable
            testId="grade-compare-table"
            rows={rows}
            rowKey={(row) => row.key}
            onOpen={(row) => onTarget(row.target)}
            columns={[
              { header: t('analysis.col.grade'), cell: (row) => row.label },
              centsColumn(t('analysis.compare.current'), 'cents'),
              centsColumn(t('analysis.compare.previous'), 'previousCents'),
              {
                header: t('analysis.compare.vsPrevious'),
                figure: true,
                cell: (row) => change(row.cents, row.previousCents),
              },
              centsColumn(t('analysis.compare.lastYear'), 'lastYearCents'),
              {
                header: t('analysis.compare.vsLastYear'),
                figure: true,
                cell: (row) => change(row.cents, row.lastYearCents),
              },
            ]}
            total={[
              formatCents(grade.totalCents),
              formatCents(grade.previousCents),
              change(grade.totalCents, grade.previousCents),
              formatCents(grade.lastYearCents),
              change(grade.totalCents, grade.lastYearCents),
            ]}
          />
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
  const value = grade.value;
  return (
    <TabFrame
      value={value}
      empty={value !== null && value.totalCents === 0 && value.pareto.customers === 0}
      error={grade.error ?? trend.error}
      loading={grade.loading || trend.loading}
      summary={value ? <SalesTotal cents={value.totalCents} testId="grade-total" /> : null}
      request={{ kind: 'grade', period }}
      report={{
        title: t('analysis.print.title.grade'),
        meta: [t('analysis.print.period', { period: formatPeriod(period, t) })],
      }}
      archiveName={archiveName}
      printable={trend.value !== null}
      figures={(shown, act) => <GradeFigures grade={shown} trend={trend.value} text={text} onAction={act} />}
      onAction={onAction}
    />
  );
}
