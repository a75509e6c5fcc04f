import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { VisitReportDto } from '../../src-shared/contracts/visits';
import { useCardLabels } from '../cards/card-labels';
import { useI18n } from '../i18n/I18nProvider';
import { useNavigation } from '../shell/navigation';
import { formatDateTime } from '../ui/format';
import { sameValue } from './proposed-values';
import { DECISION_COLORS, DECISION_KEYS, PERIOD_KEYS, reportAbout } from './report-labels';
import { ShownValue } from './ShownValue';
import { ReportStatusBadge, UrgencyBadge } from './ReportBadges';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </div>
  );
}

/** Who, when, about whom and what was learned: the part of a report that never changes. */
export function ReportHeader({ report }: { report: VisitReportDto }) {
  const { t } = useI18n();
  return (
    <Paper
      withBorder
      p="md"
      className="kd-visit-report"
      data-urgent={report.urgency === 'urgent' ? 'true' : undefined}
      data-testid="report-header"
    >
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={3}>{t('visits.report.title', { number: report.number })}</Title>
          <UrgencyBadge urgency={report.urgency} size="md" />
          <Badge variant="light" color="gray" className="kd-badge-whole">
            {t(PERIOD_KEYS[report.period])}
          </Badge>
          <ReportStatusBadge status={report.status} size="md" testId="report-status" />
        </Group>
        <SimpleGrid cols={4} spacing="md">
          <Fact label={t('visits.report.rep')}>{report.repName || report.repUsername}</Fact>
          <Fact label={t('visits.report.visitOn')}>
            <span className="kd-mono">{report.visitOn}</span>
          </Fact>
          <Fact label={t('visits.report.about')}>{reportAbout(report, t)}</Fact>
          <Fact label={t('visits.report.submittedAt')}>
            <span className="kd-mono">{formatDateTime(report.submittedAt)}</span>
          </Fact>
        </SimpleGrid>
        <div>
          <Text size="xs" c="dimmed">
            {t('visits.report.findings')}
          </Text>
          <Text size="sm" className="kd-visit-findings" data-testid="report-findings">
            {report.findings}
          </Text>
        </div>
      </Stack>
    </Paper>
  );
}

/** The proposed changes with what became of each (a pending report shows them undecided). */
export function DecidedChanges({ report }: { report: VisitReportDto }) {
  const { t } = useI18n();
  const labels = useCardLabels();
  if (report.changes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('visits.report.noChanges')}
      </Text>
    );
  return (
    <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={6} data-testid="report-changes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="18%">{t('visits.report.field')}</Table.Th>
          <Table.Th>{t('visits.report.before')}</Table.Th>
          <Table.Th>{t('visits.report.proposed')}</Table.Th>
          <Table.Th w={120}>{t('visits.report.decision')}</Table.Th>
          <Table.Th>{t('visits.report.applied')}</Table.Th>
          <Table.Th>{t('visits.report.reason')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.changes.map((c) => (
          <Table.Tr key={c.path} data-change-path={c.path} data-decision={c.decision}>
            <Table.Td className="kd-nowrap">{labels.field(c.path)}</Table.Td>
            <Table.Td>{report.subject === 'prospect' ? '—' : <ShownValue path={c.path} value={c.before} />}</Table.Td>
            <Table.Td>
              <ShownValue path={c.path} value={c.proposed} />
            </Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={DECISION_COLORS[c.decision]} className="kd-badge-whole">
                {t(DECISION_KEYS[c.decision])}
              </Badge>
            </Table.Td>
            <Table.Td
              className={c.decision === 'edited' && !sameValue(c.applied, c.proposed) ? 'kd-visit-changed' : ''}
            >
              {c.decision === 'accepted' || c.decision === 'edited' ? (
                <ShownValue path={c.path} value={c.applied} />
              ) : (
                ''
              )}
            </Table.Td>
            <Table.Td>
              <span className="kd-visit-value">{c.reason}</span>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** How the custodian closed the report: by whom, the note, and the card version it made (with a way there). */
export function ReviewOutcome({ report }: { report: VisitReportDto }) {
  const { t } = useI18n();
  const navigation = useNavigation();
  if (report.status !== 'closed') return null;
  const customer = report.customer;
  return (
    <Alert color={report.cardVersion !== null ? 'green' : 'gray'} variant="light" data-testid="review-outcome">
      <Stack gap={6}>
        <Text size="sm">
          {t('visits.report.reviewed', { by: report.reviewedBy ?? '', at: formatDateTime(report.reviewedAt) })}
        </Text>
        {report.reviewNote ? (
          <Text size="sm" className="kd-visit-value">
            {t('visits.report.note')}
            {t('common.colon')}
            {report.reviewNote}
          </Text>
        ) : null}
        <Group gap="sm">
          <Text size="sm" fw={500} data-testid="review-card-version">
            {report.cardVersion !== null && customer
              ? t('visits.report.cardVersion', { code: customer.code, version: report.cardVersion })
              : t('visits.report.noCardVersion')}
          </Text>
          {customer ? (
            <Button size="compact-sm" variant="light" onClick={() => navigation.showCards({ openCardId: customer.id })}>
              {t('visits.report.openCard')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Alert>
  );
}
