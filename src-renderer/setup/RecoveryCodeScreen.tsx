import { Alert, Box, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../i18n/I18nProvider';
import { formatDate } from '../ui/format';
import { PublicLayout, ScreenTitle } from '../ui/PublicLayout';

/**
 * Shows a recovery code exactly once (after setup or after a recovery). The
 * user must confirm it is stored before moving on; the printed sheet is a
 * separate element so the printout carries only the code and its context.
 */
export function RecoveryCodeScreen({
  code,
  archiveName,
  reason,
  onDone,
}: {
  code: string;
  archiveName: string;
  reason: 'setup' | 'recover';
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const today = formatDate(new Date());

  return (
    <PublicLayout archiveName={archiveName} width={640}>
      <ScreenTitle sub={reason === 'setup' ? t('recoveryCode.afterSetup') : t('recoveryCode.afterRecover')}>
        {t('recoveryCode.title')}
      </ScreenTitle>
      <Stack gap="lg">
        <Box className="kd-recovery-code" data-testid="recovery-code" aria-label={t('recoveryCode.title')}>
          {code}
        </Box>
        <Alert color="orange" variant="light" title={t('recoveryCode.whatTitle')}>
          <Text size="sm">{t('recoveryCode.what')}</Text>
          <Text size="sm" mt="xs" fw={500}>
            {t('recoveryCode.once')}
          </Text>
        </Alert>
        <Group justify="space-between">
          <Button variant="default" onClick={() => window.print()}>
            {t('recoveryCode.print')}
          </Button>
        </Group>
        <Checkbox
          label={t('recoveryCode.savedCheck')}
          checked={saved}
          onChange={(e) => setSaved(e.currentTarget.checked)}
        />
        <Button disabled={!saved} onClick={onDone}>
          {t('recoveryCode.continue')}
        </Button>
      </Stack>
      {createPortal(
        <div className="kd-print-sheet">
          <h1>{t('recoveryCode.sheetTitle')}</h1>
          <p className="kd-print-label">{t('recoveryCode.sheetArchive')}</p>
          <p className="kd-print-value">{archiveName}</p>
          <p className="kd-print-label">{t('recoveryCode.sheetCode')}</p>
          <p className="kd-print-code">{code}</p>
          <p className="kd-print-label">{t('recoveryCode.sheetDate')}</p>
          <p className="kd-print-value">{today}</p>
          <p className="kd-print-warning">{t('recoveryCode.sheetWarning')}</p>
        </div>,
        document.body,
      )}
    </PublicLayout>
  );
}
