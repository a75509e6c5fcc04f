import { useEffect, useState } from 'react';
import { call } from '../api/call';

/** The archive's name for the head of a printed sheet; empty until the session has answered. */
export function useArchiveName(): string {
  const [archiveName, setArchiveName] = useState('');
  useEffect(() => {
    let live = true;
    void call('auth.session', {}).then((r) => {
      if (live && r.ok && r.value) setArchiveName(r.value.archiveName);
    });
    return () => {
      live = false;
    };
  }, []);
  return archiveName;
}
