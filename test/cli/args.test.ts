import { describe, expect, it } from 'vitest';
import type { Result } from '../../src-shared/errors';
import type { Kedang, KedangOptions } from '../../src-main/kedang';
import type { Connection } from '../../src-main/router/connection';
import { parseCliArgs, UsageError } from '../../src-main/cli/args';
import type { Prompter } from '../../src-main/cli/prompt';
import { runCli } from '../../src-main/cli/run';
import { captureIo } from './io';

/** A router stand-in: one user "admin" with password "Pw-123456789"; records calls without their input secrets. */
function fakeKedang() {
  const calls: string[] = [];
  const opened: KedangOptions[] = [];
  let closed = 0;
  const inputs: unknown[] = [];
  const create = (options: KedangOptions): Kedang => {
    opened.push(options);
    return {
      dataDir: options.dataDir,
      async handle(connection: Connection, channel: unknown, input: unknown): Promise<Result<unknown>> {
        calls.push(String(channel));
        inputs.push(input);
        const i = input as Record<string, unknown>;
        switch (channel) {
          case 'app.setLanguage':
            connection.language = i['language'] as 'zh' | 'en';
            return { ok: true, value: null };
          case 'auth.login':
            if (i['username'] === 'admin' && i['password'] === 'Pw-123456789') {
              connection.sessionId = 's1';
              return { ok: true, value: { username: 'admin' } };
            }
            return {
              ok: false,
              error: {
                code: 'INVALID_CREDENTIALS',
                message: connection.language === 'en' ? 'Wrong user name or password.' : '用户名或密码错误。',
              },
            };
          case 'auth.logout':
            connection.sessionId = null;
            return { ok: true, value: null };
          case 'users.list':
            return {
              ok: true,
              value: [
                { id: 1, username: 'admin', displayName: '王', roles: ['admin'], active: true, lockedUntil: null },
              ],
            };
          case 'backup.create': {
            const chosen = await options.host.chooseFile('backup', 'save', '/x');
            return { ok: true, value: { path: i['path'], bytes: 4096, at: 'now', by: 'admin', chosen } };
          }
          case 'setup.createArchive':
            return { ok: true, value: { archiveName: i['archiveName'], recoveryCode: 'RC-1111-2222' } };
          case 'accessLog.verify':
            return {
              ok: true,
              value: {
                ok: false,
                checkedRows: 7,
                firstBadSeq: 5,
                problem: 'row_changed',
                lastSeq: 7,
                headSeq: 7,
                verifiedAt: 'now',
              },
            };
          default:
            return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'unknown' } };
        }
      },
      disconnect: async () => undefined,
      sweepIdle: async () => undefined,
      close: async () => void closed++,
    };
  };
  return { create, calls, opened, inputs, closed: () => closed };
}

const ENV = { KEDANG_DATA_DIR: '/tmp/kedang-fake' };

describe('CLI arguments', () => {
  it('parses commands and common flags', () => {
    const args = parseCliArgs([
      'backup',
      '--out',
      'b.kedang',
      '--user',
      'admin',
      '--password-stdin',
      '--json',
      '--lang',
      'en',
    ]);
    expect(args).toMatchObject({
      command: { name: 'backup', out: 'b.kedang' },
      user: 'admin',
      passwordStdin: true,
      json: true,
      language: 'en',
    });
    expect(parseCliArgs(['users', 'list']).command).toEqual({ name: 'users-list' });
    expect(parseCliArgs(['restore', 'f', '--yes']).command).toEqual({ name: 'restore', file: 'f' });
    expect(parseCliArgs(['verify-log', '--data-dir', '/d']).dataDir).toBe('/d');
  });

  it.each([
    [[]],
    [['frobnicate']],
    [['backup']],
    [['restore', 'f']],
    [['restore', '--yes']],
    [['users']],
    [['users', 'delete']],
    [['init', '--bogus']],
    [['verify-log', '--lang', 'fr']],
    [['verify-log', '--user']],
    [['init', '--yes']],
  ])('refuses %j as a usage error', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
  });
});

describe('runCli exit codes', () => {
  it('exits 2 with usage text on a bad command line, without opening the archive', async () => {
    const fake = fakeKedang();
    const io = captureIo();
    expect(await runCli(['restore', 'backup.kedang'], io, { createKedang: fake.create, env: ENV })).toBe(2);
    expect(io.err()).toContain('--yes');
    expect(io.err()).toContain('用法');
    expect(fake.opened).toHaveLength(0);
  });

  it('exits 2 with JSON too when --json was asked', async () => {
    const io = captureIo();
    expect(await runCli(['nope', '--json', '--lang', 'en'], io, { createKedang: fakeKedang().create, env: ENV })).toBe(
      2,
    );
    expect(io.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(io.err()).toContain('Usage');
  });

  it('prints help on --help with exit 0', async () => {
    const io = captureIo();
    expect(await runCli(['--help', '--lang', 'en'], io, { env: ENV })).toBe(0);
    expect(io.out()).toContain('verify-log');
  });

  it('refuses to prompt when stdin is not a terminal and --password-stdin is missing', async () => {
    const fake = fakeKedang();
    const io = captureIo('', false);
    expect(await runCli(['users', 'list', '--user', 'admin'], io, { createKedang: fake.create, env: ENV })).toBe(2);
    expect(io.err()).toContain('--password-stdin');
    expect(fake.calls).not.toContain('auth.login');
    expect(fake.closed()).toBe(1);
  });

  it('logs in, lists, logs out and closes; the data dir comes from KEDANG_DATA_DIR', async () => {
    const fake = fakeKedang();
    const io = captureIo('Pw-123456789\nnext line ignored\n');
    const code = await runCli(['users', 'list', '--user', 'admin', '--password-stdin'], io, {
      createKedang: fake.create,
      env: ENV,
    });
    expect(code).toBe(0);
    expect(fake.opened[0]!.dataDir).toBe('/tmp/kedang-fake');
    expect(fake.calls).toEqual(['app.setLanguage', 'auth.login', 'users.list', 'auth.logout']);
    expect(fake.closed()).toBe(1);
    expect(io.out()).toContain('admin\t王\tadmin\t有效');
    expect(io.out() + io.err()).not.toContain('Pw-123456789');
  });

  it('exits 1 with the translated message on stderr when the router refuses', async () => {
    const fake = fakeKedang();
    const io = captureIo('wrong-password\n');
    const code = await runCli(['users', 'list', '--user', 'admin', '--password-stdin', '--lang', 'en'], io, {
      createKedang: fake.create,
      env: ENV,
    });
    expect(code).toBe(1);
    expect(io.err()).toBe('Error: Wrong user name or password.\n');
    expect(io.out()).toBe('');
    expect(fake.calls).not.toContain('users.list');
    expect(fake.closed()).toBe(1);
  });

  it('with --json prints one JSON object, on failure too', async () => {
    const fake = fakeKedang();
    const bad = captureIo('wrong\n');
    expect(
      await runCli(['users', 'list', '--user', 'admin', '--password-stdin', '--json'], bad, {
        createKedang: fake.create,
        env: ENV,
      }),
    ).toBe(1);
    expect(bad.json()).toEqual({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误。' } });
    const good = captureIo('Pw-123456789\n');
    expect(
      await runCli(['users', 'list', '--user', 'admin', '--password-stdin', '--json'], good, {
        createKedang: fake.create,
        env: ENV,
      }),
    ).toBe(0);
    expect(good.json()).toMatchObject({ ok: true, users: [{ username: 'admin' }] });
  });

  it('gives the Host the path named on the command line, made absolute', async () => {
    const fake = fakeKedang();
    const io = captureIo('Pw-123456789\n');
    const code = await runCli(
      ['backup', '--out', 'rel/b.kedang', '--user', 'admin', '--password-stdin', '--json'],
      io,
      {
        createKedang: fake.create,
        env: ENV,
      },
    );
    expect(code).toBe(0);
    const expected = `${process.cwd()}/rel/b.kedang`;
    expect(io.json()).toMatchObject({ ok: true, backup: { path: expected, chosen: expected } });
  });

  it('exits 1 when the access log does not verify', async () => {
    const fake = fakeKedang();
    const io = captureIo('Pw-123456789\n');
    expect(
      await runCli(['verify-log', '--user', 'admin', '--password-stdin'], io, { createKedang: fake.create, env: ENV }),
    ).toBe(1);
    expect(io.out()).toContain('序号 5');
  });

  it('init asks on a terminal, twice for the password, and refuses a mismatch', async () => {
    const fake = fakeKedang();
    const answers = ['华信档案', 'admin', '王', 'Pw-123456789', 'Pw-different1'];
    const asked: string[] = [];
    const prompter: Prompter = {
      ask: async (label) => (asked.push(label), answers.shift()!),
      askHidden: async (label) => (asked.push(`hidden:${label}`), answers.shift()!),
      close: () => undefined,
    };
    const io = captureIo('', true);
    expect(await runCli(['init'], io, { createKedang: fake.create, env: ENV, prompter })).toBe(1);
    expect(asked).toEqual([
      '档案库名称：',
      '管理员用户名：',
      '管理员显示名称：',
      'hidden:密码：',
      'hidden:再次输入密码：',
    ]);
    expect(io.err()).toContain('两次输入的密码不一致');
    expect(fake.calls).not.toContain('setup.createArchive');
  });

  it('init prints the recovery code once', async () => {
    const fake = fakeKedang();
    const io = captureIo('Pw-123456789\n');
    const argv = ['init', '--archive-name', '华信档案', '--user', 'admin', '--display-name', '王', '--password-stdin'];
    expect(await runCli(argv, io, { createKedang: fake.create, env: ENV })).toBe(0);
    expect(io.out().split('RC-1111-2222')).toHaveLength(2);
    expect(fake.inputs[1]).toMatchObject({
      archiveName: '华信档案',
      adminUsername: 'admin',
      adminPassword: 'Pw-123456789',
    });
  });
});
