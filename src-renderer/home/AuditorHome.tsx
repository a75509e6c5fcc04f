import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { LogVerificationDto } from '../../src-shared/contracts';
import { VerifyResult } from '../access-log/VerifyResult';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { useNavigation } from '../shell/navigation';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Figure, HomeBlock } from './home-parts';
import { useChannel } from './use-channel';

/** The auditor's start page: how long the access log is, how its last verification went, and a verify button. */
export function AuditorHome({ canVerify }: { canVerify: boolean }) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const status = useChannel('accessLog.status', {});
  const verify = useAction();
  const [fresh, setFresh] = useState<LogVerificationDto | null>(null);
  const last = fresh ?? status.value?.lastVerification ?? null;

  async function verifyNow() {
    const result = await verify.run('accessLog.verify', {});
    if (result) {
      setFresh(result);
      status.reload();
    }
  }

  return (
    <HomeBlock
      title={t('home.auditor.title')}
      loading={status.loading}
      error={status.error}
      testId="home-auditor"
      actions={
        <Group gap="xs">
          {canVerify ? (
            <Button size="xs" onClick={() => void verifyNow()} loading={verify.busy} data-testid="home-verify">
              {t('home.auditor.verifyNow')}
            </Button>
          ) : null}
          <Button size="xs" variant="light" onClick={() => navigation.goTo('accessLog')}>
            {t('home.auditor.open')}
          </Button>
        </Group>
      }
    >
      {status.value ? (
        <Stack gap="sm">
          <Figure
            label={t('home.auditor.rows')}
            value={status.value.rows.toLocaleString()}
            testId="log-rows"
            onClick={() => navigation.goTo('accessLog')}
          />
          <Text size="sm" fw={500}>
            {t('home.auditor.lastVerification')}
          </Text>
          {last ? (
            <>
              <VerifyResult result={last} />
              {status.value.lastVerifiedBy ? (
                <Text size="sm" c="dimmed" data-testid="verified-by">
                  {t('home.auditor.verifiedBy', { name: status.value.lastVerifiedBy })}
                </Text>
              ) : null}
            </>
          ) : (
            <Text size="sm" c="orange" data-testid="never-verified">
              {t('home.auditor.neverVerified')}
            </Text>
          )}
        </Stack>
      ) : null}
      <ErrorAlert error={verify.error} />
    </HomeBlock>
  );
}
