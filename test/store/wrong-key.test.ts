import { createHash } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCipherDatabase } from '../../src-main/store/cipher-database';
import { isKedangError } from '../../src-main/errors';
import { ADMIN, loggedIn, makeFixture, type Fixture } from '../support/office-fixture';
import { bytesOf } from '../support/raw-archive';

function digest(path: string): string {
  const bytes = bytesOf(path);
  return bytes ? createHash('sha256').update(bytes).digest('hex') : 'absent';
}

describe('wrong keys and passwords', () => {
  let fx: Fixture;
  afterEach(async () => fx?.cleanup());

  it('rejects 200 wrong passwords with one message and leaves the database and WAL bytes unchanged', async () => {
    fx = await makeFixture();
    const db = join(fx.dir, 'archive.kedang');
    const before = { db: digest(db), wal: digest(`${db}-wal`) };
    const messages = new Set<string>();
    const codes = new Set<string>();
    // 40 names × 5 attempts: each name reaches the lockout threshold exactly, so every
    // answer is the wrong-credentials one; existing and unknown names are mixed.
    for (let i = 0; i < 200; i++) {
      const username = i % 40 === 0 ? ADMIN.username : `user${i % 40}`;
      const result = await fx.call(fx.connection(), 'auth.login', { username, password: `wrong-${i}-x` });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        messages.add(result.error.message);
        codes.add(result.error.code);
      }
    }
    expect([...codes]).toEqual(['INVALID_CREDENTIALS']);
    expect([...messages]).toEqual(['用户名或密码错误。']);
    expect({ db: digest(db), wal: digest(`${db}-wal`) }).toEqual(before);
    // The next attempt on a name that failed five times is locked out, even with the right password.
    const locked = await fx.call(fx.connection(), 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(locked.ok ? null : locked.error.code).toBe('ACCOUNT_LOCKED');
  });

  it('rejects 200 wrong raw keys at the store with the same error and no change to the file', async () => {
    fx = await makeFixture();
    const db = join(fx.dir, 'archive.kedang');
    const before = { db: digest(db), wal: digest(`${db}-wal`) };
    for (let i = 0; i < 200; i++) {
      let code = 'opened';
      try {
        openCipherDatabase(db, randomBytes(32), { create: false }).close();
      } catch (error) {
        code = isKedangError(error) ? error.code : 'crash';
      }
      expect(code).toBe('ARCHIVE_UNREADABLE');
    }
    expect({ db: digest(db), wal: digest(`${db}-wal`) }).toEqual(before);
    await loggedIn(fx, ADMIN.username, ADMIN.password);
  });
});
