import { Button, Group, List, Loader, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../src-shared/contracts';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { formatBytes, formatDateTime } from '../ui/format';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNotify } from '../ui/Notifications';
import { PathField } from './PathField';

type BackupStatus = OutputOf<'backup.status'>;

/** Backups (an encrypted snapshot of the open archive) and restoring one after an explicit confirmation. */
export function BackupTab({ onRestored }: { onRestored: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const load = useAction();
  const create = useAction();
  const restore = useAction();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [backupPath, setBackupPath] = useState('');
  const [restorePath, setRestorePath] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problems, setProblems] = useState<{ backup?: string; restore?: string }>({});
  const [version, setVersion] = useState(0);
  const { run } = load;

  useEffect(() => {
    void run('backup.status', {}).then((value) => {
      if (value) {
        setStatus(value);
        // Prefill only once, so a path the user typed is not overwritten by a refresh.
        setBackupPath((current) => current || value.suggestedPath);
      }
    });
  }, [run, version]);

  async function backUp() {
    if (!backupPath.trim()) {
      setProblems({ backup: t('form.required') });
      return;
    }
    setProblems({});
    const made = await create.run('backup.create', { path: backupPath.trim() });
    if (made) {
      notify(t('backup.done', { path: made.path, size: formatBytes(made.bytes) }));
      setVersion((n) => n + 1);
    }
  }

  function askRestore() {
    if (!restorePath.trim()) {
      setProblems({ restore: t('form.required') });
      return;
    }
    setProblems({});
    restore.clearError();
    setConfirming(true);
  }

  async function doRestore() {
    const done = await restore.run('backup.restore', { path: restorePath.trim(), confirm: true });
    if (done) {
      setConfirming(false);
      onRestored();
    }
  }

  if (load.error && !status) return <ErrorAlert error={load.error} />;
  if (!status) return <Loader size="sm" />;
  const last = status.lastBackup;
  return (
    <Stack gap="lg" maw={820}>
      <Paper withBorder radius="md" p="lg">
        <SimpleGrid cols={2} spacing="md">
          <div>
            <Text size="sm" c="dimmed">
              {t('backup.last')}
            </Text>
            {last ? (
              <Stack gap={2} data-testid="last-backup">
                <Text fw={500}>{formatDateTime(last.at)}</Text>
                <Text size="sm">{t('backup.lastBy', { user: last.by, size: formatBytes(last.bytes) })}</Text>
                <Text size="xs" className="kd-mono" c="dimmed">
                  {last.path}
                </Text>
              </Stack>
            ) : (
              <Text fw={500} c="orange">
                {t('backup.never')}
              </Text>
            )}
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('backup.archiveSize')}
            </Text>
            <Text fw={500}>{formatBytes(status.archiveBytes)}</Text>
          </div>
        </SimpleGrid>
      </Paper>

      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm">
          <Title order={4}>{t('backup.createTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('backup.createHint')}
          </Text>
          <PathField
            label={t('backup.path')}
            value={backupPath}
            onChange={setBackupPath}
            purpose="backup"
            mode="save"
            error={problems.backup ?? create.fieldError('path')}
            testId="backup-path"
          />
          <ErrorAlert error={create.error} />
          <Group>
            <Button onClick={() => void backUp()} loading={create.busy} disabled={create.busy}>
              {t('backup.create')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm">
          <Title order={4}>{t('backup.restoreTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('backup.restoreHint')}
          </Text>
          <PathField
            label={t('backup.restorePath')}
            value={restorePath}
            onChange={setRestorePath}
            purpose="restore"
            mode="open"
            error={problems.restore}
            testId="restore-path"
          />
          <Group>
            <Button color="red" variant="outline" onClick={askRestore}>
              {t('backup.restore')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('backup.confirmTitle')}
        centered
        size="lg"
      >
        <Stack gap="md">
          <Text size="sm">{t('backup.confirmIntro')}</Text>
          <Text size="sm" className="kd-mono">
            {restorePath}
          </Text>
          <List size="sm" spacing="xs">
            <List.Item>{t('backup.confirmReplace')}</List.Item>
            <List.Item>{t('backup.confirmLogKept')}</List.Item>
            <List.Item>{t('backup.confirmLogout')}</List.Item>
          </List>
          <ErrorAlert error={restore.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={restore.busy}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => void doRestore()} loading={restore.busy} disabled={restore.busy}>
              {t('backup.confirmRestore')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
