import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { SessionDto } from '../../src-shared/contracts';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { PublicLayout, ScreenTitle } from '../ui/PublicLayout';

/**
 * Log in. The message for a wrong user name and a wrong password is the same
 * text from main (it must not reveal which user names exist).
 */
export function LoginScreen({
  archiveName,
  notice,
  onLoggedIn,
  onRecover,
}: {
  archiveName: string | null;
  /** Why the user is here again (idle lock, restore, ...), shown above the form. */
  notice: string | null;
  onLoggedIn: (session: SessionDto) => void;
  onRecover: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});

  // ACCOUNT_LOCKED carries the end of the lock: saying when helps the user more than "try later".
  const until = action.error?.code === 'ACCOUNT_LOCKED' ? action.error.facts?.until : undefined;
  const lockedUntil = typeof until === 'string' ? until : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      username: username.trim() ? undefined : t('form.required'),
      password: password ? undefined : t('form.required'),
    };
    setMissing(found);
    if (found.username || found.password) return;
    const session = await action.run('auth.login', { username, password });
    if (session) onLoggedIn(session);
    else setPassword('');
  }

  return (
    <PublicLayout archiveName={archiveName}>
      <ScreenTitle>{t('login.title')}</ScreenTitle>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {notice && !action.error ? (
            <Alert color="blue" variant="light" data-testid="login-notice">
              {notice}
            </Alert>
          ) : null}
          <TextInput
            label={t('user.username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={missing.username ?? action.fieldError('username')}
            autoComplete="username"
            required
            autoFocus
          />
          <PasswordInput
            label={t('password.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={missing.password ?? action.fieldError('password')}
            autoComplete="current-password"
            required
          />
          <ErrorAlert error={action.error} />
          {lockedUntil ? (
            <Text size="sm" c="red" data-testid="locked-until">
              {t('login.lockedUntil', { time: formatDateTime(lockedUntil) })}
            </Text>
          ) : null}
          <Button type="submit" loading={action.busy} disabled={action.busy}>
            {t('login.submit')}
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={onRecover}>
            {t('login.forgot')}
          </Anchor>
        </Stack>
      </form>
    </PublicLayout>
  );
}
