import { Button, Checkbox, Group, Modal, MultiSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { UserDto } from '../../src-shared/contracts';
import { dutyConflicts, ROLES, type Role } from '../../src-shared/roles';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';
import { checkNewPassword, passwordRuleText } from '../ui/passwordRule';

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Create (user = null) or edit an account. Combining separate duties
 * (三员分立) needs the explicit checkbox; main refuses without it and logs it with it.
 */
export function UserFormModal({
  user,
  onClose,
  onSaved,
}: {
  user: UserDto | null;
  onClose: () => void;
  onSaved: (user: UserDto) => void;
}) {
  const { t, labels } = useI18n();
  const action = useAction();
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const [password, setPassword] = useState('');
  const [allowOverlap, setAllowOverlap] = useState(false);
  const [problems, setProblems] = useState<{
    username?: string;
    displayName?: string;
    roles?: string;
    password?: string;
  }>({});
  const conflicts = dutyConflicts(roles);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      username: user || username.trim() ? undefined : t('form.required'),
      displayName: displayName.trim() ? undefined : t('form.required'),
      roles: roles.length > 0 ? undefined : t('users.rolesRequired'),
      password: user ? undefined : checkNewPassword(t, password, null).password,
    };
    setProblems(found);
    if (Object.values(found).some(Boolean)) return;
    const allowDutyOverlap = conflicts.length > 0 && allowOverlap ? true : undefined;
    const saved = user
      ? await action.run('users.update', { id: user.id, displayName, roles, allowDutyOverlap })
      : await action.run('users.create', {
          username,
          displayName,
          roles,
          temporaryPassword: password,
          allowDutyOverlap,
        });
    if (saved) onSaved(saved);
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={user ? t('users.editTitle', { name: user.username }) : t('users.create')}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {user ? null : (
            <TextInput
              label={t('user.username')}
              description={t('user.usernameHint')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={problems.username ?? action.fieldError('username')}
              autoComplete="off"
              required
              data-autofocus
            />
          )}
          <TextInput
            label={t('user.displayName')}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={problems.displayName ?? action.fieldError('displayName')}
            required
          />
          <MultiSelect
            label={t('user.roles')}
            data={ROLES.map((role) => ({ value: role, label: labels.roles[role] }))}
            value={roles}
            onChange={(values) => setRoles(values.filter(isRole))}
            error={problems.roles ?? action.fieldError('roles')}
            comboboxProps={{ withinPortal: true }}
            required
          />
          {conflicts.length > 0 ? (
            <Checkbox
              color="orange"
              label={t('users.dutyOverlapConfirm')}
              description={t('users.dutyOverlapWhich', {
                roles: conflicts.map((role) => labels.roles[role]).join(t('common.listSeparator')),
              })}
              checked={allowOverlap}
              onChange={(e) => setAllowOverlap(e.currentTarget.checked)}
              data-testid="duty-overlap"
            />
          ) : null}
          {user ? null : (
            <PasswordInput
              label={t('users.temporaryPassword')}
              description={`${passwordRuleText(t)} ${t('users.temporaryPasswordHint')}`}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={problems.password ?? action.fieldError('temporaryPassword')}
              autoComplete="new-password"
              required
            />
          )}
          <ErrorAlert error={action.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={action.busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={action.busy} disabled={action.busy}>
              {user ? t('common.save') : t('users.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
