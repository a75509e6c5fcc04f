import { Alert, Paper, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { formatCents, type SalesImportReport } from '../../src-shared/sales/sales';
import type { StringKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nProvider';
import { formatDateTime } from '../ui/format';

/**
 * What a check found (or an import did): rows, accepted rows, the total to
 * the cent, customers, new products, the date range, the warning when the
 * very same file was imported before, and every rejected row's reasons.
 */
export function SalesReportView({ report }: { report: SalesImportReport }) {
  const { t } = useI18n();
  const stats: [string, StringKey, string | number, string][] = [
    ['totalRows', 'sales.stat.total', report.totalRows, 'dark'],
    ['acceptedRows', 'sales.stat.accepted', report.acceptedRows, 'green'],
    ['rejectedCount', 'sales.stat.rejected', report.rejectedCount, 'red'],
    ['acceptedCents', 'sales.stat.amount', formatCents(report.acceptedCents), 'indigo'],
    ['customers', 'sales.stat.customers', report.customers, 'indigo'],
    ...(report.kind === 'sales'
      ? [['newProducts', 'sales.stat.newProducts', report.newProducts, 'indigo'] as [string, StringKey, number, string]]
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
      <SimpleGrid cols={stats.length} spacing="sm" data-testid="sales-counts">
        {stats.map(([key, label, value, color]) => (
          <Paper key={key} withBorder radius="sm" p="sm" data-stat={key}>
            <Text size="xs" c="dimmed">
              {t(label)}
            </Text>
            <Text
              size="xl"
              fw={700}
              c={value !== 0 && value !== '0.00' ? color : 'dimmed'}
              data-value
              className="kd-nowrap"
            >
              {value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="sm" data-testid="sales-date-range">
        {report.firstDate && report.lastDate
          ? t('sales.dateRange', { from: report.firstDate, to: report.lastDate })
          : t('sales.noDates')}
      </Text>
      <div>
        <Text fw={500} size="sm" mb={6}>
          {t('sales.rejectedTitle', { n: report.rejectedCount })}
        </Text>
        {report.rejectedCount === 0 ? (
          <Text size="sm" c="dimmed">
            {t('sales.noRejected')}
          </Text>
        ) : (
          <>
            <ScrollArea.Autosize mah={260} type="auto">
              <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="sales-rejected">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={80}>{t('sales.rowNo')}</Table.Th>
                    <Table.Th>{t('sales.reasons')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.rejected.map((r) => (
                    <Table.Tr key={r.row} data-row={r.row}>
                      <Table.Td className="kd-mono">{r.row}</Table.Td>
                      <Table.Td c="red.8">{r.reasons.join(t('sales.reasonSeparator'))}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
            {report.rejected.length < report.rejectedCount ? (
              <Text size="xs" c="dimmed" mt={4}>
                {t('sales.rejectedMore', { shown: report.rejected.length, total: report.rejectedCount })}
              </Text>
            ) : null}
          </>
        )}
      </div>
    </Stack>
  );
}
