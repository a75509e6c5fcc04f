import { ScrollArea, SegmentedControl, Stack, Table } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import type { CrossTabBy, ProductAnalysis } from '../../../src-shared/analysis/analysis';
import type { AnalysisRequest } from '../../../src-shared/contracts/analysis';
import { formatCents } from '../../../src-shared/sales/sales';
import { useI18n } from '../../i18n/I18nProvider';
import { formatPeriod, formatShare } from '../analysis-format';
import { AnalysisTable, ChartPanel, TargetCell, usePrintMode } from '../AnalysisParts';
import type { ChartAction, ChartText, CustomersTarget } from '../charts/chart-kit';
import { centsColumn, countColumn, FigureTable, shareColumn, Swatch, swatchColumn, totalShare } from '../FigureTable';
import { SalesTotal, TabFrame } from '../TabFrame';
import type { TabProps } from '../tab-props';
import { useAnalysis } from '../use-analysis';
import { categoryDonut, categoryRows, crossTab, crossTabBars, productRows, productTreemap } from './product-charts';

/** A long product list scrolls inside its panel on screen; on paper it runs over the pages. */
function Scrolling({ children }: { children: ReactNode }) {
  const print = usePrintMode();
  if (print) return <>{children}</>;
  return (
    <ScrollArea.Autosize mah={360} type="auto">
      {children}
    </ScrollArea.Autosize>
  );
}

/**
 * 商品构成分析 (method 三.3 ②): each category's and product's share of sales, and the categories
 * against customer grades or top-level regions.
 */
export function ProductFigures({
  analysis,
  text,
  onAction,
  byControl,
}: {
  analysis: ProductAnalysis;
  text: ChartText;
  onAction: (action: ChartAction) => void;
  byControl?: ReactNode;
}) {
  const { t } = text;
  const onTarget = (target: CustomersTarget) => onAction({ kind: 'customers', target });
  const categories = useMemo(() => categoryRows(analysis, text), [analysis, text]);
  const products = useMemo(() => productRows(analysis, text), [analysis, text]);
  const donut = useMemo(() => categoryDonut(categories, text), [categories, text]);
  const treemap = useMemo(() => productTreemap(categories, products, text), [categories, products, text]);
  const cross = useMemo(() => crossTab(analysis, categories, text), [analysis, categories, text]);
  const crossBars = useMemo(() => crossTabBars(cross, text), [cross, text]);
  const request: AnalysisRequest = { kind: 'product', period: analysis.period, by: analysis.crossTab.by };

  return (
    <Stack gap="lg">
      <ChartPanel
        id="product-category"
        title={t('analysis.product.categoryTitle')}
        model={donut}
        request={request}
        onAction={onAction}
        table={
          <FigureTable
            testId="product-category-table"
            rows={categories}
            rowKey={(row) => row.key}
            rowTestId={(row) => `category:${row.key}`}
            onOpen={(row) => onTarget(row.target)}
            columns={[
              swatchColumn(t('analysis.col.category')),
              countColumn(t('analysis.col.customers'), 'customers'),
              countColumn(t('analysis.col.quantity'), 'quantity'),
              centsColumn(t('analysis.col.sales'), 'cents'),
              shareColumn(t('analysis.col.share'), 'shareBp'),
            ]}
            total={[
              null,
              analysis.totalQuantity.toLocaleString(),
              formatCents(analysis.totalCents),
              totalShare(analysis.totalCents),
            ]}
          />
        }
      />

      <ChartPanel
        id="product-treemap"
        title={t('analysis.product.treemapTitle')}
        model={treemap}
        request={request}
        onAction={onAction}
        layout="below"
        longTable
        height={400}
        table={
          <Scrolling>
            <FigureTable
              testId="product-table"
              rows={products}
              rowKey={(row) => row.productId}
              rowTestId={(row) => `product:${row.productId}`}
              onOpen={(row) => onTarget(row.target)}
              columns={[
                { header: t('analysis.col.productCode'), className: 'kd-nowrap kd-mono', cell: (row) => row.code },
                { header: t('analysis.col.product'), cell: (row) => row.name },
                { header: t('analysis.col.category'), className: 'kd-nowrap', cell: (row) => row.categoryLabel },
                countColumn(t('analysis.col.quantity'), 'quantity'),
                centsColumn(t('analysis.col.sales'), 'cents'),
                shareColumn(t('analysis.col.share'), 'shareBp'),
              ]}
            />
          </Scrolling>
        }
      />

      <ChartPanel
        id="product-cross"
        title={t(cross.by === 'grade' ? 'analysis.product.crossTitle.grade' : 'analysis.product.crossTitle.region')}
        note={t('analysis.product.crossNote')}
        controls={byControl}
        model={crossBars}
        request={request}
        onAction={onAction}
        layout="below"
        height={320}
        table={
          <AnalysisTable testId="product-cross-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('analysis.col.category')}</Table.Th>
                {cross.columns.map((c) => (
                  <Table.Th key={c.key} className="kd-num">
                    {c.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cross.rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Td className="kd-nowrap">
                    <Swatch color={row.color} />
                    {row.label}
                  </Table.Td>
                  {row.cells.map((cell, i) => (
                    <TargetCell key={cross.columns[i]!.key} target={cell.target} onTarget={onTarget}>
                      <div>{formatCents(cell.cents)}</div>
                      <div className="kd-an-share">{formatShare(cell.shareBp)}</div>
                    </TargetCell>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr className="kd-an-total">
                <Table.Th>{t('analysis.total')}</Table.Th>
                {cross.columns.map((c) => (
                  <Table.Th key={c.key} className="kd-num">
                    {formatCents(c.cents)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          </AnalysisTable>
        }
      />
    </Stack>
  );
}

/** The 商品构成 tab, with the switch between the cross-tab by grade and by region. */
export function ProductTab({ period, text, archiveName, onAction }: TabProps) {
  const { t } = useI18n();
  const [by, setBy] = useState<CrossTabBy>('grade');
  const product = useAnalysis('analysis.product', { period, by });
  const value = product.value;
  // On paper the panel leaves its controls out.
  const byControl = (
    <SegmentedControl
      size="xs"
      value={by}
      onChange={(next) => setBy(next === 'region' ? 'region' : 'grade')}
      data={[
        { value: 'grade', label: t('analysis.product.byGrade') },
        { value: 'region', label: t('analysis.product.byRegion') },
      ]}
      aria-label={t('analysis.product.by')}
      data-testid="cross-tab-by"
    />
  );
  return (
    <TabFrame
      value={value}
      empty={value !== null && value.totalCents === 0 && value.products.length === 0}
      error={product.error}
      loading={product.loading}
      summary={value ? <SalesTotal cents={value.totalCents} testId="product-total" /> : null}
      request={{ kind: 'product', period, by }}
      report={{
        title: t('analysis.print.title.product'),
        meta: [
          t('analysis.print.period', { period: formatPeriod(period, t) }),
          t(by === 'grade' ? 'analysis.product.crossTitle.grade' : 'analysis.product.crossTitle.region'),
        ],
      }}
      archiveName={archiveName}
      figures={(shown, act) => <ProductFigures analysis={shown} text={text} onAction={act} byControl={byControl} />}
      onAction={onAction}
    />
  );
}
