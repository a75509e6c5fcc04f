import { Button, Group, Loader, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import type { SettingsDto } from '../../src-shared/contracts';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNotify } from '../ui/Notifications';

const MIN_MINUTES = 1;
const MAX_MINUTES = 120;

/** Archive-wide settings; for now the idle lock, which protects an unattended screen. */
export function SettingsTab() {
  const { t } = useI18n();
  const notify = useNotify();
  const load = useAction();
  const save = useAction();
  const [settings, setSettings] = useState<SettingsDto | null>(null);
  const [minutes, setMinutes] = useState<number | string>('');
  const [problem, setProblem] = useState<string | undefined>();
  const { run } = load;

  useEffect(() => {
    void run('settings.get', {}).then((value) => {
      if (value) {
        setSettings(value);
        setMinutes(value.idleLockMinutes);
      }
    });
  }, [run]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = typeof minutes === 'number' ? minutes : Number.NaN;
    if (!Number.isInteger(value) || value < MIN_MINUTES || value > MAX_MINUTES) {
      setProblem(t('settings.idleRange', { min: MIN_MINUTES, max: MAX_MINUTES }));
      return;
    }
    setProblem(undefined);
    const saved = await save.run('settings.update', { idleLockMinutes: value });
    if (saved) {
      setSettings(saved);
      notify(t('settings.saved'));
    }
  }

  if (load.error) return <ErrorAlert error={load.error} />;
  if (!settings) return <Loader size="sm" />;
  return (
    <Paper withBorder radius="md" p="lg" maw={560}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            {t('settings.archiveName')}
            {t('common.colon')}
            <Text span fw={500}>
              {settings.archiveName}
            </Text>
          </Text>
          <NumberInput
            label={t('settings.idleLock')}
            description={t('settings.idleLockHint')}
            value={minutes}
            onChange={setMinutes}
            min={MIN_MINUTES}
            max={MAX_MINUTES}
            allowDecimal={false}
            suffix={` ${t('settings.minutes')}`}
            error={problem ?? save.fieldError('idleLockMinutes')}
            w={260}
          />
          <ErrorAlert error={save.error} />
          <Group>
            <Button type="submit" loading={save.busy} disabled={save.busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
