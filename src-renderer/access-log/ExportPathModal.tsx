import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { KedangErrorDto } from '../../src-shared/errors';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';

/** Where the host has no save dialog, the auditor types the target path of the Excel file. */
export function ExportPathModal({
  busy,
  error,
  onExport,
  onClose,
}: {
  busy: boolean;
  error: KedangErrorDto | null;
  onExport: (path: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!path.trim()) {
      setProblem(t('form.required'));
      return;
    }
    setProblem(undefined);
    onExport(path.trim());
  }
  return (
    <Modal opened onClose={onClose} title={t('log.export')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('log.exportPath')}
            description={t('log.exportPathHint')}
            value={path}
            onChange={(e) => setPath(e.currentTarget.value)}
            error={problem ?? error?.fields?.path}
            classNames={{ input: 'kd-mono' }}
            data-autofocus
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={busy}>
              {t('log.exportSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
