import { Group, Loader, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import type { KedangErrorDto } from '../../src-shared/errors';
import { useI18n } from '../i18n/I18nProvider';
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
