import { useCallback, useEffect, useState } from 'react';
import type { ChannelName, InputOf, OutputOf } from '../../src-shared/contracts';
import type { KedangErrorDto } from '../../src-shared/errors';
import { call, endsSession } from '../api/call';

export interface ChannelState<C extends ChannelName> {
  value: OutputOf<C> | null;
  error: KedangErrorDto | null;
  loading: boolean;
  /** Reads again (after the user changed something the answer depends on). */
  reload: () => void;
}

/**
 * Reads one channel when the input changes (compared by value) and on `reload`. A start page
 * block shows its figures as they arrive; each block reads on its own, so one that fails
 * (a service not there yet, a permission) does not blank the others.
 */
export function useChannel<C extends ChannelName>(channel: C, input: InputOf<C>): ChannelState<C> {
  const key = JSON.stringify([channel, input]);
  const [round, setRound] = useState(0);
  const [state, setState] = useState<{ at: string; value: OutputOf<C> | null; error: KedangErrorDto | null }>({
    at: '',
    value: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    const [name, parsed] = JSON.parse(key) as [C, InputOf<C>];
    const at = `${key}#${round}`;
    void call(name, parsed).then((result) => {
      if (!live) return;
      if (result.ok) setState({ at, value: result.value, error: null });
      else if (!endsSession(result.error)) setState((old) => ({ at, value: old.value, error: result.error }));
    });
    return () => {
      live = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const current = state.at === `${key}#${round}`;
  return {
    value: state.error && current ? null : state.value,
    error: current ? state.error : null,
    loading: !current,
    reload,
  };
}
