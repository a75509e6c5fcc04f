import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, loggedIn, makeFixture, userWithRole, type Fixture } from '../support/office-fixture';

/**
 * A full disk and a read-only folder, made real with a small tmpfs mount
 * (these tests run as root, where file permissions alone would not stop a write).
 */
function mountTmpfs(sizeKb: number): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'kedang-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

const canMount = (() => {
  const dir = mountTmpfs(64);
  if (!dir) return false;
  execFileSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
  return true;
})();

if (!canMount) console.warn('save-failures: tmpfs cannot be mounted here (not root?); these tests are skipped');

describe.skipIf(!canMount)('saving when the disk is full or the folder is read-only', () => {
  let fx: Fixture | undefined;
  let mount: string | undefined;
  afterEach(async () => {
    await fx?.kedang.close();
    if (mount) {
      execFileSync('mount', ['-o', 'remount,rw', mount], { stdio: 'ignore' });
      execFileSync('umount', [mount]);
      rmSync(mount, { recursive: true, force: true });
    }
    fx = undefined;
    mount = undefined;
  });

  it('says the disk is full, and keeps everything saved before', async () => {
    mount = mountTmpfs(1200)!;
    const dir = join(mount, 'archive');
    mkdirSync(dir);
    fx = await makeFixture({ dir });
    const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    let saved = 0;
    let failure: string | null = null;
    for (let i = 0; i < 20_000 && !failure; i++) {
      const result = await fx.call(admin, 'users.create', {
        username: `user${i}`,
        displayName: `很长的显示名称${'档'.repeat(30)}${i}`,
        roles: ['rep'],
        temporaryPassword: 'Temporary-1234',
      });
      if (result.ok) saved = i + 1;
      else failure = result.error.code;
    }
    expect(failure).toBe('DISK_FULL');
    expect(saved).toBeGreaterThan(10);
    const users = await fx.ok(admin, 'users.list', {});
    for (let i = 0; i < saved; i++) expect(users.some((u) => u.username === `user${i}`)).toBe(true);
  });

  it('says the folder is read-only, changes nothing, and works again once writable', async () => {
    mount = mountTmpfs(4096)!;
    const dir = join(mount, 'archive');
    mkdirSync(dir);
    fx = await makeFixture({ dir });
    const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    await userWithRole(fx, admin, 'auditor1', ['auditor'], 'Auditor-pass-1');
    await fx.ok(admin, 'settings.update', { idleLockMinutes: 12 });
    await fx.kedang.close();
    // A mount cannot turn read-only under open files, so the folder turns read-only while the
    // archive is closed; the next save is then the login itself (its log row and keyring update).
    execFileSync('mount', ['-o', 'remount,ro', mount]);
    await fx.reopen();
    const result = await fx.call(fx.connection(), 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(result.ok ? null : result.error.code).toBe('READ_ONLY');
    expect(result.ok ? '' : result.error.message).toContain('只读');
    await fx.kedang.close();
    execFileSync('mount', ['-o', 'remount,rw', mount]);
    await fx.reopen();
    const again = await loggedIn(fx, ADMIN.username, ADMIN.password);
    expect((await fx.ok(again, 'settings.get', {})).idleLockMinutes).toBe(12);
    await fx.ok(again, 'settings.update', { idleLockMinutes: 30 });
    const auditor = await loggedIn(fx, 'auditor1', 'Auditor-pass-1');
    expect(await fx.ok(auditor, 'accessLog.verify', {})).toMatchObject({ ok: true });
  });
});
