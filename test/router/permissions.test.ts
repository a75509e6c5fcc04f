import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, type ChannelName } from '../../src-shared/contracts';
import { rolesGrant } from '../../src-shared/permissions';
import { ROLES, type Role } from '../../src-shared/roles';
import type { Connection } from '../../src-main/router/connection';
import { ADMIN, loggedIn, makeFixture, userWithRole, type Fixture } from '../support/office-fixture';
import { SAMPLE_INPUTS } from './sample-inputs';

/** Calls that end or replace the caller's own session are called last, on their own. */
const SESSION_ENDING: ChannelName[] = ['auth.logout', 'backup.restore'];

describe('the permission table, enforced in the main process for every role × channel', () => {
  let fx: Fixture;
  const byRole = new Map<Role, Connection>();

  beforeAll(async () => {
    fx = await makeFixture();
    const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    byRole.set('admin', admin);
    for (const role of ROLES.filter((r) => r !== 'admin'))
      byRole.set(role, await userWithRole(fx, admin, `only.${role}`, [role]));
  });
  afterAll(async () => fx?.cleanup());

  const permissionChannels = CHANNEL_NAMES.filter((c) => contract[c].access.kind === 'permission');

  it('covers every channel of the contract', () => {
    expect(permissionChannels.length).toBeGreaterThan(10);
    expect(Object.keys(SAMPLE_INPUTS).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  for (const role of ROLES) {
    it(`${role}: refused exactly the channels its role lacks`, async () => {
      const connection = byRole.get(role)!;
      for (const channel of permissionChannels.filter((c) => !SESSION_ENDING.includes(c))) {
        const access = contract[channel].access;
        if (access.kind !== 'permission') continue;
        const result = await fx.call(connection, channel, SAMPLE_INPUTS[channel] as never);
        const code = result.ok ? 'OK' : result.error.code;
        if (access.anyOf.some((p) => rolesGrant([role], p))) expect(code, `${role} → ${channel}`).not.toBe('FORBIDDEN');
        else expect(code, `${role} → ${channel}`).toBe('FORBIDDEN');
      }
      const restore = await fx.call(connection, 'backup.restore', SAMPLE_INPUTS['backup.restore']);
      const restoreCode = restore.ok ? 'OK' : restore.error.code;
      if (role === 'admin') expect(restoreCode).toBe('FILE_NOT_FOUND');
      else expect(restoreCode).toBe('FORBIDDEN');
    });
  }

  it('records each refused call in the access log as denied', async () => {
    const auditor = byRole.get('auditor')!;
    const page = await fx.ok(auditor, 'accessLog.query', {
      filter: { action: 'access_denied' },
      offset: 0,
      limit: 500,
    });
    expect(
      page.rows.some((r) => r.username === 'only.rep' && r.target === 'users.create' && r.outcome === 'denied'),
    ).toBe(true);
    expect(page.rows.some((r) => r.username === 'admin' && r.target === 'accessLog.query')).toBe(true);
  });

  it('refuses every non-public channel without a session, and answers the public ones', async () => {
    const anonymous = fx.connection();
    for (const channel of CHANNEL_NAMES) {
      const result = await fx.call(anonymous, channel, SAMPLE_INPUTS[channel] as never);
      const code = result.ok ? 'OK' : result.error.code;
      if (contract[channel].access.kind === 'public') expect(code, channel).not.toBe('NOT_LOGGED_IN');
      else expect(code, channel).toBe('NOT_LOGGED_IN');
    }
  });

  it('refuses everything but password change and logout while a temporary password is in force', async () => {
    const admin = byRole.get('admin')!;
    await fx.ok(admin, 'users.create', {
      username: 'fresh.user',
      displayName: '新用户',
      roles: ['custodian'],
      temporaryPassword: 'Temporary-1234',
    });
    const fresh = await loggedIn(fx, 'fresh.user', 'Temporary-1234');
    for (const channel of CHANNEL_NAMES.filter((c) => contract[c].access.kind !== 'public')) {
      const access = contract[channel].access;
      if (access.kind === 'session' && access.duringPasswordChange) continue;
      const result = await fx.call(fresh, channel, SAMPLE_INPUTS[channel] as never);
      expect(result.ok ? 'OK' : result.error.code, channel).toBe('PASSWORD_CHANGE_REQUIRED');
    }
  });
});
