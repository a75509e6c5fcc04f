import { Alert, Stack, Text } from '@mantine/core';
import { formatCents, type SalesImportReport } from '../../src-shared/sales/sales';
import { useI18n } from '../i18n/I18nProvider';
import { ImportCountBoxes, type ImportCount } from '../spreadsheet-import/ImportCountBoxes';
import { RejectedRowsList } from '../spreadsheet-import/RejectedRowsList';
import { formatDateTime } from '../ui/format';

/**
 * What a check found (or an import did): rows, accepted rows, the total to
 * the cent, customers, new products, the date range, the warning when the
 * very same file was imported before, and every rejected row's reasons.
 */
export function SalesReportView({ report }: { report: SalesImportReport }) {
  const { t } = useI18n();
  const counts: ImportCount[] = [
    { stat: 'totalRows', label: 'sales.stat.total', value: report.totalRows, color: 'dark' },
    { stat: 'acceptedRows', label: 'sales.stat.accepted', value: report.acceptedRows, color: 'green' },
    { stat: 'rejectedCount', label: 'sales.stat.rejected', value: report.rejectedCount, color: 'red' },
    {
      stat: 'acceptedCents',
      label: 'sales.stat.amount',
      value: report.acceptedCents,
      shown: formatCents(report.acceptedCents),
      color: 'indigo',
    },
    { stat: 'customers', label: 'sales.stat.customers', value: report.customers, color: 'indigo' },
    ...(report.kind === 'sales'
      ? [{ stat: 'newProducts', label: 'sales.stat.newProducts', value: report.newProducts, color: 'indigo' } as const]
      : []),
  ];
  return (
    <Stack gap="md">
      {report.alreadyImported ? (
        <Alert color="orange" variant="light" title={t('sales.alreadyTitle')} data-testid="sales-already-imported">
          {t('sales.already', {
            at: formatDateTime(report.alreadyImported.at),
            by: report.alreadyImported.by,
            id: report.alreadyImported.importId,
          })}
        </Alert>
      ) : null}
      <ImportCountBoxes importer="sales" counts={counts} />
      <Text size="sm" data-testid="sales-date-range">
        {report.firstDate && report.lastDate
          ? t('sales.dateRange', { from: report.firstDate, to: report.lastDate })
          : t('sales.noDates')}
      </Text>
      <RejectedRowsList importer="sales" report={report} maxHeight={260} reasonSeparator={t('sales.reasonSeparator')} />
    </Stack>
  );
}
