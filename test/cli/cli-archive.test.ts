import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKedang } from '../../src-main/kedang';
import { newConnection } from '../../src-main/router/connection';
import { runCli } from '../../src-main/cli/run';
import { captureIo } from './io';

const KDF = { N: 1024, r: 8, p: 1 };
const ADMIN_PW = 'Admin-pass-2026';
const AUDITOR_PW = 'Auditor-pass-2026';

/** The real CLI against a real encrypted archive in a temp folder, in the order an administrator would use it. */
describe('kedang CLI on a real archive', () => {
  let dir: string;
  let dataDir: string;
  const cli = async (argv: string[], stdin: string) => {
    const io = captureIo(stdin);
    const code = await runCli([...argv, '--data-dir', dataDir], io, { kdf: KDF, env: {} });
    return { code, io };
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kedang-cli-'));
    dataDir = join(dir, 'data');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('init creates the archive and prints the recovery code', async () => {
    const { code, io } = await cli(
      [
        'init',
        '--archive-name',
        '华信商贸客户档案',
        '--user',
        'admin',
        '--display-name',
        '王管理',
        '--password-stdin',
        '--json',
      ],
      `${ADMIN_PW}\n`,
    );
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const result = io.json() as { ok: boolean; recoveryCode: string; archiveName: string };
    expect(result).toMatchObject({ ok: true, archiveName: '华信商贸客户档案' });
    expect(result.recoveryCode.length).toBeGreaterThanOrEqual(10);
    expect(existsSync(join(dataDir, 'archive.kedang'))).toBe(true);
  });

  it('init refuses to run twice over the same archive', async () => {
    const { code, io } = await cli(
      ['init', '--archive-name', 'x', '--user', 'other', '--display-name', 'o', '--password-stdin'],
      'Other-pass-2026\n',
    );
    expect(code).toBe(1);
    expect(io.err()).toContain('已有档案库');
  });

  it('users list shows the administrator', async () => {
    const { code, io } = await cli(['users', 'list', '--user', 'admin', '--password-stdin', '--json'], `${ADMIN_PW}\n`);
    expect(code).toBe(0);
    expect(io.json()).toMatchObject({ ok: true, users: [{ username: 'admin', roles: ['admin'], active: true }] });
  });

  it('a wrong password fails with exit 1 and the same message as in the app', async () => {
    const { code, io } = await cli(
      ['users', 'list', '--user', 'admin', '--password-stdin', '--lang', 'en'],
      'Wrong-pass-2026\n',
    );
    expect(code).toBe(1);
    expect(io.err()).toBe('Error: Wrong user name or password.\n');
  });

  it('backup writes an encrypted copy to --out', async () => {
    const out = join(dir, 'backups', 'b1.kedang');
    const { code, io } = await cli(['backup', '--out', out, '--user', 'admin', '--password-stdin'], `${ADMIN_PW}\n`);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(io.out()).toContain(out);
    expect(statSync(out).size).toBeGreaterThan(0);
  });

  it('verify-log is refused to the administrator and passes for an auditor', async () => {
    // The auditor is created through the router as the desktop app would, then sets a real password.
    const kedang = createKedang({
      dataDir,
      host: { chooseFile: async () => null, print: async () => false },
      kdf: KDF,
    });
    try {
      const admin = newConnection('test');
      expect((await kedang.handle(admin, 'auth.login', { username: 'admin', password: ADMIN_PW })).ok).toBe(true);
      const created = await kedang.handle(admin, 'users.create', {
        username: 'audit',
        displayName: '李审计',
        roles: ['auditor'],
        temporaryPassword: 'Temporary-1234',
      });
      expect(created.ok).toBe(true);
      const auditor = newConnection('test');
      expect((await kedang.handle(auditor, 'auth.login', { username: 'audit', password: 'Temporary-1234' })).ok).toBe(
        true,
      );
      const changed = await kedang.handle(auditor, 'auth.changePassword', {
        currentPassword: 'Temporary-1234',
        newPassword: AUDITOR_PW,
      });
      expect(changed.ok).toBe(true);
    } finally {
      await kedang.close();
    }

    const asAdmin = await cli(['verify-log', '--user', 'admin', '--password-stdin', '--json'], `${ADMIN_PW}\n`);
    expect(asAdmin.code).toBe(1);
    expect(asAdmin.io.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const asAuditor = await cli(['verify-log', '--user', 'audit', '--password-stdin', '--json'], `${AUDITOR_PW}\n`);
    expect(asAuditor.code).toBe(0);
    const result = asAuditor.io.json() as { ok: boolean; verification: { ok: boolean; checkedRows: number } };
    expect(result.ok).toBe(true);
    expect(result.verification.ok).toBe(true);
    expect(result.verification.checkedRows).toBeGreaterThan(5);
  });

  it('every CLI action is in the access log with device "cli"', async () => {
    const kedang = createKedang({
      dataDir,
      host: { chooseFile: async () => null, print: async () => false },
      kdf: KDF,
    });
    try {
      const auditor = newConnection('test');
      await kedang.handle(auditor, 'auth.login', { username: 'audit', password: AUDITOR_PW });
      const query = await kedang.handle(auditor, 'accessLog.query', { filter: {}, offset: 0, limit: 500 });
      expect(query.ok).toBe(true);
      const rows = (
        query as { value: { rows: Array<{ action: string; device: string | null; username: string | null }> } }
      ).value.rows;
      const cliActions = rows.filter((r) => r.device === 'cli').map((r) => r.action);
      expect(cliActions).toEqual(expect.arrayContaining(['login', 'logout', 'login_failed']));
      expect(cliActions.some((a) => a.startsWith('backup'))).toBe(true);
    } finally {
      await kedang.close();
    }
  });

  it('restore needs --yes, then restores the backup', async () => {
    // A backup taken after the auditor exists, so the auditor can verify the restored log.
    const backup = join(dir, 'backups', 'b2.kedang');
    expect((await cli(['backup', '--out', backup, '--user', 'admin', '--password-stdin'], `${ADMIN_PW}\n`)).code).toBe(
      0,
    );
    const refused = await cli(['restore', backup, '--user', 'admin', '--password-stdin'], `${ADMIN_PW}\n`);
    expect(refused.code).toBe(2);
    const { code, io } = await cli(
      ['restore', backup, '--yes', '--user', 'admin', '--password-stdin', '--json'],
      `${ADMIN_PW}\n`,
    );
    expect(io.out()).toContain('"ok":true');
    expect(code).toBe(0);
    expect(io.json()).toMatchObject({ ok: true, restore: { restoredFrom: backup } });
    // The archive still opens and the log still verifies after the restore.
    const after = await cli(['verify-log', '--user', 'audit', '--password-stdin'], `${AUDITOR_PW}\n`);
    expect(after.io.err()).toBe('');
    expect(after.code).toBe(0);
  });
});
