import { randomBytes } from 'node:crypto';
import type { ChannelName, InputOf, OutputOf } from '../../src-shared/contracts';
import type { ErrorCode, KedangErrorDto, Result } from '../../src-shared/errors';
import type { Role } from '../../src-shared/roles';
import { archiveLocation } from '../archive/location';
import { DESIGN_KDF, type KdfCost } from '../keyring/key-slots';
import { Office } from '../office';
import type { Call } from '../router/call';
import { newConnection, type Connection, type Host } from '../router/connection';
import { route } from '../router/router';

/**
 * One data folder opened for the demo-data command and the benchmarks:
 * the same Office and router every transport uses, plus direct access to
 * the Office for the demo loader, which writes as a logged-in custodian
 * without going through a channel (there is none for bulk demo data).
 * Calls run one after another; nothing here is concurrent.
 */
export interface DemoOffice {
  office: Office;
  /** Calls a channel and returns its value; a failed call throws {@link DemoCallFailed}. */
  call<C extends ChannelName>(connection: Connection, channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  /** The call context of a logged-in connection, for the demo loader. */
  callOf(connection: Connection): Call;
  /** Ends every session and closes the archive. */
  close(): Promise<void>;
}

/** A channel answered with an error; the message is the translated one, never input data. */
export class DemoCallFailed extends Error {
  constructor(
    readonly channel: string,
    readonly error: KedangErrorDto,
  ) {
    super(`${channel}: ${error.code} ${error.message}`);
    this.name = 'DemoCallFailed';
  }
  get code(): ErrorCode {
    return this.error.code;
  }
}

/** A host with no windows: nothing to choose, nothing to print. */
const HEADLESS_HOST: Host = { chooseFile: async () => null, print: async () => false };

export function openDemoOffice(dataDir: string, options: { kdf?: KdfCost; clock?: () => Date } = {}): DemoOffice {
  const office = new Office(
    archiveLocation(dataDir),
    HEADLESS_HOST,
    options.kdf ?? DESIGN_KDF,
    options.clock ?? (() => new Date()),
  );
  return {
    office,
    async call(connection, channel, input) {
      const result = (await route(office, connection, channel, input)) as Result<OutputOf<typeof channel>>;
      if (!result.ok) throw new DemoCallFailed(channel, result.error);
      return result.value;
    },
    callOf(connection) {
      const session = connection.sessionId ? (office.sessions.get(connection.sessionId) ?? null) : null;
      return { office, connection, session };
    },
    async close() {
      office.sessions.clear();
      await office.closeIfIdle();
    },
  };
}

/** A demo account. The passwords are public (printed, in the README): demo archives only. */
export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/** One user for each role, three reps so that cards spread over several. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '王管理', role: 'admin', password: 'Demo-admin-2026' },
  { username: 'dangan', displayName: '周档案', role: 'custodian', password: 'Demo-dangan-2026' },
  { username: 'jingli', displayName: '陈经理', role: 'manager', password: 'Demo-jingli-2026' },
  { username: 'yewu1', displayName: '李业务', role: 'rep', password: 'Demo-yewu1-2026' },
  { username: 'yewu2', displayName: '赵业务', role: 'rep', password: 'Demo-yewu2-2026' },
  { username: 'yewu3', displayName: '孙业务', role: 'rep', password: 'Demo-yewu3-2026' },
  { username: 'shenji', displayName: '吴审计', role: 'auditor', password: 'Demo-shenji-2026' },
];

export const DEMO_ARCHIVE_NAME = '演示客户档案（示例数据）';

/**
 * Sets up a new archive with the demo users, all through the public
 * channels: the administrator from setup, every other user created with a
 * temporary password and then logged in to set their demo password, so that
 * nobody is asked to change it at first login. Returns the recovery code.
 */
export async function createDemoArchive(demo: DemoOffice, device = 'demo-data'): Promise<{ recoveryCode: string }> {
  const admin = DEMO_USERS.find((u) => u.role === 'admin')!;
  const setup = await demo.call(newConnection(device), 'setup.createArchive', {
    archiveName: DEMO_ARCHIVE_NAME,
    adminUsername: admin.username,
    adminDisplayName: admin.displayName,
    adminPassword: admin.password,
  });
  const adminConnection = newConnection(device);
  await demo.call(adminConnection, 'auth.login', { username: admin.username, password: admin.password });
  for (const user of DEMO_USERS) {
    if (user === admin) continue;
    // Random, used once, never shown: the user's own demo password replaces it at once.
    const temporary = `Temp-${randomBytes(9).toString('base64url')}-1`;
    await demo.call(adminConnection, 'users.create', {
      username: user.username,
      displayName: user.displayName,
      roles: [user.role],
      temporaryPassword: temporary,
    });
    const own = newConnection(device);
    await demo.call(own, 'auth.login', { username: user.username, password: temporary });
    await demo.call(own, 'auth.changePassword', { currentPassword: temporary, newPassword: user.password });
    await demo.call(own, 'auth.logout', {});
  }
  await demo.call(adminConnection, 'auth.logout', {});
  return { recoveryCode: setup.recoveryCode };
}
