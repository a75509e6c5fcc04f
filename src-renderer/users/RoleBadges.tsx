import { Badge, Group } from '@mantine/core';
import type { Role } from '../../src-shared/roles';
import { useI18n } from '../i18n/I18nProvider';

const ROLE_COLORS: Record<Role, string> = {
  admin: 'grape',
  custodian: 'blue',
  manager: 'teal',
  rep: 'cyan',
  auditor: 'orange',
};

export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  const { labels } = useI18n();
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} color={ROLE_COLORS[role]} variant="light" size="sm">
          {labels.roles[role]}
        </Badge>
      ))}
    </Group>
  );
}
