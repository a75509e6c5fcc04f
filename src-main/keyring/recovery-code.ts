import { randomBytes } from 'node:crypto';

/** Crockford-style alphabet without I, L, O, U: easy to read off paper and type back. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 30 characters = 150 random bits, printed in six groups of five. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(30);
  const chars = Array.from(bytes, (b) => ALPHABET[b % 32]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

/** Accepts what a person types: any case, spaces or dashes, O for 0 and I/L for 1. */
export function normalizeRecoveryCode(input: string): string {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return (compact.match(/.{1,5}/g) ?? []).join('-');
}
