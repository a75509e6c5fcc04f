import { EmptyState, Paper, Stack, Text, Title } from '@mantine/core';
import type { StringKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nProvider';

/** An honest placeholder for a domain that is not built yet: no sample data that could be mistaken for real. */
export function LaterVersion({ title, about }: { title: StringKey; about: StringKey }) {
  const { t } = useI18n();
  return (
    <Stack gap="md">
      <Title order={2}>{t(title)}</Title>
      <Paper withBorder radius="md" p="xl" data-testid="later-version">
        <EmptyState size="lg" withIndicatorBackground icon={<ArchiveBoxIcon />} title={t('later.title')}>
          <Stack gap={6} align="center" maw={560}>
            <Text c="dimmed" ta="center">
              {t(about)}
            </Text>
            <Text fw={500} ta="center">
              {t('later.notYet')}
            </Text>
          </Stack>
        </EmptyState>
      </Paper>
    </Stack>
  );
}

/** An archive box outline, drawn inline: emoji need a colour-emoji font that office PCs may lack. */
function ArchiveBoxIcon() {
  return (
    <svg
      width="40"
      height="40"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      aria-hidden="true"
    >
      <rect x="3" y="4" width="18" height="4" rx="1" />
      <path d="M5 8v11a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8" />
      <path d="M10 12h4" />
    </svg>
  );
}
