import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { SessionDto } from '../../src-shared/contracts';
import type { Role } from '../../src-shared/roles';
import type { StringKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nProvider';

const ROLE_DUTIES: Record<Role, StringKey> = {
  admin: 'welcome.duty.admin',
  custodian: 'welcome.duty.custodian',
  manager: 'welcome.duty.manager',
  rep: 'welcome.duty.rep',
  auditor: 'welcome.duty.auditor',
};

/** The start page: who is logged in, in which roles, and what those roles are for. */
export function Welcome({ session }: { session: SessionDto }) {
  const { t, labels } = useI18n();
  return (
    <Stack gap="lg" maw={760}>
      <Title order={2}>{t('welcome.title', { name: session.displayName })}</Title>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm">
          <Group gap="xs">
            <Text fw={500}>{t('welcome.yourRoles')}</Text>
            {session.roles.map((role) => (
              <Badge key={role} variant="light">
                {labels.roles[role]}
              </Badge>
            ))}
          </Group>
          <List spacing="xs" size="sm">
            {session.roles.map((role) => (
              <List.Item key={role}>
                <Text span fw={500}>
                  {labels.roles[role]}
                </Text>
                {t('common.colon')}
                {t(ROLE_DUTIES[role])}
              </List.Item>
            ))}
          </List>
        </Stack>
      </Paper>
      <Text size="sm" c="dimmed">
        {t('welcome.confidential')}
      </Text>
    </Stack>
  );
}
