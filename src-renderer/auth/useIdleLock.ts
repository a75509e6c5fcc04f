import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api/call';

/** Main's idle clock only needs a heartbeat now and then, not one per keystroke. */
const TOUCH_INTERVAL_MS = 60_000;
const CHECK_INTERVAL_MS = 5_000;
const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;
/** How long before the lock the user is warned (unsaved edits are lost with the session). */
const WARNING_MS = 60_000;

/**
 * Keeps main's idle clock in step with real use (auth.touch at most once a
 * minute while active) and locks this window itself after `idleLockMinutes`
 * without activity, so an unattended screen does not keep showing data
 * until main's sweep notices. A minute before, `warning` turns true so the
 * screen can say so; `stayActive` (or any activity) puts the lock off again.
 */
export function useIdleLock(idleLockMinutes: number, onIdle: () => void): { warning: boolean; stayActive: () => void } {
  const lastActivity = useRef(0);
  const lastTouch = useRef(0);
  const [warning, setWarning] = useState(false);
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    // Logging in counts as activity and as a touch: main just started the session's clock.
    lastActivity.current = Date.now();
    lastTouch.current = lastActivity.current;
    const markActive = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastTouch.current >= TOUCH_INTERVAL_MS) {
        lastTouch.current = now;
        // A session-ending answer is handled centrally by call(); nothing to do here.
        void call('auth.touch', {});
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, markActive, { passive: true });

    const timer = window.setInterval(() => {
      const idle = Date.now() - lastActivity.current;
      const limit = idleLockMinutes * 60_000;
      if (idle >= limit) onIdleRef.current();
      setWarning(idle >= limit - WARNING_MS && idle < limit);
    }, CHECK_INTERVAL_MS);

    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, markActive);
      window.clearInterval(timer);
    };
  }, [idleLockMinutes]);

  const stayActive = useCallback(() => {
    lastActivity.current = Date.now();
    lastTouch.current = lastActivity.current;
    setWarning(false);
    void call('auth.touch', {});
  }, []);

  return { warning, stayActive };
}
