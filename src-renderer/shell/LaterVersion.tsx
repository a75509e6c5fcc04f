import { EmptyState, Paper } from '@mantine/core';
import type { StringKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nProvider';

/** An honest placeholder for a domain that is not built yet: no sample data that could be mistaken for real. */
export function LaterVersion({ title, about }: { title: StringKey; about: StringKey }) {
  const { t } = useI18n();
  return (
    <Paper withBorder radius="md" p="xl" data-testid="later-version">
      <EmptyState
        size="lg"
        withIndicatorBackground
        icon={<span className="kd-empty-icon">⏳</span>}
        title={t(title)}
        description={`${t(about)} ${t('later.notYet')}`}
      />
    </Paper>
  );
}
