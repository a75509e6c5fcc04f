import { Anchor, Button, Table, UnstyledButton } from '@mantine/core';
import { sharesOf } from '../../../src-shared/analysis/analysis';
import type { CardFilters } from '../../../src-shared/contracts/cards';
import type { ClassGroups, GroupAxis } from '../../../src-shared/contracts/classification';
import { formatCents } from '../../../src-shared/sales/sales';
import { useI18n } from '../../i18n/I18nProvider';
import { crossTable, filtersForGroup, percentOfBp } from './class-view-layout';

/** One group as the card list and the reassign dialog need it. */
export interface GroupTarget {
  filters: CardFilters;
  customers: number;
  label: string;
}

interface TableProps {
  result: ClassGroups;
  filters: CardFilters;
  order: (axis: GroupAxis, keys: string[]) => string[];
  keyLabel: (axis: GroupAxis, key: string) => string;
  axisLabel: (axis: GroupAxis) => string;
  onOpen: (target: GroupTarget) => void;
}

/** One axis: a row per group with customers and sales, their shares (largest remainder, summing to 100%), and the total. */
export function GroupTable({
  axis,
  result,
  filters,
  order,
  keyLabel,
  axisLabel,
  onOpen,
  onReassign,
}: TableProps & { axis: GroupAxis; onReassign?: (target: GroupTarget) => void }) {
  const { t } = useI18n();
  const byKey = new Map(result.groups.map((g) => [g.keys[0] ?? '', g]));
  const keys = order(axis, [...byKey.keys()]);
  const groups = keys.map((k) => byKey.get(k)!);
  const customerShares = sharesOf(groups.map((g) => g.customers));
  const salesShares = sharesOf(groups.map((g) => g.cents));

  return (
    <Table
      withTableBorder
      withColumnBorders
      highlightOnHover
      verticalSpacing={6}
      className="kd-group-table"
      data-testid="group-table"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{axisLabel(axis)}</Table.Th>
          <Table.Th className="kd-num">{t('classification.view.customers')}</Table.Th>
          <Table.Th className="kd-num">{t('classification.view.customerShare')}</Table.Th>
          <Table.Th className="kd-num">{t('classification.view.sales')}</Table.Th>
          <Table.Th className="kd-num">{t('classification.view.salesShare')}</Table.Th>
          {onReassign ? <Table.Th w={1}>{t('classification.view.actions')}</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((g, i) => {
          const key = keys[i]!;
          const label = keyLabel(axis, key);
          const target: GroupTarget = {
            filters: filtersForGroup(filters, [axis], [key]),
            customers: g.customers,
            label,
          };
          return (
            <Table.Tr key={key} data-group={key}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  onClick={() => onOpen(target)}
                  title={t('classification.view.openCardsOf', { group: label })}
                  c={key === '' ? 'dimmed' : undefined}
                  className="kd-group-link"
                >
                  {label}
                </Anchor>
              </Table.Td>
              <Table.Td className="kd-num" data-column="customers">
                {g.customers.toLocaleString()}
              </Table.Td>
              <Table.Td className="kd-num">{percentOfBp(customerShares[i]!)}</Table.Td>
              <Table.Td className="kd-num kd-mono" data-column="sales">
                {formatCents(g.cents)}
              </Table.Td>
              <Table.Td className="kd-num">{percentOfBp(salesShares[i]!)}</Table.Td>
              {onReassign ? (
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => onReassign(target)}>
                    {t('classification.view.reassign')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr className="kd-total-row">
          <Table.Th>{t('classification.view.total')}</Table.Th>
          <Table.Th className="kd-num" data-column="customers">
            {result.totalCustomers.toLocaleString()}
          </Table.Th>
          <Table.Th className="kd-num">{result.totalCustomers > 0 ? '100.00%' : '0.00%'}</Table.Th>
          <Table.Th className="kd-num kd-mono" data-column="sales">
            {formatCents(result.totalCents)}
          </Table.Th>
          <Table.Th className="kd-num">{result.totalCents > 0 ? '100.00%' : '0.00%'}</Table.Th>
          {onReassign ? <Table.Th /> : null}
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

/** Two axes: rows by the first, columns by the second; each cell, row and column heading opens its cards. */
export function CrossTable({
  axes,
  result,
  filters,
  order,
  keyLabel,
  axisLabel,
  onOpen,
}: TableProps & { axes: [GroupAxis, GroupAxis] }) {
  const { t } = useI18n();
  const [rowAxis, columnAxis] = axes;
  const cross = crossTable(result, (i, keys) => order(axes[i], keys));
  const cellLink = (rowKey: string | null, columnKey: string | null, customers: number, label: string) => ({
    filters: filtersForGroup(filters, axes, [rowKey, columnKey]),
    customers,
    label,
  });

  return (
    <div className="kd-cross-scroll">
      <Table withTableBorder withColumnBorders verticalSpacing={4} className="kd-cross-table" data-testid="cross-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th className="kd-cross-corner">
              {axisLabel(rowAxis)} \ {axisLabel(columnAxis)}
            </Table.Th>
            {cross.columnKeys.map((c) => {
              const label = keyLabel(columnAxis, c);
              return (
                <Table.Th key={c} className="kd-num" data-column-key={c}>
                  <UnstyledButton
                    className="kd-cross-head"
                    onClick={() => onOpen(cellLink(null, c, cross.columnTotal(c).customers, label))}
                    title={t('classification.view.openCardsOf', { group: label })}
                  >
                    {label}
                  </UnstyledButton>
                </Table.Th>
              );
            })}
            <Table.Th className="kd-num">{t('classification.view.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cross.rowKeys.map((r) => {
            const rowLabel = keyLabel(rowAxis, r);
            const total = cross.rowTotal(r);
            return (
              <Table.Tr key={r} data-group={r}>
                <Table.Th>
                  <UnstyledButton
                    className="kd-cross-head"
                    onClick={() => onOpen(cellLink(r, null, total.customers, rowLabel))}
                    title={t('classification.view.openCardsOf', { group: rowLabel })}
                  >
                    {rowLabel}
                  </UnstyledButton>
                </Table.Th>
                {cross.columnKeys.map((c) => {
                  const g = cross.cell(r, c);
                  if (!g) return <Table.Td key={c} className="kd-num kd-cross-empty" />;
                  const label = `${rowLabel} · ${keyLabel(columnAxis, c)}`;
                  return (
                    <Table.Td key={c} className="kd-num" data-column-key={c}>
                      <UnstyledButton
                        className="kd-cross-cell"
                        onClick={() => onOpen(cellLink(r, c, g.customers, label))}
                        title={t('classification.view.openCardsOf', { group: label })}
                      >
                        <span className="kd-cross-count">{g.customers.toLocaleString()}</span>
                        <span className="kd-cross-sales">{formatCents(g.cents)}</span>
                      </UnstyledButton>
                    </Table.Td>
                  );
                })}
                <Table.Td className="kd-num kd-total-cell">
                  <span className="kd-cross-count">{total.customers.toLocaleString()}</span>
                  <span className="kd-cross-sales">{formatCents(total.cents)}</span>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr className="kd-total-row">
            <Table.Th>{t('classification.view.total')}</Table.Th>
            {cross.columnKeys.map((c) => {
              const total = cross.columnTotal(c);
              return (
                <Table.Td key={c} className="kd-num kd-total-cell">
                  <span className="kd-cross-count">{total.customers.toLocaleString()}</span>
                  <span className="kd-cross-sales">{formatCents(total.cents)}</span>
                </Table.Td>
              );
            })}
            <Table.Td className="kd-num kd-total-cell" data-testid="cross-grand-total">
              <span className="kd-cross-count">{result.totalCustomers.toLocaleString()}</span>
              <span className="kd-cross-sales">{formatCents(result.totalCents)}</span>
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </div>
  );
}
