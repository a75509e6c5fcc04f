import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { SessionDto } from '../../src-shared/contracts';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { checkNewPassword, passwordRuleText } from '../ui/passwordRule';

/** Used both on the forced change screen and in the header's change-password dialog. */
export function ChangePasswordForm({
  onChanged,
  secondary,
}: {
  onChanged: (session: SessionDto) => void;
  /** A cancel or logout button placed left of submit. */
  secondary?: ReactNode;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<{ current?: string; password?: string; repeat?: string }>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...checkNewPassword(t, password, repeat),
      current: current ? undefined : t('form.required'),
    };
    setProblems(found);
    if (Object.values(found).some(Boolean)) return;
    const session = await action.run('auth.changePassword', { currentPassword: current, newPassword: password });
    if (session) onChanged(session);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <PasswordInput
          label={t('password.current')}
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={problems.current ?? action.fieldError('currentPassword')}
          autoComplete="current-password"
          required
        />
        <PasswordInput
          label={t('password.new')}
          description={passwordRuleText(t)}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={problems.password ?? action.fieldError('newPassword')}
          autoComplete="new-password"
          required
        />
        <PasswordInput
          label={t('password.repeat')}
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={problems.repeat}
          autoComplete="new-password"
          required
        />
        <ErrorAlert error={action.error} />
        <Group justify={secondary ? 'space-between' : 'flex-end'}>
          {secondary}
          <Button type="submit" loading={action.busy} disabled={action.busy}>
            {t('password.change')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
