import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SessionDto } from '../../src-shared/contracts';
import type { Role } from '../../src-shared/roles';
import type { StringKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nProvider';
import { AdminHome } from './AdminHome';
import { AuditorHome } from './AuditorHome';
import { CustodianHome } from './CustodianHome';
import { ManagerHome } from './ManagerHome';
import { RepHome } from './RepHome';
import './home.css';

const ROLE_DUTIES: Record<Role, StringKey> = {
  admin: 'welcome.duty.admin',
  custodian: 'welcome.duty.custodian',
  manager: 'welcome.duty.manager',
  rep: 'welcome.duty.rep',
  auditor: 'welcome.duty.auditor',
};

/**
 * 首页: one block per role the user holds, in the order of the roles on the session, each
 * reading its own start channel. A role's block shows only when the session also holds the
 * permission its channel needs (main checks again on every call).
 */
export function StartPage({ session }: { session: SessionDto }) {
  const { t, labels } = useI18n();
  const may = (p: SessionDto['permissions'][number]) => session.permissions.includes(p);
  const blocks: Record<Role, () => ReactNode> = {
    custodian: () => (may('visits.review') ? <CustodianHome /> : null),
    manager: () => (may('analysis.read') ? <ManagerHome /> : null),
    rep: () => (may('visits.submit') ? <RepHome username={session.username} /> : null),
    auditor: () => (may('accessLog.read') ? <AuditorHome canVerify={may('accessLog.verify')} /> : null),
    admin: () => (may('users.manage') ? <AdminHome /> : null),
  };

  return (
    <Stack gap="lg" data-testid="start-page">
      <Group gap="sm" align="baseline">
        <Title order={2}>{t('welcome.title', { name: session.displayName })}</Title>
        <Group gap={6} aria-label={t('welcome.yourRoles')}>
          {session.roles.map((role) => (
            <Badge key={role} variant="light">
              {labels.roles[role]}
            </Badge>
          ))}
        </Group>
      </Group>
      {session.roles.map((role) => (
        <Stack key={role} gap="xs" data-home-role={role}>
          <Text c="dimmed" size="sm">
            <Text span fw={600}>
              {labels.roles[role]}
            </Text>
            {t('common.colon')}
            {t(ROLE_DUTIES[role])}
          </Text>
          {blocks[role]()}
        </Stack>
      ))}
      <Text size="sm" c="dimmed" data-testid="confidential-line">
        {t('welcome.confidential')}
      </Text>
    </Stack>
  );
}
