import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, loggedIn, makeFixture, userWithRole, type Fixture } from '../support/office-fixture';
import { archiveKeyOf, openRaw } from '../support/raw-archive';

const ROUNDS = 50;

/** Runs the writer until a random moment after it is ready, kills it with SIGKILL, returns the acknowledged names. */
function runAndKill(dir: string, prefix: string, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '../support/crash-writer.ts'), dir, prefix],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const acked: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'READY') setTimeout(() => child.kill('SIGKILL'), delayMs);
        else if (line.startsWith('ACK ')) acked.push(line.slice(4));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer ended by itself: ${stderr}`));
    });
  });
}

describe('killed mid-write (SIGKILL at 50 random moments)', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeFixture();
    const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
    await userWithRole(fx, admin, 'auditor1', ['auditor'], 'Auditor-pass-1');
    await fx.kedang.close();
  });
  afterAll(async () => fx?.cleanup());

  it('opens every time with integrity ok, every acknowledged write present, and the log verifying', async () => {
    const acknowledged: string[] = [];
    let seed = 7;
    for (let round = 0; round < ROUNDS; round++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const delay = seed % 400;
      acknowledged.push(...(await runAndKill(fx.dir, `r${round}`, delay)));

      await fx.reopen();
      const admin = await loggedIn(fx, ADMIN.username, ADMIN.password);
      const users = new Set((await fx.ok(admin, 'users.list', {})).map((u) => u.username));
      const missing = acknowledged.filter((name) => !users.has(name));
      expect(missing, `round ${round}`).toEqual([]);
      await fx.ok(admin, 'auth.logout', {});
      const auditor = await loggedIn(fx, 'auditor1', 'Auditor-pass-1');
      const verification = await fx.ok(auditor, 'accessLog.verify', {});
      expect(verification, `round ${round}`).toMatchObject({ ok: true });
      await fx.ok(auditor, 'auth.logout', {});
      await fx.kedang.close();

      const key = await archiveKeyOf(fx.dir, ADMIN.username, ADMIN.password);
      const raw = openRaw(fx.dir, key);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();
    }
    expect(acknowledged.length).toBeGreaterThan(ROUNDS);
    console.log(`crash test: ${ROUNDS} kills, ${acknowledged.length} acknowledged user writes, all present`);
  }, 600_000);
});
