import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { ROLES } from '../../src-shared/roles';
import { useI18n } from '../i18n/I18nProvider';
import { useNavigation } from '../shell/navigation';
import { formatBytes, formatDateTime } from '../ui/format';
import { Figure, HomeBlock } from './home-parts';
import { useChannel } from './use-channel';

/** A backup older than this many days is flagged: a week of card work is what an office can bear to redo. */
const BACKUP_WARN_DAYS = 7;

/** The administrator's start page: the accounts, the last backup and the space the archive takes. */
export function AdminHome() {
  const { t, labels } = useI18n();
  const navigation = useNavigation();
  const start = useChannel('home.admin', {});
  const value = start.value;
  const toAdmin = () => navigation.goTo('admin');

  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" data-testid="home-admin">
      <HomeBlock
        title={t('home.admin.users')}
        loading={start.loading}
        error={start.error}
        testId="admin-users"
        actions={
          <Button size="xs" variant="light" onClick={toAdmin}>
            {t('home.admin.open')}
          </Button>
        }
      >
        {value ? (
          <Stack gap="xs">
            <Group gap="xs">
              <Badge variant="light" color="green" className="kd-badge-whole">
                {t('home.admin.active', { n: value.users.active })}
              </Badge>
              <Badge variant="light" color="gray" className="kd-badge-whole">
                {t('home.admin.inactive', { n: value.users.inactive })}
              </Badge>
              {value.users.mustChangePassword > 0 ? (
                <Badge variant="light" color="orange" className="kd-badge-whole">
                  {t('home.admin.mustChange', { n: value.users.mustChangePassword })}
                </Badge>
              ) : null}
            </Group>
            <Stack gap={2}>
              {ROLES.map((role) => (
                <Group key={role} justify="space-between" data-role={role}>
                  <Text size="sm">{labels.roles[role]}</Text>
                  <Text size="sm" className="kd-mono">
                    {value.users.byRole[role]}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Stack>
        ) : null}
      </HomeBlock>

      <HomeBlock title={t('home.admin.backup')} loading={start.loading} error={start.error} testId="admin-backup">
        {value ? (
          value.lastBackup === null ? (
            <Alert color="red" variant="light" data-testid="backup-warning">
              {t('home.admin.noBackup')}
            </Alert>
          ) : (
            <Stack gap="xs">
              <Figure
                label={formatDateTime(value.lastBackup.at)}
                value={
                  value.daysSinceBackup === 0
                    ? t('home.admin.backupToday')
                    : t('home.admin.backupDays', { n: value.daysSinceBackup ?? 0 })
                }
                note={`${value.lastBackup.by} · ${formatBytes(value.lastBackup.bytes)}`}
                testId="backup-age"
              />
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                {value.lastBackup.path}
              </Text>
              {(value.daysSinceBackup ?? 0) > BACKUP_WARN_DAYS ? (
                <Alert color="orange" variant="light" data-testid="backup-warning">
                  {t('home.admin.backupOld', { n: value.daysSinceBackup ?? 0 })}
                </Alert>
              ) : null}
            </Stack>
          )
        ) : null}
      </HomeBlock>

      <HomeBlock title={t('home.admin.storage')} loading={start.loading} error={start.error} testId="admin-storage">
        {value ? (
          <Stack gap={4}>
            <Group justify="space-between">
              <Text size="sm">{t('home.admin.archiveSize')}</Text>
              <Text size="sm" className="kd-mono" data-testid="archive-bytes">
                {formatBytes(value.storage.archiveBytes)}
              </Text>
            </Group>
            <Group justify="space-between">
              <Text size="sm">{t('home.admin.keyringSize')}</Text>
              <Text size="sm" className="kd-mono">
                {formatBytes(value.storage.keyringBytes)}
              </Text>
            </Group>
            <Group justify="space-between">
              <Text size="sm">{t('home.admin.freeDisk')}</Text>
              <Text size="sm" className="kd-mono">
                {value.storage.freeBytes === null ? t('home.admin.unknown') : formatBytes(value.storage.freeBytes)}
              </Text>
            </Group>
          </Stack>
        ) : null}
      </HomeBlock>
    </SimpleGrid>
  );
}
