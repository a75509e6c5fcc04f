/**
 * Child process for the crash test: logs in as the administrator and keeps
 * creating users, printing "ACK <name>" after each call returned success.
 * The parent kills it with SIGKILL at a random moment.
 */
import { createKedang } from '../../src-main/kedang';
import { newConnection } from '../../src-main/router/connection';

const [dataDir, prefix] = process.argv.slice(2);
const kedang = createKedang({
  dataDir: dataDir!,
  host: { chooseFile: async () => null, print: async () => false },
  kdf: { N: 1024, r: 8, p: 1 },
});
const connection = newConnection('crash-writer');

async function main(): Promise<void> {
  const login = await kedang.handle(connection, 'auth.login', { username: 'admin', password: 'Admin-pass-2026' });
  if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
  process.stdout.write('READY\n');
  for (let i = 0; ; i++) {
    const username = `${prefix}-${i}`;
    const result = await kedang.handle(connection, 'users.create', {
      username,
      displayName: `客户经理${i}`,
      roles: ['rep'],
      temporaryPassword: 'Temporary-1234',
    });
    if (!result.ok) throw new Error(`create failed: ${result.error.code}`);
    process.stdout.write(`ACK ${username}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
