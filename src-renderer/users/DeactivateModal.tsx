import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { UserDto } from '../../src-shared/contracts';
import { useAction } from '../api/useAction';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';

/** Deactivation removes the user's key slot: say so before doing it. */
export function DeactivateModal({
  user,
  onClose,
  onDone,
}: {
  user: UserDto;
  onClose: () => void;
  onDone: (user: UserDto) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  async function confirm() {
    const saved = await action.run('users.setActive', { id: user.id, active: false });
    if (saved) onDone(saved);
  }
  return (
    <Modal opened onClose={onClose} title={t('users.deactivateTitle', { name: user.username })} centered>
      <Stack gap="md">
        <Text size="sm">{t('users.deactivateExplain', { name: user.displayName })}</Text>
        <ErrorAlert error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={action.busy}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={action.busy} disabled={action.busy}>
            {t('users.deactivate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
