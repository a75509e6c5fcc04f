import { Button, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { CreditAnalysis } from '../../../src-shared/analysis/analysis';
import type { AnalysisRequest } from '../../../src-shared/contracts/analysis';
import { formatCents } from '../../../src-shared/sales/sales';
import { useNavigation } from '../../shell/navigation';
import { AnalysisTable, ChartPanel, TablePanel, usePrintMode } from '../AnalysisParts';
import type { ChartAction, ChartText, CustomersTarget } from '../charts/chart-kit';
import { centsColumn, countColumn, FigureTable, shareColumn, swatchColumn, totalShare } from '../FigureTable';
import { TabFrame } from '../TabFrame';
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
          <FigureTable
            testId="credit-grade-table"
            rows={grades}
            rowKey={(row) => row.key}
            rowTestId={(row) => `creditGrade:${row.key}`}
            onOpen={(row) => onTarget(row.target)}
            columns={[
              { header: t('analysis.credit.col.creditGrade'), cell: (row) => row.label },
              countColumn(t('analysis.col.customers'), 'customers'),
              centsColumn(t('analysis.credit.col.limit'), 'limitCents'),
              centsColumn(t('analysis.credit.col.outstanding'), 'outstandingCents'),
              shareColumn(t('analysis.credit.col.share'), 'shareBp'),
              countColumn(t('analysis.credit.col.overLimit'), 'overLimitCustomers'),
            ]}
            total={[
              analysis.totals.customers.toLocaleString(),
              formatCents(analysis.totals.limitCents),
              formatCents(analysis.totals.outstandingCents),
              totalShare(analysis.totals.outstandingCents),
              analysis.totals.overLimitCustomers.toLocaleString(),
            ]}
          />
        }
      />

      <ChartPanel
        id="credit-ageing"
        title={t('analysis.credit.ageingTitle')}
        model={donut}
        request={request}
        onAction={onAction}
        table={
          <FigureTable
            testId="credit-ageing-table"
            rows={ageing}
            rowKey={(row) => row.bucket}
            rowTestId={(row) => `ageing:${row.bucket}`}
            onOpen={(row) => onTarget(row.target)}
            columns={[
              swatchColumn(t('analysis.credit.col.ageing'), 'kd-nowrap'),
              countColumn(t('analysis.col.customers'), 'customers'),
              centsColumn(t('analysis.credit.col.ageingCents'), 'cents'),
              shareColumn(t('analysis.col.share'), 'shareBp'),
            ]}
            total={[null, formatCents(analysis.totals.outstandingCents), totalShare(analysis.totals.outstandingCents)]}
          />
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
          <FigureTable
            testId="credit-over-limit-table"
            rows={analysis.overLimit}
            rowKey={(c) => c.id}
            rowTestId={(c) => `over:${c.code}`}
            onOpen={(c) => navigation.showCards({ openCardId: c.id })}
            columns={[
              { header: t('analysis.customers.code'), className: 'kd-nowrap kd-mono', cell: (c) => c.code },
              { header: t('analysis.customers.name'), cell: (c) => c.name },
              {
                header: t('analysis.credit.col.creditGrade'),
                className: 'kd-nowrap',
                cell: (c) => text.labels.of('creditGrade', c.creditGrade),
              },
              { header: t('analysis.credit.col.limit'), figure: true, cell: (c) => centsOrDash(c.limitCents) },
              {
                header: t('analysis.credit.col.outstanding'),
                figure: true,
                cell: (c) => centsOrDash(c.outstandingCents),
              },
              centsColumn(t('analysis.credit.col.excess'), 'cents'),
            ]}
          />
        ) : null}
      </TablePanel>

      <TablePanel id="credit-terms" title={t('analysis.credit.termsTitle')} note={t('analysis.credit.termsNote')}>
        <FigureTable
          testId="credit-terms-table"
          rows={grades.filter((row) => row.key !== '')}
          rowKey={(row) => row.key}
          rowTestId={(row) => `terms:${row.key}`}
          onOpen={(row) => onTarget(row.target)}
          columns={[
            { header: t('analysis.credit.col.creditGrade'), cell: (row) => row.label },
            {
              header: t('analysis.credit.col.paymentDays'),
              figure: true,
              cell: (row) => (row.terms ? terms(row.terms.paymentDays) : t('analysis.credit.noTerms')),
            },
            {
              header: t('analysis.credit.col.suggestedLimit'),
              figure: true,
              cell: (row) =>
                row.terms
                  ? row.terms.suggestedLimitCents === null
                    ? t('analysis.credit.noLimit')
                    : formatCents(row.terms.suggestedLimitCents)
                  : '—',
            },
            { header: t('analysis.credit.col.handling'), cell: (row) => row.terms?.handling || '—' },
          ]}
        />
      </TablePanel>
    </Stack>
  );
}

/** An amount the card may not have (no limit set, nothing owed on record). */
function centsOrDash(cents: number | null): string {
  return cents === null ? '—' : formatCents(cents);
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
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(typed);
  return (
    <TabFrame
      value={credit.value}
      error={credit.error}
      loading={credit.loading}
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
      request={{ kind: 'credit', asOf }}
      report={{ title: t('analysis.print.title.credit'), meta: [t('analysis.print.asOf', { date: asOf })] }}
      archiveName={archiveName}
      figures={(shown, act) => <CreditFigures analysis={shown} text={text} onAction={act} />}
      onAction={onAction}
    />
  );
}
