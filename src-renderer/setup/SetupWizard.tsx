import { Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { SetupResultDto } from '../../src-shared/contracts';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { checkNewPassword, passwordRuleText } from '../ui/passwordRule';
import { PublicLayout, ScreenTitle } from '../ui/PublicLayout';

interface Problems {
  archiveName?: string;
  adminUsername?: string;
  adminDisplayName?: string;
  password?: string;
  repeat?: string;
}

/** First start in an empty data folder: name the archive and create the first administrator. */
export function SetupWizard({ dataDir, onCreated }: { dataDir: string; onCreated: (result: SetupResultDto) => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [archiveName, setArchiveName] = useState('');
  const [adminUsername, setAdminUsername] = useState('');
  const [adminDisplayName, setAdminDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<Problems>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems = { ...checkNewPassword(t, password, repeat) };
    if (!archiveName.trim()) found.archiveName = t('form.required');
    if (!adminUsername.trim()) found.adminUsername = t('form.required');
    if (!adminDisplayName.trim()) found.adminDisplayName = t('form.required');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const result = await action.run('setup.createArchive', {
      archiveName,
      adminUsername,
      adminDisplayName,
      adminPassword: password,
    });
    if (result) onCreated(result);
  }

  return (
    <PublicLayout width={540}>
      <ScreenTitle sub={t('setup.intro')}>{t('setup.title')}</ScreenTitle>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('setup.archiveName')}
            description={t('setup.archiveNameHint')}
            value={archiveName}
            onChange={(e) => setArchiveName(e.currentTarget.value)}
            error={problems.archiveName ?? action.fieldError('archiveName')}
            required
            data-autofocus
          />
          <Title order={4} mt="sm">
            {t('setup.firstAdmin')}
          </Title>
          <TextInput
            label={t('user.username')}
            description={t('user.usernameHint')}
            value={adminUsername}
            onChange={(e) => setAdminUsername(e.currentTarget.value)}
            error={problems.adminUsername ?? action.fieldError('adminUsername')}
            autoComplete="username"
            required
          />
          <TextInput
            label={t('user.displayName')}
            value={adminDisplayName}
            onChange={(e) => setAdminDisplayName(e.currentTarget.value)}
            error={problems.adminDisplayName ?? action.fieldError('adminDisplayName')}
            required
          />
          <PasswordInput
            label={t('password.new')}
            description={passwordRuleText(t)}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={problems.password ?? action.fieldError('adminPassword')}
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
          <Button type="submit" loading={action.busy} disabled={action.busy}>
            {t('setup.create')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('setup.dataDir', { path: dataDir })}
          </Text>
        </Stack>
      </form>
    </PublicLayout>
  );
}
