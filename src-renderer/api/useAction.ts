import { useCallback, useState } from 'react';
import type { ChannelName, InputOf, OutputOf } from '../../src-shared/contracts';
import type { KedangErrorDto } from '../../src-shared/errors';
import { call, endsSession } from './call';

export interface Action {
  /** True while a call is in flight: forms disable their submit button. */
  busy: boolean;
  /** The last error, already translated by main; null after a success. */
  error: KedangErrorDto | null;
  /** The translated problem main reported for one input field (INVALID_INPUT), if any. */
  fieldError: (field: string) => string | undefined;
  /** Runs one call; resolves to the value, or null when it failed (the error is then in `error`). */
  run: <C extends ChannelName>(channel: C, input: InputOf<C>) => Promise<OutputOf<C> | null>;
  clearError: () => void;
}

/** One form's call state: busy flag, the error and its field-level messages. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KedangErrorDto | null>(null);

  const run = useCallback(async <C extends ChannelName>(channel: C, input: InputOf<C>) => {
    setBusy(true);
    setError(null);
    try {
      const result = await call(channel, input);
      if (result.ok) return result.value;
      // A session-ending error moves the whole app to the login screen; showing it here too would flash.
      if (!endsSession(result.error)) setError(result.error);
      return null;
    } finally {
      setBusy(false);
    }
  }, []);

  const fieldError = useCallback((field: string) => error?.fields?.[field], [error]);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, fieldError, run, clearError };
}
