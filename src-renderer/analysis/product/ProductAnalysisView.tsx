import { ScrollArea, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import type { CrossTabBy, ProductAnalysis } from '../../../src-shared/analysis/analysis';
import type { AnalysisRequest } from '../../../src-shared/contracts/analysis';
import { formatCents } from '../../../src-shared/sales/sales';
import { useI18n } from '../../i18n/I18nProvider';
import { formatPeriod, formatShare } from '../analysis-format';
import {
  AnalysisTable,
  ChartPanel,
  ClickableRow,
  ExportTableButton,
  TabFrame,
  TargetCell,
  usePrintMode,
} from '../AnalysisParts';
import type { ChartAction, ChartText, CustomersTarget } from '../charts/chart-kit';
import { PrintReportButton } from '../print/PrintReportButton';
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
          <AnalysisTable testId="product-category-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('analysis.col.category')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.col.customers')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.col.quantity')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.col.sales')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.col.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {categories.map((row) => (
                <ClickableRow key={row.key} onOpen={() => onTarget(row.target)} testId={`category:${row.key}`}>
                  <Table.Td>
                    <span className="kd-an-swatch" style={{ background: row.color }} />
                    {row.label}
                  </Table.Td>
                  <Table.Td className="kd-num">{row.customers.toLocaleString()}</Table.Td>
                  <Table.Td className="kd-num">{row.quantity.toLocaleString()}</Table.Td>
                  <Table.Td className="kd-num">{formatCents(row.cents)}</Table.Td>
                  <Table.Td className="kd-num">{formatShare(row.shareBp)}</Table.Td>
                </ClickableRow>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr className="kd-an-total">
                <Table.Th>{t('analysis.total')}</Table.Th>
                <Table.Th />
                <Table.Th className="kd-num">{analysis.totalQuantity.toLocaleString()}</Table.Th>
                <Table.Th className="kd-num">{formatCents(analysis.totalCents)}</Table.Th>
                <Table.Th className="kd-num">{formatShare(analysis.totalCents > 0 ? 10_000 : 0)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </AnalysisTable>
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
            <AnalysisTable testId="product-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('analysis.col.productCode')}</Table.Th>
                  <Table.Th>{t('analysis.col.product')}</Table.Th>
                  <Table.Th>{t('analysis.col.category')}</Table.Th>
                  <Table.Th className="kd-num">{t('analysis.col.quantity')}</Table.Th>
                  <Table.Th className="kd-num">{t('analysis.col.sales')}</Table.Th>
                  <Table.Th className="kd-num">{t('analysis.col.share')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {products.map((row) => (
                  <ClickableRow
                    key={row.productId}
                    onOpen={() => onTarget(row.target)}
                    testId={`product:${row.productId}`}
                  >
                    <Table.Td className="kd-nowrap kd-mono">{row.code}</Table.Td>
                    <Table.Td>{row.name}</Table.Td>
                    <Table.Td className="kd-nowrap">{row.categoryLabel}</Table.Td>
                    <Table.Td className="kd-num">{row.quantity.toLocaleString()}</Table.Td>
                    <Table.Td className="kd-num">{formatCents(row.cents)}</Table.Td>
                    <Table.Td className="kd-num">{formatShare(row.shareBp)}</Table.Td>
                  </ClickableRow>
                ))}
              </Table.Tbody>
            </AnalysisTable>
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
                    <span className="kd-an-swatch" style={{ background: row.color }} />
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
  const request: AnalysisRequest = { kind: 'product', period, by };
  const value = product.value;
  const empty = value !== null && value.totalCents === 0 && value.products.length === 0;
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
      summary={
        value ? (
          <Text data-testid="product-total">
            {t('analysis.print.total', { amount: formatCents(value.totalCents) })}
          </Text>
        ) : null
      }
      actions={
        <>
          <ExportTableButton request={request} disabled={!value || empty} />
          <PrintReportButton
            request={request}
            title={t('analysis.print.title.product')}
            meta={[
              t('analysis.print.period', { period: formatPeriod(period, t) }),
              t(by === 'grade' ? 'analysis.product.crossTitle.grade' : 'analysis.product.crossTitle.region'),
            ]}
            archiveName={archiveName}
            report={() => (value ? <ProductFigures analysis={value} text={text} onAction={() => undefined} /> : null)}
            disabled={!value || empty}
          />
        </>
      }
      error={product.error}
      loading={product.loading}
      ready={value !== null}
      empty={empty}
    >
      {() => (value ? <ProductFigures analysis={value} text={text} onAction={onAction} byControl={byControl} /> : null)}
    </TabFrame>
  );
}
