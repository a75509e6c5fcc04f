import { Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { checkNewPassword, passwordRuleText } from '../ui/passwordRule';
import { PublicLayout, ScreenTitle } from '../ui/PublicLayout';

/** Every admin password lost: the printed recovery code sets a new one; main then issues a new code. */
export function RecoverForm({
  archiveName,
  onRecovered,
  onCancel,
}: {
  archiveName: string | null;
  onRecovered: (newRecoveryCode: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [recoveryCode, setRecoveryCode] = useState('');
  const [adminUsername, setAdminUsername] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<{
    recoveryCode?: string;
    adminUsername?: string;
    password?: string;
    repeat?: string;
  }>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...checkNewPassword(t, password, repeat),
      recoveryCode: recoveryCode.trim() ? undefined : t('form.required'),
      adminUsername: adminUsername.trim() ? undefined : t('form.required'),
    };
    setProblems(found);
    if (Object.values(found).some(Boolean)) return;
    const result = await action.run('auth.recover', { recoveryCode, adminUsername, newPassword: password });
    if (result) onRecovered(result.recoveryCode);
  }

  return (
    <PublicLayout archiveName={archiveName} width={520}>
      <ScreenTitle sub={t('recover.intro')}>{t('recover.title')}</ScreenTitle>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('recover.code')}
            value={recoveryCode}
            onChange={(e) => setRecoveryCode(e.currentTarget.value)}
            error={problems.recoveryCode ?? action.fieldError('recoveryCode')}
            classNames={{ input: 'kd-mono' }}
            autoComplete="off"
            required
          />
          <TextInput
            label={t('recover.adminUsername')}
            value={adminUsername}
            onChange={(e) => setAdminUsername(e.currentTarget.value)}
            error={problems.adminUsername ?? action.fieldError('adminUsername')}
            autoComplete="username"
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
          <Group justify="space-between">
            <Button variant="default" onClick={onCancel} disabled={action.busy}>
              {t('common.back')}
            </Button>
            <Button type="submit" loading={action.busy} disabled={action.busy}>
              {t('recover.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </PublicLayout>
  );
}
