import { useEffect, useRef } from 'react';
import { call } from '../api/call';

/** Main's idle clock only needs a heartbeat now and then, not one per keystroke. */
const TOUCH_INTERVAL_MS = 60_000;
const CHECK_INTERVAL_MS = 5_000;
const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Keeps main's idle clock in step with real use (auth.touch at most once a
 * minute while active) and locks this window itself after `idleLockMinutes`
 * without activity, so an unattended screen does not keep showing data
 * until main's sweep notices.
 */
export function useIdleLock(idleLockMinutes: number, onIdle: () => void): void {
  const lastActivity = useRef(0);
  const lastTouch = useRef(0);
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
      if (Date.now() - lastActivity.current >= idleLockMinutes * 60_000) onIdleRef.current();
    }, CHECK_INTERVAL_MS);

    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, markActive);
      window.clearInterval(timer);
    };
  }, [idleLockMinutes]);
}
