import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of every screen before the app shell: product name, archive name, language switch, one card. */
export function PublicLayout({
  archiveName,
  width = 460,
  children,
}: {
  archiveName?: string | null;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Box className="kd-public">
      <Group justify="space-between" px="lg" py="sm" className="kd-public-bar">
        <Group gap="xs" align="baseline">
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
          {archiveName ? <Text c="dimmed">· {archiveName}</Text> : null}
        </Group>
        <LanguageSwitch />
      </Group>
      <Stack align="center" px="md" py={48}>
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={width}>
          {children}
        </Paper>
      </Stack>
    </Box>
  );
}

export function ScreenTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  return (
    <Stack gap={4} mb="lg">
      <Title order={2}>{children}</Title>
      {sub ? (
        <Text c="dimmed" size="sm">
          {sub}
        </Text>
      ) : null}
    </Stack>
  );
}
