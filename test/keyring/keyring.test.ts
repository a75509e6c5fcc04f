import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { readKeyring, writeKeyring, type Keyring } from '../../src-main/keyring/keyring-file';
import { unwrapKey, wrapKey } from '../../src-main/keyring/key-slots';
import { clearFailures, lockedUntil, recordFailure } from '../../src-main/keyring/lockout';
import { newRecoveryCode, normalizeRecoveryCode } from '../../src-main/keyring/recovery-code';

const COST = { N: 1024, r: 8, p: 1 };
const NOW = new Date('2026-11-27T09:00:00Z');

function emptyKeyring(): Keyring {
  return {
    format: 'kedang-keyring',
    version: 1,
    archiveId: 'a1',
    archiveName: '档案',
    createdAt: NOW.toISOString(),
    slots: [],
    lockouts: {},
    pendingFailedLogins: [],
    logHead: null,
    logAlarm: null,
  };
}

describe('key slots', () => {
  it('unwrap the archive key with the right password only', async () => {
    const key = randomBytes(32);
    const slot = await wrapKey(key, '正确的密码-2026', 'a1', 'user', 'li', COST, NOW);
    expect((await unwrapKey(slot, '正确的密码-2026', 'a1'))?.equals(key)).toBe(true);
    expect(await unwrapKey(slot, '正确的密码-2027', 'a1')).toBeNull();
    expect(JSON.stringify(slot)).not.toContain(key.toString('hex'));
    expect(JSON.stringify(slot)).not.toContain(key.toString('base64'));
  });

  it('cannot be moved to another user or another archive', async () => {
    const key = randomBytes(32);
    const slot = await wrapKey(key, 'Password-1234', 'a1', 'user', 'li', COST, NOW);
    expect(await unwrapKey({ ...slot, username: 'wang' }, 'Password-1234', 'a1')).toBeNull();
    expect(await unwrapKey(slot, 'Password-1234', 'another-archive')).toBeNull();
    expect(await unwrapKey({ ...slot, kind: 'recovery', username: null }, 'Password-1234', 'a1')).toBeNull();
  });

  it('refuses a slot whose ciphertext was altered', async () => {
    const slot = await wrapKey(randomBytes(32), 'Password-1234', 'a1', 'user', 'li', COST, NOW);
    const data = Buffer.from(slot.data, 'base64');
    data[0] = data[0]! ^ 1;
    expect(await unwrapKey({ ...slot, data: data.toString('base64') }, 'Password-1234', 'a1')).toBeNull();
  });
});

describe('the keyring file', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips and is written whole, with no temporary file left', () => {
    dir = mkdtempSync(join(tmpdir(), 'kedang-keyring-'));
    const path = join(dir, 'archive.keyring');
    const keyring = emptyKeyring();
    writeKeyring(path, keyring);
    expect(readKeyring(path)).toEqual(keyring);
    expect(readFileSync(path, 'utf8')).toContain('"kedang-keyring"');
  });

  it('distinguishes missing from damaged', () => {
    dir = mkdtempSync(join(tmpdir(), 'kedang-keyring-'));
    const path = join(dir, 'archive.keyring');
    expect(() => readKeyring(path)).toThrow(expect.objectContaining({ code: 'KEYRING_MISSING' }));
    writeFileSync(path, '{"format":"kedang-keyring","version":2}');
    expect(() => readKeyring(path)).toThrow(expect.objectContaining({ code: 'KEYRING_DAMAGED' }));
    writeFileSync(path, 'not json');
    expect(() => readKeyring(path)).toThrow(expect.objectContaining({ code: 'KEYRING_DAMAGED' }));
  });
});

describe('lockout', () => {
  it('locks a name (any case) on the fifth failure for 15 minutes, then lets it try again', () => {
    const keyring = emptyKeyring();
    for (let i = 0; i < 4; i++) expect(recordFailure(keyring, 'Li', NOW)).toBeNull();
    expect(lockedUntil(keyring, 'li', NOW)).toBeNull();
    expect(recordFailure(keyring, 'LI', NOW)?.toISOString()).toBe('2026-11-27T09:15:00.000Z');
    expect(lockedUntil(keyring, 'li', new Date('2026-11-27T09:14:59Z'))).not.toBeNull();
    expect(lockedUntil(keyring, 'li', new Date('2026-11-27T09:15:00Z'))).toBeNull();
    expect(lockedUntil(keyring, 'wang', NOW)).toBeNull();
    clearFailures(keyring, 'lI');
    expect(keyring.lockouts).toEqual({});
  });
});

describe('recovery codes', () => {
  it('are six groups of five unambiguous characters, different each time', () => {
    const codes = new Set(Array.from({ length: 50 }, () => newRecoveryCode()));
    expect(codes.size).toBe(50);
    for (const code of codes) expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('accept what a person types back', () => {
    const code = 'G6HYG-ZCBTR-40HEK-08SZN-VPQYB-523CV';
    expect(normalizeRecoveryCode('g6hyg zcbtr 4ohek o8szn vpqyb 523cv')).toBe(code);
    expect(normalizeRecoveryCode('G6HYGZCBTR40HEK08SZNVPQYB523CV')).toBe(code);
    expect(normalizeRecoveryCode(' g6hyg-zcbtr-40hek-08szn-vpqyb-523cv ')).toBe(code);
  });
});
