import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelName, InputOf, OutputOf } from '../../src-shared/contracts';
import type { Result } from '../../src-shared/errors';
import { createKedang, type Kedang } from '../../src-main/kedang';
import { newConnection, type Connection, type Host, type PrintRequest } from '../../src-main/router/connection';

/** A cheap scrypt cost for tests; the product uses N=2^17 (measured in docs/). */
export const TEST_KDF = { N: 1024, r: 8, p: 1 };

export const ADMIN = { username: 'admin', password: 'Admin-pass-2026', displayName: '王管理' };

/** A settable clock: tests move time to check idle lock and lockout expiry. */
export class TestClock {
  constructor(public time = new Date('2026-11-27T09:00:00Z')) {}
  now = (): Date => new Date(this.time);
  advanceMinutes(minutes: number): void {
    this.time = new Date(this.time.getTime() + minutes * 60_000);
  }
}

export interface Fixture {
  dir: string;
  kedang: Kedang;
  clock: TestClock;
  chooseFileAnswers: string[];
  /** Prints the host was asked for; tests read them to see what was printed where. */
  printRequests: PrintRequest[];
  connection(device?: string): Connection;
  /** Calls a channel; returns the whole result. */
  call<C extends ChannelName>(connection: Connection, channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  /** Calls a channel and fails the test unless it succeeded. */
  ok<C extends ChannelName>(connection: Connection, channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  reopen(): Promise<void>;
  cleanup(): Promise<void>;
}

export async function makeFixture(options: { setup?: boolean; dir?: string } = {}): Promise<Fixture> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'kedang-test-'));
  const clock = new TestClock();
  const chooseFileAnswers: string[] = [];
  const printRequests: PrintRequest[] = [];
  const host: Host = {
    chooseFile: async () => chooseFileAnswers.shift() ?? null,
    print: async (request) => {
      printRequests.push(request);
      return true;
    },
  };
  const fixture: Fixture = {
    dir,
    clock,
    chooseFileAnswers,
    printRequests,
    kedang: createKedang({ dataDir: dir, host, clock: clock.now, kdf: TEST_KDF }),
    connection: (device = 'test') => newConnection(device, 'zh'),
    call: (connection, channel, input) =>
      fixture.kedang.handle(connection, channel, input) as Promise<Result<OutputOf<typeof channel>>>,
    async ok(connection, channel, input) {
      const result = await fixture.call(connection, channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async reopen() {
      await fixture.kedang.close();
      fixture.kedang = createKedang({ dataDir: dir, host, clock: clock.now, kdf: TEST_KDF });
    },
    async cleanup() {
      await fixture.kedang.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.setup !== false) {
    await fixture.ok(fixture.connection(), 'setup.createArchive', {
      archiveName: '华信商贸客户档案',
      adminUsername: ADMIN.username,
      adminDisplayName: ADMIN.displayName,
      adminPassword: ADMIN.password,
    });
  }
  return fixture;
}

/** Logs in a new connection as the given user. */
export async function loggedIn(
  fixture: Fixture,
  username: string,
  password: string,
  device = 'test',
): Promise<Connection> {
  const connection = fixture.connection(device);
  await fixture.ok(connection, 'auth.login', { username, password });
  return connection;
}

/** Creates a user as admin and has them set their own password; returns their logged-in connection. */
export async function userWithRole(
  fixture: Fixture,
  admin: Connection,
  username: string,
  roles: Array<'admin' | 'custodian' | 'manager' | 'rep' | 'auditor'>,
  password = `${username}-Pass-2026`,
): Promise<Connection> {
  await fixture.ok(admin, 'users.create', {
    username,
    displayName: username,
    roles,
    temporaryPassword: 'Temporary-1234',
    allowDutyOverlap: true,
  });
  const connection = await loggedIn(fixture, username, 'Temporary-1234');
  await fixture.ok(connection, 'auth.changePassword', { currentPassword: 'Temporary-1234', newPassword: password });
  return connection;
}
