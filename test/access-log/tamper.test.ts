import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, loggedIn, makeFixture, userWithRole, type Fixture } from '../support/office-fixture';
import { archiveKeyOf, openRaw } from '../support/raw-archive';

/**
 * The auditor's promise: any edit, deletion, reordering, truncation or
 * rollback of the access log is found, and the first bad row is named.
 */
describe('access log verification', () => {
  let fx: Fixture;
  afterEach(async () => fx?.cleanup());

  async function archiveWithHistory() {
    fx = await makeFixture();
    const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    for (let i = 0; i < 5; i++) {
      await fx.ok(admin, 'users.create', {
        username: `rep${i}`,
        displayName: `业务员${i}`,
        roles: ['rep'],
        temporaryPassword: 'Temporary-1234',
      });
    }
    await userWithRole(fx, admin, 'auditor1', ['auditor'], 'Auditor-pass-1');
    await fx.kedang.close();
    await fx.reopen();
    return archiveKeyOf(fx.dir, ADMIN.username, ADMIN.password);
  }

  async function verifyAsAuditor() {
    const auditor = await loggedIn(fx, 'auditor1', 'Auditor-pass-1');
    return fx.ok(auditor, 'accessLog.verify', {});
  }

  it('verifies an untouched log, and the status names the last verification and who ran it', async () => {
    await archiveWithHistory();
    const auditor = await loggedIn(fx, 'auditor1', 'Auditor-pass-1');
    expect(await fx.ok(auditor, 'accessLog.status', {})).toMatchObject({
      lastVerification: null,
      lastVerifiedBy: null,
    });
    const result = await fx.ok(auditor, 'accessLog.verify', {});
    expect(result).toMatchObject({ ok: true, firstBadSeq: null, problem: null });
    expect(result.checkedRows).toBeGreaterThan(10);
    expect(result.lastSeq).toBe(result.checkedRows);
    expect(await fx.ok(auditor, 'accessLog.status', {})).toMatchObject({
      lastVerification: { ok: true, checkedRows: result.checkedRows, verifiedAt: result.verifiedAt },
      lastVerifiedBy: 'auditor1',
    });
  });

  it('refuses UPDATE and DELETE on the log through its triggers', async () => {
    const key = await archiveWithHistory();
    const db = openRaw(fx.dir, key);
    expect(() => db.prepare("UPDATE access_log SET detail = 'x' WHERE seq = 3").run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM access_log WHERE seq = 3').run()).toThrow(/cannot be deleted/);
    db.close();
    expect((await verifyAsAuditor()).ok).toBe(true);
  });

  it('names the first edited row after the triggers were dropped', async () => {
    const key = await archiveWithHistory();
    const db = openRaw(fx.dir, key);
    db.exec('DROP TRIGGER access_log_no_update');
    db.prepare("UPDATE access_log SET username = 'someone-else' WHERE seq = 4").run();
    db.close();
    expect(await verifyAsAuditor()).toMatchObject({ ok: false, firstBadSeq: 4, problem: 'row_changed' });
  });

  it('names a deleted row', async () => {
    const key = await archiveWithHistory();
    const db = openRaw(fx.dir, key);
    db.exec('DROP TRIGGER access_log_no_delete');
    db.prepare('DELETE FROM access_log WHERE seq = 6').run();
    db.close();
    expect(await verifyAsAuditor()).toMatchObject({ ok: false, firstBadSeq: 6, problem: 'row_missing' });
  });

  it('names the first of two swapped rows', async () => {
    const key = await archiveWithHistory();
    const db = openRaw(fx.dir, key);
    db.exec('DROP TRIGGER access_log_no_update');
    const a = db.prepare('SELECT * FROM access_log WHERE seq = 3').get() as Record<string, unknown>;
    const b = db.prepare('SELECT * FROM access_log WHERE seq = 5').get() as Record<string, unknown>;
    const set = db.prepare(
      'UPDATE access_log SET at=@at, user_id=@user_id, username=@username, role=@role, action=@action, target=@target, outcome=@outcome, device=@device, detail=@detail, hash=@hash WHERE seq=@to',
    );
    set.run({ ...b, to: 3 });
    set.run({ ...a, to: 5 });
    db.close();
    expect(await verifyAsAuditor()).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'row_changed' });
  });

  it('detects a log cut short at its end', async () => {
    const key = await archiveWithHistory();
    const db = openRaw(fx.dir, key);
    const last = (db.prepare('SELECT max(seq) AS s FROM access_log').get() as { s: number }).s;
    db.exec('DROP TRIGGER access_log_no_delete');
    db.prepare('DELETE FROM access_log WHERE seq > ?').run(last - 3);
    db.close();
    const result = await verifyAsAuditor();
    expect(result.ok).toBe(false);
    expect(result.firstBadSeq).toBe(last - 2);
    expect(['rolled_back', 'truncated']).toContain(result.problem);
  });

  it('detects a restore of an older copy of the database file, even after new rows are appended', async () => {
    await archiveWithHistory();
    const old = join(fx.dir, 'old-copy.kedang');
    copyFileSync(join(fx.dir, 'archive.kedang'), old);
    // The copy ends just before the auditor's login, the last row this verification sees.
    const firstRowNotInCopy = (await verifyAsAuditor()).lastSeq;
    const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    await fx.ok(admin, 'settings.update', { idleLockMinutes: 20 });
    await fx.kedang.close();
    copyFileSync(old, join(fx.dir, 'archive.kedang'));
    await fx.reopen();
    const first = await verifyAsAuditor();
    expect(first).toMatchObject({ ok: false, problem: 'rolled_back' });
    expect(first.firstBadSeq).toBe(firstRowNotInCopy);
    // The evidence is kept: later appends and a second check still report it.
    const second = await verifyAsAuditor();
    expect(second).toMatchObject({ ok: false, problem: 'rolled_back', firstBadSeq: first.firstBadSeq });
  });
});
