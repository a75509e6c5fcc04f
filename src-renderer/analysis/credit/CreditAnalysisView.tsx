import { Button, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { CreditAnalysis } from '../../../src-shared/analysis/analysis';
import type { AnalysisRequest } from '../../../src-shared/contracts/analysis';
import { formatCents } from '../../../src-shared/sales/sales';
import { useNavigation } from '../../shell/navigation';
import { formatShare } from '../analysis-format';
import {
  AnalysisTable,
  ChartPanel,
  ClickableRow,
  ExportTableButton,
  TablePanel,
  TabFrame,
  usePrintMode,
} from '../AnalysisParts';
import type { ChartAction, ChartText, CustomersTarget } from '../charts/chart-kit';
import { PrintReportButton } from '../print/PrintReportButton';
import type { TabProps } from '../tab-props';
import { useAnalysis } from '../use-analysis';
import { ageingDonut, ageingRows, creditGradeRows, limitBars, overLimitTarget } from './credit-charts';

/** The credit totals as a row of figures above the charts (a small table on paper). */
function CreditSummary({ analysis, text }: { analysis: CreditAnalysis; text: ChartText }) {
  const { t } = text;
  const print = usePrintMode();
  const figures: [string, string][] = [
    [t('analysis.credit.sum.customers'), analysis.totals.customers.toLocaleString()],
    [t('analysis.credit.sum.withBalance'), analysis.totals.customersWithBalance.toLocaleString()],
    [t('analysis.credit.sum.limit'), formatCents(analysis.totals.limitCents)],
    [t('analysis.credit.sum.outstanding'), formatCents(analysis.totals.outstandingCents)],
    [t('analysis.credit.sum.overLimit'), analysis.totals.overLimitCustomers.toLocaleString()],
    [t('analysis.credit.sum.overLimitCents'), formatCents(analysis.totals.overLimitCents)],
    [t('analysis.credit.sum.creditBalance'), analysis.totals.creditBalanceCustomers.toLocaleString()],
    [t('analysis.credit.sum.creditBalanceCents'), formatCents(analysis.totals.creditBalanceCents)],
  ];
  if (print) {
    return (
      <section className="kd-ap-figure" data-layout="below">
        <AnalysisTable>
          <Table.Tbody>
            {[0, 2, 4, 6].map((i) => (
              <Table.Tr key={i}>
                <Table.Th>{figures[i]![0]}</Table.Th>
                <Table.Td className="kd-num">{figures[i]![1]}</Table.Td>
                <Table.Th>{figures[i + 1]![0]}</Table.Th>
                <Table.Td className="kd-num">{figures[i + 1]![1]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </AnalysisTable>
      </section>
    );
  }
  return (
    <SimpleGrid cols={{ base: 4, xl: 8 }} spacing="sm" data-testid="credit-summary">
      {figures.map(([label, value]) => (
        <Paper key={label} withBorder radius="md" px="md" py="xs">
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={700} size="lg" className="kd-an-stat">
            {value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/**
 * 客户信用分析 (method 三.3 ④): credit limit against outstanding balance per credit grade, the
 * ageing of receivables, the customers over their limit, and the suggested terms per grade.
 */
export function CreditFigures({
  analysis,
  text,
  onAction,
}: {
  analysis: CreditAnalysis;
  text: ChartText;
  onAction: (action: ChartAction) => void;
}) {
  const { t } = text;
  const print = usePrintMode();
  const navigation = useNavigation();
  const onTarget = (target: CustomersTarget) => onAction({ kind: 'customers', target });
  const grades = useMemo(() => creditGradeRows(analysis, text), [analysis, text]);
  const bars = useMemo(() => limitBars(grades, text), [grades, text]);
  const ageing = useMemo(() => ageingRows(analysis, text), [analysis, text]);
  const donut = useMemo(() => ageingDonut(ageing, text), [ageing, text]);
  const request: AnalysisRequest = { kind: 'credit', asOf: analysis.asOf };
  const terms = (days: number) => (days === 0 ? t('analysis.credit.cash') : t('analysis.credit.days', { n: days }));

  return (
    <Stack gap="lg">
      <CreditSummary analysis={analysis} text={text} />

      <ChartPanel
        id="credit-limit"
        title={t('analysis.credit.limitTitle')}
        model={bars}
        request={request}
        onAction={onAction}
        layout="below"
        height={300}
        table={
          <AnalysisTable testId="credit-grade-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('analysis.credit.col.creditGrade')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.col.customers')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.credit.col.limit')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.credit.col.outstanding')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.credit.col.share')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.credit.col.overLimit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grades.map((row) => (
                <ClickableRow key={row.key} onOpen={() => onTarget(row.target)} testId={`creditGrade:${row.key}`}>
                  <Table.Td>{row.label}</Table.Td>
                  <Table.Td className="kd-num">{row.customers.toLocaleString()}</Table.Td>
                  <Table.Td className="kd-num">{formatCents(row.limitCents)}</Table.Td>
                  <Table.Td className="kd-num">{formatCents(row.outstandingCents)}</Table.Td>
                  <Table.Td className="kd-num">{formatShare(row.shareBp)}</Table.Td>
                  <Table.Td className="kd-num">{row.overLimitCustomers.toLocaleString()}</Table.Td>
                </ClickableRow>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr className="kd-an-total">
                <Table.Th>{t('analysis.total')}</Table.Th>
                <Table.Th className="kd-num">{analysis.totals.customers.toLocaleString()}</Table.Th>
                <Table.Th className="kd-num">{formatCents(analysis.totals.limitCents)}</Table.Th>
                <Table.Th className="kd-num">{formatCents(analysis.totals.outstandingCents)}</Table.Th>
                <Table.Th className="kd-num">{formatShare(analysis.totals.outstandingCents > 0 ? 10_000 : 0)}</Table.Th>
                <Table.Th className="kd-num">{analysis.totals.overLimitCustomers.toLocaleString()}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </AnalysisTable>
        }
      />

      <ChartPanel
        id="credit-ageing"
        title={t('analysis.credit.ageingTitle')}
        model={donut}
        request={request}
        onAction={onAction}
        table={
          <AnalysisTable testId="credit-ageing-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('analysis.credit.col.ageing')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.col.customers')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.credit.col.ageingCents')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.col.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ageing.map((row) => (
                <ClickableRow key={row.bucket} onOpen={() => onTarget(row.target)} testId={`ageing:${row.bucket}`}>
                  <Table.Td className="kd-nowrap">
                    <span className="kd-an-swatch" style={{ background: row.color }} />
                    {row.label}
                  </Table.Td>
                  <Table.Td className="kd-num">{row.customers.toLocaleString()}</Table.Td>
                  <Table.Td className="kd-num">{formatCents(row.cents)}</Table.Td>
                  <Table.Td className="kd-num">{formatShare(row.shareBp)}</Table.Td>
                </ClickableRow>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr className="kd-an-total">
                <Table.Th>{t('analysis.total')}</Table.Th>
                <Table.Th />
                <Table.Th className="kd-num">{formatCents(analysis.totals.outstandingCents)}</Table.Th>
                <Table.Th className="kd-num">{formatShare(analysis.totals.outstandingCents > 0 ? 10_000 : 0)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </AnalysisTable>
        }
      />

      <TablePanel
        id="credit-over-limit"
        title={t('analysis.credit.overLimitTitle')}
        note={
          analysis.overLimitCount > 0
            ? t('analysis.credit.shown', {
                shown: analysis.overLimit.length.toLocaleString(),
                n: analysis.overLimitCount.toLocaleString(),
              })
            : t('analysis.credit.noneOver')
        }
        actions={
          analysis.overLimitCount > 0 ? (
            <Button size="xs" variant="light" onClick={() => onTarget(overLimitTarget(analysis, text))}>
              {t('analysis.credit.showAll', { n: analysis.overLimitCount.toLocaleString() })}
            </Button>
          ) : null
        }
      >
        {analysis.overLimit.length > 0 ? (
          <AnalysisTable testId="credit-over-limit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('analysis.customers.code')}</Table.Th>
                <Table.Th>{t('analysis.customers.name')}</Table.Th>
                <Table.Th>{t('analysis.credit.col.creditGrade')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.credit.col.limit')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.credit.col.outstanding')}</Table.Th>
                <Table.Th className="kd-num">{t('analysis.credit.col.excess')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {analysis.overLimit.map((c) => (
                <ClickableRow
                  key={c.id}
                  onOpen={print ? null : () => navigation.showCards({ openCardId: c.id })}
                  testId={`over:${c.code}`}
                >
                  <Table.Td className="kd-nowrap kd-mono">{c.code}</Table.Td>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td className="kd-nowrap">{text.labels.of('creditGrade', c.creditGrade)}</Table.Td>
                  <Table.Td className="kd-num">{c.limitCents === null ? '—' : formatCents(c.limitCents)}</Table.Td>
                  <Table.Td className="kd-num">
                    {c.outstandingCents === null ? '—' : formatCents(c.outstandingCents)}
                  </Table.Td>
                  <Table.Td className="kd-num">{formatCents(c.cents)}</Table.Td>
                </ClickableRow>
              ))}
            </Table.Tbody>
          </AnalysisTable>
        ) : null}
      </TablePanel>

      <TablePanel id="credit-terms" title={t('analysis.credit.termsTitle')} note={t('analysis.credit.termsNote')}>
        <AnalysisTable testId="credit-terms-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('analysis.credit.col.creditGrade')}</Table.Th>
              <Table.Th className="kd-num">{t('analysis.credit.col.paymentDays')}</Table.Th>
              <Table.Th className="kd-num">{t('analysis.credit.col.suggestedLimit')}</Table.Th>
              <Table.Th>{t('analysis.credit.col.handling')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grades
              .filter((row) => row.key !== '')
              .map((row) => (
                <ClickableRow key={row.key} onOpen={() => onTarget(row.target)} testId={`terms:${row.key}`}>
                  <Table.Td>{row.label}</Table.Td>
                  <Table.Td className="kd-num">
                    {row.terms ? terms(row.terms.paymentDays) : t('analysis.credit.noTerms')}
                  </Table.Td>
                  <Table.Td className="kd-num">
                    {row.terms
                      ? row.terms.suggestedLimitCents === null
                        ? t('analysis.credit.noLimit')
                        : formatCents(row.terms.suggestedLimitCents)
                      : '—'}
                  </Table.Td>
                  <Table.Td>{row.terms?.handling || '—'}</Table.Td>
                </ClickableRow>
              ))}
          </Table.Tbody>
        </AnalysisTable>
      </TablePanel>
    </Stack>
  );
}

/** The 信用分析 tab: everything on one as-of date (the end of the chosen period unless changed). */
export function CreditTab({
  asOf,
  onAsOf,
  text,
  archiveName,
  onAction,
}: Omit<TabProps, 'period'> & { asOf: string; onAsOf: (date: string) => void }) {
  const { t } = text;
  const [typed, setTyped] = useState(asOf);
  const [shown, setShown] = useState(asOf);
  // A new period from the picker moves the as-of date to its end.
  if (shown !== asOf) {
    setShown(asOf);
    setTyped(asOf);
  }
  const credit = useAnalysis('analysis.credit', { asOf });
  const request: AnalysisRequest = { kind: 'credit', asOf };
  const value = credit.value;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(typed);
  return (
    <TabFrame
      controls={
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) onAsOf(typed);
          }}
        >
          <TextInput
            type="date"
            label={t('analysis.credit.asOf')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            onBlur={() => valid && typed !== asOf && onAsOf(typed)}
            error={valid ? undefined : t('analysis.period.missing')}
            w={170}
            data-testid="credit-as-of"
          />
        </form>
      }
      actions={
        <>
          <ExportTableButton request={request} disabled={!value} />
          <PrintReportButton
            request={request}
            title={t('analysis.print.title.credit')}
            meta={[t('analysis.print.asOf', { date: asOf })]}
            archiveName={archiveName}
            report={() => (value ? <CreditFigures analysis={value} text={text} onAction={() => undefined} /> : null)}
            disabled={!value}
          />
        </>
      }
      error={credit.error}
      loading={credit.loading}
      ready={value !== null}
      empty={false}
    >
      {() => (value ? <CreditFigures analysis={value} text={text} onAction={onAction} /> : null)}
    </TabFrame>
  );
}
