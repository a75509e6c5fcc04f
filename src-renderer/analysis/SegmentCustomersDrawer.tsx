import { Drawer, Group, Loader, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Segment, SegmentCustomers } from '../../src-shared/analysis/analysis';
import type { KedangErrorDto } from '../../src-shared/errors';
import { formatCents } from '../../src-shared/sales/sales';
import { call, endsSession } from '../api/call';
import type { StringKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nProvider';
import { useNavigation } from '../shell/navigation';
import { ErrorAlert } from '../ui/ErrorAlert';
import type { AnalysisLabels } from './analysis-format';
import type { CustomersTarget } from './charts/chart-kit';

/** Which figures a segment's customer list shows beside code, name, grade and region. */
type Column = 'sales' | 'ageing' | 'limit' | 'outstanding' | 'excess';

function columnsOf(segment: Segment): Column[] {
  switch (segment.kind) {
    case 'creditGrade':
      return ['limit', 'outstanding'];
    case 'ageing':
      return ['ageing', 'outstanding'];
    case 'overLimit':
      return ['limit', 'outstanding', 'excess'];
    default:
      return ['sales'];
  }
}

const HEADERS: Record<Column, StringKey> = {
  sales: 'analysis.customers.figure.sales',
  ageing: 'analysis.customers.figure.ageing',
  limit: 'analysis.credit.col.limit',
  outstanding: 'analysis.credit.col.outstanding',
  excess: 'analysis.customers.figure.excess',
};

const amount = (cents: number | null) => (cents === null ? '—' : formatCents(cents));

/**
 * The customers behind a chart segment or table row (`analysis.customers`), largest figure
 * first. A click on a customer opens its archive card in the card screen.
 */
export function SegmentCustomersDrawer({
  target,
  labels,
  onClose,
}: {
  target: CustomersTarget | null;
  labels: AnalysisLabels;
  onClose: () => void;
}) {
  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position="right"
      size={880}
      title={<Text fw={700}>{target?.title}</Text>}
      data-testid="segment-customers"
    >
      {target ? <CustomersList key={JSON.stringify(target)} target={target} labels={labels} /> : null}
    </Drawer>
  );
}

function CustomersList({ target, labels }: { target: CustomersTarget; labels: AnalysisLabels }) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const [state, setState] = useState<{ value: SegmentCustomers | null; error: KedangErrorDto | null }>({
    value: null,
    error: null,
  });

  useEffect(() => {
    let live = true;
    void call('analysis.customers', { period: target.period, segment: target.segment }).then((result) => {
      if (!live) return;
      if (result.ok) setState({ value: result.value, error: null });
      else if (!endsSession(result.error)) setState({ value: null, error: result.error });
    });
    return () => {
      live = false;
    };
  }, [target]);

  if (state.error) return <ErrorAlert error={state.error} />;
  const data = state.value;
  if (!data) {
    return (
      <Group justify="center" py="xl">
        <Loader size="sm" />
        <Text c="dimmed">{t('analysis.loading')}</Text>
      </Group>
    );
  }
  const columns = columnsOf(target.segment);
  const figure = (row: SegmentCustomers['rows'][number], column: Column) => {
    switch (column) {
      case 'limit':
        return amount(row.limitCents);
      case 'outstanding':
        return amount(row.outstandingCents);
      default:
        return formatCents(row.cents);
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={500} data-testid="segment-count">
          {t('analysis.customers.count', { count: data.total.toLocaleString(), amount: formatCents(data.totalCents) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('analysis.customers.hint')}
        </Text>
      </Group>
      {data.rows.length < data.total ? (
        <Text size="sm" c="orange.8">
          {t('analysis.customers.truncated', { shown: data.rows.length.toLocaleString() })}
        </Text>
      ) : null}
      {data.rows.length === 0 ? (
        <Text c="dimmed">{t('analysis.customers.none')}</Text>
      ) : (
        <ScrollArea.Autosize mah="calc(100vh - 170px)" type="auto">
          <Table striped highlightOnHover withTableBorder verticalSpacing={6} fz="sm" data-testid="segment-table">
            <Table.Thead className="kd-nowrap">
              <Table.Tr>
                <Table.Th>{t('analysis.customers.code')}</Table.Th>
                <Table.Th>{t('analysis.customers.name')}</Table.Th>
                <Table.Th>{t('analysis.col.grade')}</Table.Th>
                {target.segment.kind === 'creditGrade' || target.segment.kind === 'overLimit' ? (
                  <Table.Th>{t('analysis.credit.col.creditGrade')}</Table.Th>
                ) : null}
                <Table.Th>{t('analysis.col.region')}</Table.Th>
                {columns.map((c) => (
                  <Table.Th key={c} className="kd-num">
                    {t(HEADERS[c])}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((row) => (
                <Table.Tr
                  key={row.id}
                  className="kd-an-row"
                  tabIndex={0}
                  data-customer-id={row.id}
                  data-customer-code={row.code}
                  onClick={() => navigation.showCards({ openCardId: row.id })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') navigation.showCards({ openCardId: row.id });
                  }}
                >
                  <Table.Td className="kd-nowrap kd-mono">{row.code}</Table.Td>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td className="kd-nowrap">{labels.of('grade', row.grade)}</Table.Td>
                  {target.segment.kind === 'creditGrade' || target.segment.kind === 'overLimit' ? (
                    <Table.Td className="kd-nowrap">{labels.of('creditGrade', row.creditGrade)}</Table.Td>
                  ) : null}
                  <Table.Td className="kd-nowrap">{labels.of('region', row.region)}</Table.Td>
                  {columns.map((c) => (
                    <Table.Td key={c} className="kd-num">
                      {figure(row, c)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
