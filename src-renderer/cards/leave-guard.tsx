import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StringKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/I18nProvider';

type Guard = () => Promise<boolean>;
let currentGuard: Guard | null = null;

/**
 * Asks the open card form whether it may be left (navigation, logout,
 * another card). Resolves true at once when nothing unsaved is on screen.
 */
export function confirmLeave(): Promise<boolean> {
  return currentGuard ? currentGuard() : Promise.resolve(true);
}

/** Whether a card form holds unsaved edits (the idle-lock warning says so). */
export function hasUnsavedChanges(): boolean {
  return currentGuard !== null;
}

/**
 * While `dirty`, leaving the form (a card, a visit report being written or reviewed) asks first: in the app (through
 * {@link confirmLeave}) and when the window is closed or reloaded
 * (beforeunload). Returns the dialog to render.
 */
export function useLeaveGuard(dirty: boolean, explain: StringKey = 'cards.leaveExplain') {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const resolver = useRef<((leave: boolean) => void) | null>(null);

  const ask = useCallback<Guard>(
    () =>
      new Promise<boolean>((resolve) => {
        resolver.current?.(false);
        resolver.current = resolve;
        setAsking(true);
      }),
    [],
  );

  useEffect(() => {
    if (!dirty) return;
    currentGuard = ask;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium (and Electron's will-prevent-unload) look at returnValue.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      if (currentGuard === ask) currentGuard = null;
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty, ask]);

  const answer = (leave: boolean) => {
    setAsking(false);
    const resolve = resolver.current;
    resolver.current = null;
    resolve?.(leave);
  };

  return (
    <Modal opened={asking} onClose={() => answer(false)} title={t('cards.leaveTitle')} centered>
      <Stack gap="md">
        <Text size="sm">{t(explain)}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => answer(false)} data-autofocus>
            {t('cards.keepEditing')}
          </Button>
          <Button color="red" onClick={() => answer(true)}>
            {t('cards.discardChanges')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
