import { Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AnalysisRequest } from '../../src-shared/contracts/analysis';
import type { KedangErrorDto } from '../../src-shared/errors';
import { formatCents } from '../../src-shared/sales/sales';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ExportTableButton } from './AnalysisParts';
import type { ChartAction } from './charts/chart-kit';
import { PrintReportButton } from './print/PrintReportButton';

/** On paper nothing opens: the figures are drawn with clicks that do nothing. */
const noAction = () => undefined;

/**
 * The frame of one analysis tab: its controls and a summary line, 导出表格 and 打印报告 above;
 * the error if the analysis failed; the figures (dimmed while a new answer is calculated), or
 * the reason there is nothing to show. Nothing exports or prints before there is something.
 */
export function TabFrame<T>({
  value,
  empty = false,
  error,
  loading,
  summary,
  controls,
  request,
  report,
  archiveName,
  printable = true,
  figures,
  onAction,
}: {
  /** The analysis shown; null until the first answer. */
  value: T | null;
  /** The analysis found nothing in the period. */
  empty?: boolean;
  error: KedangErrorDto | null;
  loading: boolean;
  summary?: ReactNode;
  controls?: ReactNode;
  /** What main runs again to export the tables and to log the print. */
  request: AnalysisRequest;
  /** The printed report's title and the lines under it. */
  report: { title: string; meta: string[] };
  archiveName: string;
  /** False while a part the printed report needs has not arrived. */
  printable?: boolean;
  figures: (value: T, onAction: (action: ChartAction) => void) => ReactNode;
  onAction: (action: ChartAction) => void;
}) {
  const { t } = useI18n();
  const shown = value !== null && !empty;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group gap="md" align="flex-end">
          {controls}
          {loading ? (
            <Group gap={6}>
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                {t('analysis.loading')}
              </Text>
            </Group>
          ) : (
            summary
          )}
        </Group>
        <Group gap="sm">
          <ExportTableButton request={request} disabled={!shown} />
          <PrintReportButton
            request={request}
            title={report.title}
            meta={report.meta}
            archiveName={archiveName}
            report={() => (value === null ? null : figures(value, noAction))}
            disabled={!shown || !printable}
          />
        </Group>
      </Group>
      <ErrorAlert error={error} />
      {value !== null ? (
        empty ? (
          <Text c="dimmed" py="md" data-testid="analysis-empty-period">
            {t('analysis.empty.period')}
          </Text>
        ) : (
          <div className="kd-an-body" style={{ opacity: loading ? 0.55 : 1 }} aria-busy={loading}>
            {figures(value, onAction)}
          </div>
        )
      ) : null}
    </Stack>
  );
}

/** The period's total sales, above the figures. */
export function SalesTotal({ cents, testId, dimmed = false }: { cents: number; testId: string; dimmed?: boolean }) {
  const { t } = useI18n();
  return (
    <Text size={dimmed ? 'sm' : undefined} c={dimmed ? 'dimmed' : undefined} data-testid={testId}>
      {t('analysis.print.total', { amount: formatCents(cents) })}
    </Text>
  );
}
