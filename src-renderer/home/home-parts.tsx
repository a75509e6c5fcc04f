import { Badge, Group, Loader, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import type { VisitReportSummary } from '../../src-shared/contracts';
import type { KedangErrorDto } from '../../src-shared/errors';
import { useI18n, type Translate } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';

/** One block of a start page: a titled box that says when it is still reading or could not read. */
export function HomeBlock({
  title,
  actions,
  loading,
  error,
  children,
  testId,
}: {
  title: string;
  actions?: ReactNode;
  loading: boolean;
  error: KedangErrorDto | null;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId} data-loading={loading ? 'true' : 'false'}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={4}>{title}</Title>
          {actions}
        </Group>
        <ErrorAlert error={error} />
        {loading && !error ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('home.loading')}
            </Text>
          </Group>
        ) : null}
        {children}
      </Stack>
    </Paper>
  );
}

/** A key figure: a large number over its label; clickable when it leads somewhere. */
export function Figure({
  label,
  value,
  note,
  color,
  onClick,
  testId,
}: {
  label: string;
  value: string;
  note?: string | null;
  color?: string;
  onClick?: () => void;
  testId?: string;
}) {
  const body = (
    <Stack gap={0} className="kd-home-figure" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={color} className="kd-mono">
        {value}
      </Text>
      {note ? (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Stack>
  );
  return onClick ? (
    <UnstyledButton onClick={onClick} className="kd-home-link">
      {body}
    </UnstyledButton>
  ) : (
    body
  );
}

/** Who, or about whom, a visit report is: the card, the prospect's name, or the market in general. */
export function reportSubject(report: VisitReportSummary, t: Translate): string {
  if (report.customer) return `${report.customer.code} ${report.customer.name}`;
  if (report.prospectName) return report.prospectName;
  return t('home.subject.general');
}

/** A visit report's urgency, standing out when urgent. */
export function UrgencyBadge({ urgency }: { urgency: VisitReportSummary['urgency'] }) {
  const { t } = useI18n();
  return (
    <Badge
      size="sm"
      variant={urgency === 'urgent' ? 'filled' : 'light'}
      color={urgency === 'urgent' ? 'red' : urgency === 'periodic' ? 'teal' : 'gray'}
      className="kd-badge-whole"
    >
      {t(`home.urgency.${urgency}`)}
    </Badge>
  );
}

export function ReportStatusBadge({ status }: { status: VisitReportSummary['status'] }) {
  const { t } = useI18n();
  return (
    <Badge size="sm" variant="light" color={status === 'pending' ? 'orange' : 'green'} className="kd-badge-whole">
      {t(`home.reportStatus.${status}`)}
    </Badge>
  );
}
