import type { Keyring } from './keyring-file';

/** DESIGN.md: 5 failed logins lock that user name for 15 minutes. */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

/** The time until which a user name is locked, or null. Keyed by lower-case name, existing or not. */
export function lockedUntil(keyring: Keyring, username: string, now: Date): Date | null {
  const entry = keyring.lockouts[username.toLowerCase()];
  if (!entry?.lockedUntil) return null;
  const until = new Date(entry.lockedUntil);
  return until > now ? until : null;
}

/** Counts one failure; the fifth locks the name. Returns the lock time when this failure locked it. */
export function recordFailure(keyring: Keyring, username: string, now: Date): Date | null {
  const name = username.toLowerCase();
  const entry = keyring.lockouts[name] ?? { failures: 0, lockedUntil: null };
  if (entry.lockedUntil && new Date(entry.lockedUntil) <= now) entry.lockedUntil = null;
  entry.failures += 1;
  let locked: Date | null = null;
  if (entry.failures >= MAX_FAILURES) {
    locked = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    entry.lockedUntil = locked.toISOString();
    entry.failures = 0;
  }
  keyring.lockouts[name] = entry;
  return locked;
}

export function clearFailures(keyring: Keyring, username: string): void {
  delete keyring.lockouts[username.toLowerCase()];
}
