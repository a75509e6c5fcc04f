import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatCents } from '../../src-shared/sales/sales';
import { useI18n } from '../i18n/I18nProvider';
import { formatShare } from './analysis-format';
import { AnalysisTable, ClickableRow } from './AnalysisParts';

/** One column of an analysis table: its heading and what a row shows in it. */
export interface FigureColumn<Row> {
  header?: ReactNode;
  /** A column of figures: right-aligned, heading and total included, digits of one width. */
  figure?: boolean;
  /** More classes of the row cells (kd-nowrap, kd-mono). */
  className?: string;
  cell: (row: Row) => ReactNode;
}

function cellClass(column: { figure?: boolean }, ...more: (string | undefined)[]): string | undefined {
  return [column.figure ? 'kd-num' : undefined, ...more].filter(Boolean).join(' ') || undefined;
}

/**
 * The data table of a chart: a row per part, each opening what is behind it, and the total
 * row when `total` gives the figures under the second column on (null for an empty cell).
 */
export function FigureTable<Row>({
  testId,
  columns,
  rows,
  rowKey,
  rowTestId,
  onOpen,
  total,
}: {
  testId: string;
  columns: FigureColumn<NoInfer<Row>>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  rowTestId?: (row: Row) => string;
  onOpen: (row: Row) => void;
  total?: ReactNode[];
}) {
  const { t } = useI18n();
  return (
    <AnalysisTable testId={testId}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column, i) => (
            <Table.Th key={i} className={cellClass(column)}>
              {column.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <ClickableRow key={rowKey(row)} onOpen={() => onOpen(row)} testId={rowTestId?.(row)}>
            {columns.map((column, i) => (
              <Table.Td key={i} className={cellClass(column, column.className)}>
                {column.cell(row)}
              </Table.Td>
            ))}
          </ClickableRow>
        ))}
      </Table.Tbody>
      {total ? (
        <Table.Tfoot>
          <Table.Tr className="kd-an-total">
            <Table.Th>{t('analysis.total')}</Table.Th>
            {columns.slice(1).map((column, i) => (
              <Table.Th key={i} className={cellClass(column)}>
                {total[i]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      ) : null}
    </AnalysisTable>
  );
}

/** The colour of a part in its chart, before its name in the table. */
export function Swatch({ color }: { color: string }) {
  return <span className="kd-an-swatch" style={{ background: color }} />;
}

/** The name of each part after its colour in the chart. */
export function swatchColumn(header: string, className?: string): FigureColumn<{ label: string; color: string }> {
  return {
    header,
    className,
    cell: (row) => (
      <>
        <Swatch color={row.color} />
        {row.label}
      </>
    ),
  };
}

/** A column of counts (customers, quantities): the row's field `key`. */
export function countColumn<K extends string>(header: string, key: K): FigureColumn<Record<K, number>> {
  return { header, figure: true, cell: (row) => row[key].toLocaleString() };
}

/** A column of amounts in 元: the row's field `key`. */
export function centsColumn<K extends string>(header: string, key: K): FigureColumn<Record<K, number>> {
  return { header, figure: true, cell: (row) => formatCents(row[key]) };
}

/** A column of main's shares (never recomputed here): the row's field `key`. */
export function shareColumn<K extends string>(header: string, key: K): FigureColumn<Record<K, number>> {
  return { header, figure: true, cell: (row) => formatShare(row[key]) };
}

/** The share of a total row: the whole, unless there was nothing to share. */
export function totalShare(cents: number): string {
  return formatShare(cents > 0 ? 10_000 : 0);
}
