import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { KedangErrorDto } from '../../src-shared/errors';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from '../ui/ErrorAlert';

/** A yes/no question before an action that writes a new version (停用, 恢复, 合并). */
export function ConfirmModal({
  title,
  children,
  confirmLabel,
  color = 'indigo',
  busy,
  error,
  onConfirm,
  onClose,
  size,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  busy: boolean;
  error: KedangErrorDto | null;
  onConfirm: () => void;
  onClose: () => void;
  size?: string;
}) {
  const { t } = useI18n();
  return (
    <Modal opened onClose={onClose} title={title} centered size={size}>
      <Stack gap="md">
        {children}
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button color={color} onClick={onConfirm} loading={busy} disabled={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
