import { parseArgs } from 'node:util';
import { errorMessage } from '../../src-shared/errors';
import { defaultDataDir, DATA_DIR_ENV } from '../data-dir';
import type { KdfCost } from '../keyring/key-slots';
import { newConnection } from '../router/connection';
import { demoCards } from './demo-cards';
import { DEMO_IMPORT_FILE, loadDemoCards } from './demo-loader';
import { createDemoArchive, DEMO_USERS, openDemoOffice, type DemoUser } from './demo-office';

/** `npm run demo-data -- …` as parsed. */
export interface DemoDataOptions {
  customers: number;
  dataDir: string;
  seed: string;
  /** A custodian of an existing archive; null when a new demo archive is made. */
  user: string | null;
  passwordStdin: boolean;
  help: boolean;
}

export const DEMO_DATA_USAGE = `用法 / usage:
  npm run demo-data -- --customers N [--data-dir DIR] [--seed S]
      新建演示档案库（含各角色演示用户）并载入 N 张演示客户卡。
      Creates a demo archive with one demo user per role and loads N demo cards.
  echo "$PASSWORD" | npm run demo-data -- --customers N --data-dir DIR --user NAME --password-stdin [--seed S]
      向已有档案库以档案管理员身份追加 N 张演示卡（同一 seed 生成同样的客户，追加时请换一个 seed）。
      Adds N demo cards to an existing archive as that custodian (the same seed makes the same customers again:
      use a new seed to add more).

  --data-dir 默认 / default: $${DATA_DIR_ENV} or ${defaultDataDir()}`;

/** A command line that cannot run; the script prints it with the usage text. */
export class DemoUsageError extends Error {}

export function parseDemoDataArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): DemoDataOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        customers: { type: 'string' },
        'data-dir': { type: 'string' },
        seed: { type: 'string' },
        user: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new DemoUsageError((error as Error).message);
  }
  const help = values.help ?? false;
  const customers = Number(values.customers);
  if (
    !help &&
    (values.customers === undefined || !Number.isInteger(customers) || customers < 1 || customers > 1_000_000)
  ) {
    throw new DemoUsageError('--customers must be a whole number from 1 to 1000000');
  }
  const user = values.user ?? null;
  const passwordStdin = values['password-stdin'] ?? false;
  if ((user === null) !== !passwordStdin) throw new DemoUsageError('--user and --password-stdin go together');
  return {
    customers: help ? 0 : customers,
    dataDir: values['data-dir'] || env[DATA_DIR_ENV] || defaultDataDir(),
    seed: values.seed ?? '2026',
    user,
    passwordStdin,
    help,
  };
}

export interface DemoDataResult {
  dataDir: string;
  /** Set when a new archive was made: its recovery code and the demo users with their passwords. */
  newArchive: { recoveryCode: string; users: readonly DemoUser[] } | null;
  loadedAs: string;
  created: number;
  firstId: number | null;
  lastId: number | null;
  seconds: number;
}

/** A clear failure for the operator (exit code 1). */
export class DemoDataFailed extends Error {}

/**
 * Makes a demo archive (or opens an existing one as a custodian) and loads
 * the demo cards. `password` is the custodian's password for an existing
 * archive, read by the caller from stdin; it is never printed or logged.
 */
export async function runDemoData(
  options: DemoDataOptions,
  password: string | null,
  settings: { kdf?: KdfCost; batchSize?: number; onProgress?: (loaded: number, total: number) => void } = {},
): Promise<DemoDataResult> {
  const demo = openDemoOffice(options.dataDir, { kdf: settings.kdf });
  const connection = newConnection(DEMO_IMPORT_FILE);
  try {
    const status = await demo.call(connection, 'setup.status', {});
    let newArchive: DemoDataResult['newArchive'] = null;
    let username: string;
    let reps: string[];
    if (status.state === 'problem') {
      throw new DemoDataFailed(errorMessage(status.problem ?? 'INTERNAL', 'zh'));
    } else if (status.state === 'new') {
      // Never make a new archive for a command meant for an existing one: a mistyped folder would get one.
      if (options.user !== null) throw new DemoDataFailed(`${options.dataDir} 中没有档案库 / no archive there`);
      const { recoveryCode } = await createDemoArchive(demo);
      newArchive = { recoveryCode, users: DEMO_USERS };
      const custodian = DEMO_USERS.find((u) => u.role === 'custodian')!;
      username = custodian.username;
      password = custodian.password;
      reps = DEMO_USERS.filter((u) => u.role === 'rep').map((u) => u.username);
    } else {
      if (options.user === null || password === null) {
        throw new DemoDataFailed('档案库已存在：请用 --user 与 --password-stdin 以档案管理员身份追加 / archive exists');
      }
      username = options.user;
      reps = [];
    }
    const session = await demo.call(connection, 'auth.login', { username, password });
    if (session.mustChangePassword) {
      throw new DemoDataFailed('请先在应用中修改临时密码 / change the temporary password in the app first');
    }
    if (!newArchive) reps = (await demo.call(connection, 'cards.reps', {})).map((r) => r.username);
    const started = performance.now();
    const result = await loadDemoCards(
      demo.callOf(connection),
      demoCards({ count: options.customers, seed: options.seed, reps }),
      { batchSize: settings.batchSize, onBatch: (loaded) => settings.onProgress?.(loaded, options.customers) },
    );
    const seconds = (performance.now() - started) / 1000;
    await demo.call(connection, 'auth.logout', {});
    return {
      dataDir: options.dataDir,
      newArchive,
      loadedAs: username,
      created: result.created,
      firstId: result.firstId,
      lastId: result.lastId,
      seconds,
    };
  } finally {
    await demo.close();
  }
}
