import { Stack, Tabs, Title } from '@mantine/core';
import type { SessionDto } from '../../src-shared/contracts';
import { BackupTab } from '../backup/BackupTab';
import { useI18n } from '../i18n/I18nProvider';
import { SettingsTab } from '../settings/SettingsTab';
import { UsersTab } from '../users/UsersTab';

/** 系统: accounts, settings and backups, each tab shown only when the session may use it. */
export function AdministrationScreen({ session, onRestored }: { session: SessionDto; onRestored: () => void }) {
  const { t } = useI18n();
  const may = (permission: SessionDto['permissions'][number]) => session.permissions.includes(permission);
  return (
    <Stack gap="md">
      <Title order={2}>{t('nav.admin')}</Title>
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List>
          {may('users.manage') ? <Tabs.Tab value="users">{t('admin.tab.users')}</Tabs.Tab> : null}
          {may('settings.manage') ? <Tabs.Tab value="settings">{t('admin.tab.settings')}</Tabs.Tab> : null}
          {may('backup.manage') ? <Tabs.Tab value="backup">{t('admin.tab.backup')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="users" pt="lg">
          <UsersTab currentUserId={session.userId} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="lg">
          <SettingsTab />
        </Tabs.Panel>
        <Tabs.Panel value="backup" pt="lg">
          <BackupTab onRestored={onRestored} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
