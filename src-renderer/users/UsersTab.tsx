import { Badge, Button, Group, Loader, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { UserDto } from '../../src-shared/contracts';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { useNotify } from '../ui/Notifications';
import { DeactivateModal } from './DeactivateModal';
import { RoleBadges } from './RoleBadges';
import { TemporaryPasswordModal } from './TemporaryPasswordModal';
import { UserFormModal } from './UserFormModal';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserDto }
  | { kind: 'reset'; user: UserDto }
  | { kind: 'reactivate'; user: UserDto }
  | { kind: 'deactivate'; user: UserDto };

/** The account list with every account action the administrator has. */
export function UsersTab({ currentUserId }: { currentUserId: number }) {
  const { t } = useI18n();
  const notify = useNotify();
  const load = useAction();
  // The list and when it was read, so "locked until" is judged against the time of reading.
  const [loaded, setLoaded] = useState<{ users: UserDto[]; at: number } | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [version, setVersion] = useState(0);
  const { run } = load;

  useEffect(() => {
    void run('users.list', {}).then((list) => {
      if (list) setLoaded({ users: list, at: Date.now() });
    });
  }, [run, version]);

  function done(message: string) {
    setDialog(null);
    notify(message);
    setVersion((n) => n + 1);
  }

  const users = loaded?.users ?? null;
  const now = loaded?.at ?? 0;
  return (
    <>
      <Group justify="space-between" mb="md">
        <Text c="dimmed" size="sm">
          {t('users.intro')}
        </Text>
        <Button onClick={() => setDialog({ kind: 'create' })}>{t('users.create')}</Button>
      </Group>
      <ErrorAlert error={load.error} />
      {users === null && !load.error ? <Loader size="sm" /> : null}
      {users ? (
        <Table striped highlightOnHover withTableBorder verticalSpacing="sm" data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('user.username')}</Table.Th>
              <Table.Th>{t('user.displayName')}</Table.Th>
              <Table.Th>{t('user.roles')}</Table.Th>
              <Table.Th>{t('users.status')}</Table.Th>
              <Table.Th>{t('users.lockedUntil')}</Table.Th>
              <Table.Th>{t('users.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => {
              const locked = user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now;
              return (
                <Table.Tr key={user.id} data-username={user.username}>
                  <Table.Td className="kd-mono">{user.username}</Table.Td>
                  <Table.Td>{user.displayName}</Table.Td>
                  <Table.Td>
                    <RoleBadges roles={user.roles} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {user.active ? (
                        <Badge color="green" variant="light" size="sm">
                          {t('users.active')}
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="filled" size="sm">
                          {t('users.inactive')}
                        </Badge>
                      )}
                      {user.mustChangePassword ? (
                        <Badge color="yellow" variant="light" size="sm">
                          {t('users.mustChange')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {locked ? (
                      <Text size="sm" c="red">
                        {formatDateTime(user.lockedUntil)}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-sm" variant="subtle" onClick={() => setDialog({ kind: 'edit', user })}>
                        {t('users.edit')}
                      </Button>
                      {user.active ? (
                        <>
                          <Button size="compact-sm" variant="subtle" onClick={() => setDialog({ kind: 'reset', user })}>
                            {t('users.resetPassword')}
                          </Button>
                          {user.id !== currentUserId ? (
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color="red"
                              onClick={() => setDialog({ kind: 'deactivate', user })}
                            >
                              {t('users.deactivate')}
                            </Button>
                          ) : null}
                        </>
                      ) : (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setDialog({ kind: 'reactivate', user })}
                        >
                          {t('users.reactivate')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}

      {dialog?.kind === 'create' ? (
        <UserFormModal
          user={null}
          onClose={() => setDialog(null)}
          onSaved={(user) => done(t('users.created', { name: user.username }))}
        />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <UserFormModal
          user={dialog.user}
          onClose={() => setDialog(null)}
          onSaved={(user) => done(t('users.saved', { name: user.username }))}
        />
      ) : null}
      {dialog?.kind === 'reset' || dialog?.kind === 'reactivate' ? (
        <TemporaryPasswordModal
          user={dialog.user}
          mode={dialog.kind}
          onClose={() => setDialog(null)}
          onDone={(user) =>
            done(
              dialog.kind === 'reset'
                ? t('users.passwordReset', { name: user.username })
                : t('users.reactivated', { name: user.username }),
            )
          }
        />
      ) : null}
      {dialog?.kind === 'deactivate' ? (
        <DeactivateModal
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={(user) => done(t('users.deactivated', { name: user.username }))}
        />
      ) : null}
    </>
  );
}
