import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, loggedIn, makeFixture, userWithRole, type Fixture } from '../support/office-fixture';

describe('backup and restore', () => {
  let fx: Fixture;
  afterEach(async () => fx?.cleanup());

  it('backs up to an encrypted file and restores it, keeping every log row written since', async () => {
    fx = await makeFixture();
    const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    await userWithRole(fx, admin, 'auditor1', ['auditor'], 'Auditor-pass-1');
    const target = join(fx.dir, 'backups', 'first.kedang');
    const backup = await fx.ok(admin, 'backup.create', { path: target });
    expect(backup).toMatchObject({ path: target, by: 'admin' });
    expect(backup.bytes).toBeGreaterThan(4096);
    const bytes = readFileSync(target);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('auditor1'))).toBe(false);
    expect(existsSync(`${target}.keyring`)).toBe(true);
    const status = await fx.ok(admin, 'backup.status', {});
    expect(status.lastBackup).toMatchObject({ path: target, bytes: backup.bytes });

    // Work after the backup: a new setting and more log rows.
    await fx.ok(admin, 'settings.update', { idleLockMinutes: 30 });
    const refused = await fx.call(admin, 'backup.restore', { path: target, confirm: false as unknown as true });
    expect(refused.ok ? null : refused.error.code).toBe('INVALID_INPUT');
    const restored = await fx.ok(admin, 'backup.restore', { path: target, confirm: true });
    expect(restored.logRowsCarriedOver).toBeGreaterThanOrEqual(2);

    // Everyone is logged out; the setting is back to the backup's; the log is whole and names the restore.
    const after = await fx.call(admin, 'users.list', {});
    expect(after.ok ? null : after.error.code).toBe('NOT_LOGGED_IN');
    const again = await loggedIn(fx, ADMIN.username, ADMIN.password);
    expect((await fx.ok(again, 'settings.get', {})).idleLockMinutes).toBe(10);
    const auditor = await loggedIn(fx, 'auditor1', 'Auditor-pass-1');
    expect(await fx.ok(auditor, 'accessLog.verify', {})).toMatchObject({ ok: true });
    const log = await fx.ok(auditor, 'accessLog.query', { filter: {}, offset: 0, limit: 500 });
    const actions = log.rows.map((r) => r.action);
    expect(actions).toContain('restore');
    expect(actions).toContain('settings_update'); // written after the backup, carried over
    expect(readdirSync(fx.dir).some((f) => f.startsWith('archive.kedang.before-restore-'))).toBe(true);
  });

  it('refuses a foreign, damaged or missing file and changes nothing', async () => {
    fx = await makeFixture();
    const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    const other = await makeFixture();
    const otherAdmin = await loggedIn(other, ADMIN.username, ADMIN.password);
    const foreign = join(fx.dir, 'foreign.kedang');
    await other.ok(otherAdmin, 'backup.create', { path: foreign });
    await other.cleanup();
    const damaged = join(fx.dir, 'damaged.kedang');
    await fx.ok(admin, 'backup.create', { path: damaged });
    const bytes = readFileSync(damaged);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(damaged, bytes);
    const text = join(fx.dir, 'text.kedang');
    writeFileSync(text, '这不是备份文件');
    const cases: Array<[string, string]> = [
      [foreign, 'BACKUP_FOREIGN'],
      [damaged, 'BACKUP_DAMAGED'],
      [text, 'BACKUP_FOREIGN'],
      [join(fx.dir, 'nothing-here.kedang'), 'FILE_NOT_FOUND'],
    ];
    for (const [path, code] of cases) {
      const result = await fx.call(admin, 'backup.restore', { path, confirm: true });
      expect(result.ok ? null : result.error.code, path).toBe(code);
    }
    // Still logged in, still the same archive.
    expect((await fx.ok(admin, 'users.list', {})).map((u) => u.username)).toEqual(['admin']);
  });

  it('refuses to write a backup over the live archive, or to a relative path', async () => {
    fx = await makeFixture();
    const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    for (const path of [join(fx.dir, 'archive.kedang'), join(fx.dir, 'archive.keyring'), 'relative/backup.kedang']) {
      const result = await fx.call(admin, 'backup.create', { path });
      expect(result.ok ? null : result.error.code, path).toBe('INVALID_INPUT');
    }
  });

  it('exports the access log with its verification to xlsx', async () => {
    fx = await makeFixture();
    const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    const auditor = await userWithRole(fx, admin, 'auditor1', ['auditor']);
    const path = join(fx.dir, 'log.xlsx');
    const result = await fx.ok(auditor, 'accessLog.export', { path, filter: { action: 'login' } });
    expect(result.verification.ok).toBe(true);
    expect(result.rows).toBeGreaterThanOrEqual(2);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet('访问日志')!;
    expect(sheet.getCell('A1').value).toBe('内部资料 严禁外传');
    expect(sheet.getCell('F2').value).toBe('筛选：action=login');
    const actions = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 3) actions.add(String(row.getCell(5).value));
    });
    expect([...actions]).toEqual(['login']);
    expect(book.getWorksheet('校验结果')!.getCell('B1').value).toBe('是');
  });
});
