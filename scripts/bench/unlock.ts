/**
 * How long an unlock takes on this machine: the scrypt key-slot unwrap at
 * the DESIGN's cost (N=2^17, r=8, p=1), and a whole login (unwrap, open,
 * integrity check, log row), beside opening the same file through raw
 * better-sqlite3 with the raw key in the same run.
 *
 *   npm run bench
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createKedang } from '../../src-main/kedang';
import { DESIGN_KDF, unwrapKey } from '../../src-main/keyring/key-slots';
import { readKeyring } from '../../src-main/keyring/keyring-file';
import { userSlot } from '../../src-main/keyring/slots-of';
import { newConnection } from '../../src-main/router/connection';

const ROUNDS = 5;

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `median ${median.toFixed(1)} ms (min ${sorted[0]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)}, n=${samples.length})`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kedang-bench-'));
  const password = 'Bench-password-2026';
  try {
    const kedang = createKedang({
      dataDir: dir,
      host: { chooseFile: async () => null, print: async () => false },
      kdf: DESIGN_KDF,
    });
    const setup = await kedang.handle(newConnection('bench'), 'setup.createArchive', {
      archiveName: 'bench',
      adminUsername: 'admin',
      adminDisplayName: 'admin',
      adminPassword: password,
    });
    if (!setup.ok) throw new Error(setup.error.code);
    const keyring = readKeyring(join(dir, 'archive.keyring'));
    const slot = userSlot(keyring, 'admin')!;

    const unwrap: number[] = [];
    let key: Buffer | null = null;
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      key = await unwrapKey(slot, password, keyring.archiveId);
      unwrap.push(performance.now() - t);
    }

    const login: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const connection = newConnection('bench');
      const t = performance.now();
      const result = await kedang.handle(connection, 'auth.login', { username: 'admin', password });
      login.push(performance.now() - t);
      if (!result.ok) throw new Error(result.error.code);
      await kedang.handle(connection, 'auth.logout', {});
    }
    await kedang.close();

    const raw: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      const db = new Database(join(dir, 'archive.kedang'));
      db.pragma(`cipher = 'sqlcipher'`);
      db.pragma('legacy = 4');
      db.pragma(`key = "x'${key!.toString('hex')}'"`);
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      db.close();
      raw.push(performance.now() - t);
    }

    console.log(`unlock benchmark, ${new Date().toISOString()}, node ${process.version}`);
    console.log(`  scrypt slot unwrap (N=2^17, r=8, p=1): ${stats(unwrap)}`);
    console.log(`  whole login through the router:       ${stats(login)}`);
    console.log(`  raw better-sqlite3 open with raw key:  ${stats(raw)}  (baseline)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
