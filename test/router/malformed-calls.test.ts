import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type ChannelName } from '../../src-shared/contracts';
import { ERROR_CODES } from '../../src-shared/errors';
import type { Connection } from '../../src-main/router/connection';
import { ADMIN, loggedIn, makeFixture, userWithRole, type Fixture } from '../support/office-fixture';
import { SAMPLE_INPUTS } from './sample-inputs';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GARBAGE: unknown[] = [
  null,
  undefined,
  0,
  -1,
  1.5,
  Number.NaN,
  Infinity,
  '',
  'x'.repeat(100_000),
  '\u0000',
  '客户',
  true,
  [],
  [1, 2, 3],
  {},
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__": {"isAdmin": true}}'),
  { constructor: { prototype: { x: 1 } } },
  new Array(1000).fill('a'),
  { nested: { deeper: { deepest: [null] } } },
];

/**
 * Makes a payload that no schema accepts: a non-object, an unknown extra
 * key (every input schema is strict), or one field replaced by garbage of
 * a type it does not take.
 */
function malformed(channel: ChannelName, random: () => number): unknown {
  const base = SAMPLE_INPUTS[channel] as Record<string, unknown>;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  switch (Math.floor(random() * 4)) {
    case 0:
      return pick([null, undefined, 42, 'text', [], true, 'x'.repeat(10_000)]);
    case 1:
      return { ...base, [`extra_${Math.floor(random() * 1000)}`]: pick(GARBAGE) };
    default: {
      // A null sample value is a nullable field, which may well accept a string or a number: replacing it
      // would not make the payload malformed.
      const keys = Object.keys(base).filter((k) => base[k] !== null);
      if (keys.length === 0) return { unexpected: pick(GARBAGE) };
      const key = pick(keys);
      const original = base[key];
      const wrong = GARBAGE.filter((g) => typeof g !== typeof original || Array.isArray(g) !== Array.isArray(original));
      return { ...base, [key]: pick(wrong) };
    }
  }
}

describe('1,000 malformed payloads and unknown channels', () => {
  let fx: Fixture;
  let admin: Connection;
  let auditor: Connection;
  beforeAll(async () => {
    fx = await makeFixture();
    admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    auditor = await userWithRole(fx, admin, 'auditor1', ['auditor']);
  });
  afterAll(async () => fx?.cleanup());

  async function logRows(): Promise<number> {
    return (await fx.ok(auditor, 'accessLog.status', {})).rows;
  }

  it('answers each with a typed error, never throws, and writes nothing', async () => {
    const keyring = join(fx.dir, 'archive.keyring');
    const keyringBefore = createHash('sha256').update(readFileSync(keyring)).digest('hex');
    const rowsBefore = await logRows();
    const usersBefore = await fx.ok(admin, 'users.list', {});
    const random = mulberry32(1127);
    const anonymous = fx.connection();
    const unknownChannels: unknown[] = [
      '',
      'users',
      'users.delete',
      'admin.exec',
      '__proto__',
      'constructor',
      'toString',
      42,
      null,
      {},
      ['users.list'],
    ];
    const codes = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const connection = [admin, anonymous][i % 2]!;
      let channel: unknown;
      let input: unknown;
      if (i % 10 === 0) {
        channel = unknownChannels[Math.floor(random() * unknownChannels.length)];
        input = SAMPLE_INPUTS['users.list'];
      } else {
        channel = CHANNEL_NAMES[Math.floor(random() * CHANNEL_NAMES.length)]!;
        input = malformed(channel as ChannelName, random);
      }
      const result = await fx.kedang.handle(connection, channel, input);
      expect(result.ok, `${String(channel)} accepted ${JSON.stringify(input)?.slice(0, 200)}`).toBe(false);
      if (!result.ok) {
        expect(ERROR_CODES).toContain(result.error.code);
        expect(['UNKNOWN_CHANNEL', 'INVALID_INPUT']).toContain(result.error.code);
        expect(typeof result.error.message).toBe('string');
        codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
      }
    }
    expect(await logRows()).toBe(rowsBefore); // reading the status is not itself logged
    expect(await fx.ok(admin, 'users.list', {})).toEqual(usersBefore);
    expect(createHash('sha256').update(readFileSync(keyring)).digest('hex')).toBe(keyringBefore);
    expect(codes.get('UNKNOWN_CHANNEL')).toBeGreaterThan(50);
    expect(codes.get('INVALID_INPUT')).toBeGreaterThan(800);
  }, 120_000);
});
