import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { UserDto } from '../../src-shared/contracts';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { checkNewPassword, passwordRuleText } from '../ui/passwordRule';

/**
 * Reset a password, or reactivate an account: both hand the user a temporary
 * password (a deactivated account has no key slot left, so it needs a new one).
 */
export function TemporaryPasswordModal({
  user,
  mode,
  onClose,
  onDone,
}: {
  user: UserDto;
  mode: 'reset' | 'reactivate';
  onClose: () => void;
  onDone: (user: UserDto) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | undefined>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkNewPassword(t, password, null).password;
    setProblem(found);
    if (found) return;
    const saved =
      mode === 'reset'
        ? await action.run('users.resetPassword', { id: user.id, temporaryPassword: password })
        : await action.run('users.setActive', { id: user.id, active: true, temporaryPassword: password });
    if (saved) onDone(saved);
  }

  const title =
    mode === 'reset'
      ? t('users.resetTitle', { name: user.username })
      : t('users.reactivateTitle', { name: user.username });
  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('users.temporaryPasswordExplain')}</Text>
          <PasswordInput
            label={t('users.temporaryPassword')}
            description={passwordRuleText(t)}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={problem ?? action.fieldError('temporaryPassword')}
            autoComplete="new-password"
            required
            data-autofocus
          />
          <ErrorAlert error={action.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={action.busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={action.busy} disabled={action.busy}>
              {mode === 'reset' ? t('users.resetPassword') : t('users.reactivate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
