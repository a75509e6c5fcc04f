import { Alert, Code, Stack, Text } from '@mantine/core';
import { errorMessage, type ErrorCode } from '../../src-shared/errors';
import { useI18n } from '../i18n/I18nProvider';
import { PublicLayout, ScreenTitle } from '../ui/PublicLayout';

/**
 * The data folder holds something that cannot be opened. Deliberately no
 * "set up again" button: that would put an empty archive over the real one.
 */
export function ArchiveProblem({ problem, dataDir }: { problem: ErrorCode | null; dataDir: string }) {
  const { t, language } = useI18n();
  return (
    <PublicLayout width={620}>
      <ScreenTitle>{t('problem.title')}</ScreenTitle>
      <Stack gap="md">
        <Alert color="red" variant="filled" title={t('problem.alertTitle')} role="alert">
          {errorMessage(problem ?? 'INTERNAL', language)}
        </Alert>
        <div>
          <Text size="sm" fw={500}>
            {t('problem.dataDir')}
          </Text>
          <Code block>{dataDir}</Code>
        </div>
        <Text size="sm">{t('problem.advice')}</Text>
      </Stack>
    </PublicLayout>
  );
}
