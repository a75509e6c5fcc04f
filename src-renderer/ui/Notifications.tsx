import { Notification, Stack } from '@mantine/core';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

interface Note {
  id: number;
  message: string;
  color: 'green' | 'red' | 'blue';
}

type Notify = (message: string, color?: Note['color']) => void;
const NotifyContext = createContext<Notify | null>(null);
/** Clears every toast: one user's confirmations must not linger into the next user's session. */
const ClearContext = createContext<(() => void) | null>(null);
let nextId = 1;

/**
 * A small toast stack built on Mantine's Notification (the separate
 * notifications package is not part of this build). Success messages fade
 * after a few seconds; they never carry the only copy of important facts.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [notes, setNotes] = useState<Note[]>([]);
  const dismiss = useCallback((id: number) => setNotes((list) => list.filter((note) => note.id !== id)), []);
  const notify = useCallback<Notify>(
    (message, color = 'green') => {
      const id = nextId++;
      // The three newest only: a burst of confirmations must not pile up over the screen.
      setNotes((list) => [...list.slice(-2), { id, message, color }]);
      window.setTimeout(() => dismiss(id), 5000);
    },
    [dismiss],
  );
  const clear = useCallback(() => setNotes([]), []);
  return (
    <ClearContext.Provider value={clear}>
      <NotifyContext.Provider value={notify}>
        {children}
        <Stack className="kd-notifications" gap="xs" role="status" aria-live="polite">
          {notes.map((note) => (
            <Notification key={note.id} color={note.color} withBorder onClose={() => dismiss(note.id)}>
              {note.message}
            </Notification>
          ))}
        </Stack>
      </NotifyContext.Provider>
    </ClearContext.Provider>
  );
}

export function useClearNotifications(): () => void {
  const clear = useContext(ClearContext);
  if (!clear) throw new Error('useClearNotifications outside NotificationsProvider');
  return clear;
}

export function useNotify(): Notify {
  const notify = useContext(NotifyContext);
  if (!notify) throw new Error('useNotify outside NotificationsProvider');
  return notify;
}
