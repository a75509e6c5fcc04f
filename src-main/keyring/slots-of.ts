import type { Keyring, KeySlot } from './keyring-file';

/** The key slot of a user name (case-insensitive), if any. */
export function userSlot(keyring: Keyring, username: string): KeySlot | null {
  const name = username.toLowerCase();
  return keyring.slots.find((s) => s.kind === 'user' && s.username === name) ?? null;
}

export function recoverySlot(keyring: Keyring): KeySlot | null {
  return keyring.slots.find((s) => s.kind === 'recovery') ?? null;
}

/** Puts a slot in place of the same owner's old one: a password change rewraps exactly one slot. */
export function replaceSlot(keyring: Keyring, slot: KeySlot): void {
  keyring.slots = keyring.slots.filter((s) => !(s.kind === slot.kind && s.username === slot.username));
  keyring.slots.push(slot);
}

/** Removing a user's slot means that password can no longer unlock the archive at all. */
export function removeUserSlot(keyring: Keyring, username: string): void {
  const name = username.toLowerCase();
  keyring.slots = keyring.slots.filter((s) => !(s.kind === 'user' && s.username === name));
}
