import { useEffect, useState } from 'react';
import type { ChannelName, InputOf, OutputOf } from '../../src-shared/contracts';
import type { KedangErrorDto } from '../../src-shared/errors';
import { call, endsSession } from '../api/call';

export interface AnalysisState<C extends ChannelName> {
  /** The latest answer; while a new one is calculated it still holds the previous one (shown dimmed). */
  value: OutputOf<C> | null;
  error: KedangErrorDto | null;
  loading: boolean;
}

/**
 * Runs one analysis channel for its input, again whenever the input changes (compared by
 * value). Each run is an access-log row in main, so nothing here re-runs on its own.
 */
export function useAnalysis<C extends ChannelName>(channel: C, input: InputOf<C>): AnalysisState<C> {
  const key = JSON.stringify([channel, input]);
  const [state, setState] = useState<{ key: string; value: OutputOf<C> | null; error: KedangErrorDto | null }>({
    key: '',
    value: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    const [name, parsed] = JSON.parse(key) as [C, InputOf<C>];
    void call(name, parsed).then((result) => {
      if (!live) return;
      if (result.ok) setState({ key, value: result.value, error: null });
      // A session that ended takes the whole window to the login screen: nothing to show here.
      else if (!endsSession(result.error)) setState((old) => ({ key, value: old.value, error: result.error }));
    });
    return () => {
      live = false;
    };
  }, [key]);
  const current = state.key === key;
  return {
    value: current && state.error ? null : state.value,
    error: current ? state.error : null,
    loading: !current,
  };
}
