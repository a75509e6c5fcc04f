import { Badge, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatCents, type SalesImportDto } from '../../src-shared/sales/sales';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';

/** 导入记录: every imported file, newest first, with its lines, total and date range. */
export function SalesImportHistory({ version }: { version: number }) {
  const { t } = useI18n();
  const action = useAction();
  const [imports, setImports] = useState<SalesImportDto[] | null>(null);
  const { run } = action;

  useEffect(() => {
    void run('sales.imports', {}).then((value) => {
      if (value) setImports(value);
    });
  }, [run, version]);

  if (!imports) return <ErrorAlert error={action.error} />;
  if (imports.length === 0) {
    return (
      <Paper withBorder radius="md" p="xl" data-testid="sales-history-empty">
        <Text c="dimmed" ta="center">
          {t('sales.history.empty')}
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('sales.history.total', { n: imports.length })}
      </Text>
      <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto">
        <Table withTableBorder striped verticalSpacing={6} fz="sm" data-testid="sales-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sales.history.at')}</Table.Th>
              <Table.Th>{t('sales.history.kind')}</Table.Th>
              <Table.Th>{t('sales.history.file')}</Table.Th>
              <Table.Th ta="right">{t('sales.history.lines')}</Table.Th>
              <Table.Th ta="right">{t('sales.history.amount')}</Table.Th>
              <Table.Th>{t('sales.history.dates')}</Table.Th>
              <Table.Th>{t('sales.history.by')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imports.map((i) => (
              <Table.Tr key={i.id} data-import-id={i.id}>
                <Table.Td className="kd-nowrap">{formatDateTime(i.at)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={i.kind === 'sales' ? 'indigo' : 'teal'} className="kd-badge-whole">
                    {t(i.kind === 'sales' ? 'sales.kind.sales' : 'sales.kind.receipts')}
                  </Badge>
                </Table.Td>
                <Table.Td>{i.fileName}</Table.Td>
                <Table.Td ta="right" className="kd-mono">
                  {i.lines.toLocaleString('en-US')}
                </Table.Td>
                <Table.Td ta="right" className="kd-mono">
                  {formatCents(i.amountCents)}
                </Table.Td>
                <Table.Td className="kd-nowrap">
                  {i.firstDate && i.lastDate ? `${i.firstDate} – ${i.lastDate}` : ''}
                </Table.Td>
                <Table.Td>{i.by}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
