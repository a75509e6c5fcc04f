import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, loggedIn, makeFixture, userWithRole, type Fixture } from '../support/office-fixture';

describe('setup and login', () => {
  let fx: Fixture;
  afterEach(async () => fx?.cleanup());

  it('creates an archive whose administrator can log in and out', async () => {
    fx = await makeFixture();
    const status = await fx.ok(fx.connection(), 'setup.status', {});
    expect(status).toMatchObject({ state: 'ready', archiveName: '华信商贸客户档案', problem: null });
    const admin = fx.connection();
    const session = await fx.ok(admin, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(session).toMatchObject({
      username: 'admin',
      roles: ['admin'],
      mustChangePassword: false,
      idleLockMinutes: 10,
    });
    expect(session.permissions).toContain('users.manage');
    expect(session.permissions).not.toContain('cards.read');
    await fx.ok(admin, 'auth.logout', {});
    const after = await fx.call(admin, 'users.list', {});
    expect(after.ok ? null : after.error.code).toBe('NOT_LOGGED_IN');
  });

  it('refuses a second setup over an existing archive', async () => {
    fx = await makeFixture();
    const again = await fx.call(fx.connection(), 'setup.createArchive', {
      archiveName: 'x',
      adminUsername: 'other',
      adminDisplayName: 'o',
      adminPassword: 'Another-pass-99',
    });
    expect(again.ok ? null : again.error.code).toBe('ALREADY_SET_UP');
    await loggedIn(fx, ADMIN.username, ADMIN.password);
  });

  it('gives the same message for a wrong user name and a wrong password', async () => {
    fx = await makeFixture();
    const c = fx.connection();
    const wrongPassword = await fx.call(c, 'auth.login', { username: 'admin', password: 'nope-nope-1' });
    const wrongName = await fx.call(c, 'auth.login', { username: 'nobody', password: ADMIN.password });
    expect(wrongPassword.ok).toBe(false);
    expect(wrongName.ok).toBe(false);
    if (!wrongPassword.ok && !wrongName.ok) {
      expect(wrongPassword.error).toEqual(wrongName.error);
      expect(wrongPassword.error.message).toBe('用户名或密码错误。');
    }
  });

  it('locks a user name after 5 failures for 15 minutes, across a restart', async () => {
    fx = await makeFixture();
    const c = fx.connection();
    for (let i = 0; i < 5; i++) {
      const r = await fx.call(c, 'auth.login', { username: 'admin', password: `wrong-${i}-pass` });
      expect(r.ok ? null : r.error.code).toBe('INVALID_CREDENTIALS');
    }
    await fx.reopen();
    const locked = await fx.call(fx.connection(), 'auth.login', { username: 'admin', password: ADMIN.password });
    expect(locked.ok ? null : locked.error.code).toBe('ACCOUNT_LOCKED');
    fx.clock.advanceMinutes(14);
    const still = await fx.call(fx.connection(), 'auth.login', { username: 'ADMIN', password: ADMIN.password });
    expect(still.ok ? null : still.error.code).toBe('ACCOUNT_LOCKED');
    fx.clock.advanceMinutes(2);
    await loggedIn(fx, ADMIN.username, ADMIN.password);
  });

  it('records failed logins made while the archive was locked, once it opens', async () => {
    fx = await makeFixture();
    await fx.call(fx.connection('desktop'), 'auth.login', { username: 'mallory', password: 'guess-guess-1' });
    const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    const auditor = await userWithRole(fx, admin, 'shen', ['auditor']);
    const page = await fx.ok(auditor, 'accessLog.query', { filter: { action: 'login_failed' }, offset: 0, limit: 50 });
    const flushed = page.rows.filter((r) => r.target === 'mallory');
    expect(flushed).toHaveLength(1);
    expect(flushed[0]).toMatchObject({ outcome: 'failure', device: 'desktop' });
    expect(flushed[0]?.detail).toBe('用户名不存在；档案库锁定期间记录，解锁后写入');
  });

  it('forces a temporary password to be changed before anything else', async () => {
    fx = await makeFixture();
    const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    await fx.ok(admin, 'users.create', {
      username: 'li.custodian',
      displayName: '李档案',
      roles: ['custodian'],
      temporaryPassword: 'Temporary-1234',
    });
    const li = await loggedIn(fx, 'li.custodian', 'Temporary-1234');
    const blocked = await fx.call(li, 'auth.session', {});
    expect(blocked.ok && blocked.value?.mustChangePassword).toBe(true);
    const weak = await fx.call(li, 'auth.changePassword', { currentPassword: 'Temporary-1234', newPassword: 'short1' });
    expect(weak.ok ? null : weak.error.code).toBe('WEAK_PASSWORD');
    const changed = await fx.ok(li, 'auth.changePassword', {
      currentPassword: 'Temporary-1234',
      newPassword: 'Li-new-password-7',
    });
    expect(changed.mustChangePassword).toBe(false);
    await fx.ok(li, 'auth.logout', {});
    const old = await fx.call(fx.connection(), 'auth.login', { username: 'li.custodian', password: 'Temporary-1234' });
    expect(old.ok ? null : old.error.code).toBe('INVALID_CREDENTIALS');
    await loggedIn(fx, 'li.custodian', 'Li-new-password-7');
  });

  it('locks an idle session and closes the archive', async () => {
    fx = await makeFixture();
    const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    fx.clock.advanceMinutes(9);
    await fx.ok(admin, 'users.list', {});
    fx.clock.advanceMinutes(11);
    const r = await fx.call(admin, 'users.list', {});
    expect(r.ok ? null : r.error.code).toBe('SESSION_LOCKED');
    const again = await fx.call(admin, 'users.list', {});
    expect(again.ok ? null : again.error.code).toBe('NOT_LOGGED_IN');
  });

  it('restores administrator access with the recovery code and issues a new one', async () => {
    fx = await makeFixture({ setup: false });
    const setup = await fx.ok(fx.connection(), 'setup.createArchive', {
      archiveName: '档案',
      adminUsername: 'admin',
      adminDisplayName: '管理员',
      adminPassword: 'Forgotten-pass-1',
    });
    const wrong = await fx.call(fx.connection(), 'auth.recover', {
      recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF',
      adminUsername: 'admin',
      newPassword: 'Recovered-pass-2',
    });
    expect(wrong.ok ? null : wrong.error.code).toBe('INVALID_RECOVERY_CODE');
    const typed = setup.recoveryCode.toLowerCase().replace(/-/g, ' ');
    const { recoveryCode } = await fx.ok(fx.connection(), 'auth.recover', {
      recoveryCode: typed,
      adminUsername: 'admin',
      newPassword: 'Recovered-pass-2',
    });
    expect(recoveryCode).not.toBe(setup.recoveryCode);
    await loggedIn(fx, 'admin', 'Recovered-pass-2');
    const reused = await fx.call(fx.connection(), 'auth.recover', {
      recoveryCode: setup.recoveryCode,
      adminUsername: 'admin',
      newPassword: 'Recovered-pass-3',
    });
    expect(reused.ok ? null : reused.error.code).toBe('INVALID_RECOVERY_CODE');
  });

  it('logs a closed window out and locks the archive when it was the last session', async () => {
    fx = await makeFixture();
    const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    const auditor = await userWithRole(fx, admin, 'shen', ['auditor']);
    await fx.kedang.disconnect(admin);
    expect(admin.sessionId).toBeNull();
    const page = await fx.ok(auditor, 'accessLog.query', { filter: { action: 'logout' }, offset: 0, limit: 10 });
    expect(page.rows.map((r) => r.username)).toContain('admin');
    await fx.kedang.disconnect(auditor);
    const after = await fx.call(auditor, 'accessLog.status', {});
    expect(after.ok ? null : after.error.code).toBe('NOT_LOGGED_IN');
  });

  it('lifts the lockout of the administrator whose password the recovery code sets', async () => {
    fx = await makeFixture({ setup: false });
    const setup = await fx.ok(fx.connection(), 'setup.createArchive', {
      archiveName: '档案',
      adminUsername: 'admin',
      adminDisplayName: '管理员',
      adminPassword: 'Forgotten-pass-1',
    });
    for (let i = 0; i < 5; i++)
      await fx.call(fx.connection(), 'auth.login', { username: 'admin', password: `guess-${i}-x` });
    const locked = await fx.call(fx.connection(), 'auth.login', { username: 'admin', password: 'Forgotten-pass-1' });
    expect(locked.ok ? null : locked.error.code).toBe('ACCOUNT_LOCKED');
    await fx.ok(fx.connection(), 'auth.recover', {
      recoveryCode: setup.recoveryCode,
      adminUsername: 'admin',
      newPassword: 'Recovered-pass-2',
    });
    await loggedIn(fx, 'admin', 'Recovered-pass-2');
  });
});
