import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN, loggedIn, makeFixture, userWithRole, type Fixture } from '../support/office-fixture';
import { archiveKeyOf, openRaw } from '../support/raw-archive';

/** "No key, password or card payload goes into any log": not the access log, not the keyring, not the console. */
describe('secrets stay out of every log', () => {
  let fx: Fixture;
  afterEach(async () => {
    vi.restoreAllMocks();
    await fx?.cleanup();
  });

  it('after logins, failures, user changes, password changes and a recovery', async () => {
    const printed: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation(
        (...args: unknown[]) => void printed.push(args.map(String).join(' ')),
      );
    }
    fx = await makeFixture({ setup: false });
    const setup = await fx.ok(fx.connection(), 'setup.createArchive', {
      archiveName: '档案',
      adminUsername: ADMIN.username,
      adminDisplayName: ADMIN.displayName,
      adminPassword: ADMIN.password,
    });
    const secrets = [ADMIN.password, 'Temporary-1234', 'auditor1-Pass-2026', 'Wrong-guess-777', setup.recoveryCode];
    await fx.call(fx.connection(), 'auth.login', { username: ADMIN.username, password: 'Wrong-guess-777' });
    const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    await fx.call(fx.connection(), 'auth.login', { username: 'auditor1', password: 'Wrong-guess-777' });
    const auditor = await userWithRole(fx, admin, 'auditor1', ['auditor']);
    await fx.ok(auditor, 'accessLog.verify', {});
    await fx.kedang.close();

    const key = await archiveKeyOf(fx.dir, ADMIN.username, ADMIN.password);
    secrets.push(key.toString('hex'), key.toString('base64'));
    const raw = openRaw(fx.dir, key);
    const logText = JSON.stringify(raw.prepare('SELECT * FROM access_log').all());
    raw.close();
    const keyringText = readFileSync(join(fx.dir, 'archive.keyring'), 'utf8');
    const archiveBytes = readFileSync(join(fx.dir, 'archive.kedang'));
    for (const secret of secrets) {
      expect(logText).not.toContain(secret);
      expect(keyringText).not.toContain(secret);
      expect(printed.join('\n')).not.toContain(secret);
      expect(archiveBytes.includes(Buffer.from(secret))).toBe(false);
    }
    expect(logText).toContain('login_failed');
  });
});
