/**
 * What the benchmarks share: the 100,000-card archive built through the
 * card records as the demo custodian (reused from a work folder when it is
 * already there), the custodian's unwrapped key, and the unencrypted copy
 * of an archive that the raw baselines run on.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { demoCards } from '../../src-main/demo/demo-cards';
import { loadDemoCards } from '../../src-main/demo/demo-loader';
import { createDemoArchive, DEMO_USERS, openDemoOffice } from '../../src-main/demo/demo-office';
import { DESIGN_KDF, unwrapKey } from '../../src-main/keyring/key-slots';
import { readKeyring } from '../../src-main/keyring/keyring-file';
import { userSlot } from '../../src-main/keyring/slots-of';
import { newConnection } from '../../src-main/router/connection';
import { openCipherDatabase } from '../../src-main/store/cipher-database';

export const BENCH_SEED = 'bench';
const benchCustodian = DEMO_USERS.find((u) => u.role === 'custodian')!;

/** Builds the archive through the real card records as the demo custodian; reused when the work folder has it. */
export async function buildArchive(
  dir: string,
  count: number,
  log: (text: string) => void,
): Promise<{ seconds: number | null }> {
  const marker = join(dir, 'bench-built.json');
  if (existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).cards === count) {
    log(`reusing the archive with ${count} cards in ${dir}`);
    return { seconds: null };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const demo = openDemoOffice(dir, { kdf: DESIGN_KDF });
  await createDemoArchive(demo, 'bench');
  const connection = newConnection('bench');
  await demo.call(connection, 'auth.login', { username: benchCustodian.username, password: benchCustodian.password });
  const reps = DEMO_USERS.filter((u) => u.role === 'rep').map((u) => u.username);
  const started = performance.now();
  await loadDemoCards(demo.callOf(connection), demoCards({ count, seed: BENCH_SEED, reps }), {
    batchSize: 1000,
    onBatch: (n) => {
      if (n % 10_000 === 0 || n === count) log(`  loaded ${n} / ${count}`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  await demo.call(connection, 'auth.logout', {});
  await demo.close();
  writeFileSync(marker, JSON.stringify({ cards: count, seconds }));
  return { seconds };
}

/** The archive key from the demo custodian's slot, as a login unwraps it. */
export async function custodianKey(dir: string): Promise<Buffer> {
  const keyring = readKeyring(join(dir, 'archive.keyring'));
  const key = await unwrapKey(userSlot(keyring, benchCustodian.username)!, benchCustodian.password, keyring.archiveId);
  if (!key) throw new Error('the demo custodian password did not unwrap the key');
  return key;
}

/**
 * An unencrypted copy of the same database for the raw baseline: VACUUM INTO
 * writes a copy under the same key, and PRAGMA rekey = '' decrypts that copy
 * in place (SQLite3MultipleCiphers; rekey needs a rollback journal, which a
 * VACUUM INTO copy has). The copy keeps SQLCipher's 80 reserved bytes per page.
 */
export function plainCopy(archivePath: string, plainPath: string, key: Buffer): { cacheSize: number } {
  rmSync(plainPath, { force: true });
  const encrypted = openCipherDatabase(archivePath, key, { create: false, checkIntegrity: false });
  const cacheSize = Number(encrypted.pragma('cache_size', { simple: true }));
  encrypted.prepare('VACUUM INTO ?').run(plainPath);
  encrypted.close();
  const copy = new Database(plainPath, { fileMustExist: true });
  copy.pragma(`cipher = 'sqlcipher'`);
  copy.pragma('legacy = 4');
  copy.pragma(`key = "x'${key.toString('hex')}'"`);
  copy.pragma(`rekey = ''`);
  copy.close();
  // A plain SQLite file starts with its magic string; an encrypted one with random bytes.
  const header = readFileSync(plainPath).subarray(0, 15).toString('latin1');
  if (header !== 'SQLite format 3') throw new Error('the baseline copy is still encrypted');
  return { cacheSize };
}

/** The plain copy opened as the archive is: WAL, synchronous FULL, the same page cache. */
export function openRaw(plainPath: string, cacheSize: number): Database.Database {
  const raw = new Database(plainPath, { fileMustExist: true });
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`cache_size = ${cacheSize}`);
  raw.pragma('temp_store = MEMORY');
  return raw;
}
