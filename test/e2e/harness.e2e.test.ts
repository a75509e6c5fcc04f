import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type HarnessBrowser } from './harness/browser';
import { startHarness, type Harness } from './harness/server';

/** The harness itself: real Chromium, real router, real store; the UI's own tests build on this. */
describe('browser harness', () => {
  let dataDir: string;
  let harness: Harness;
  let browser: HarnessBrowser;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kedang-harness-'));
    harness = await startHarness({ dataDir, kdf: { N: 1024, r: 8, p: 1 } });
    browser = await openBrowser(harness);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the built renderer with the product CSP', async () => {
    const response = await fetch(harness.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(new URL('/..%2f..%2fetc/passwd', harness.url))).status).toBe(404);
    expect((await fetch(new URL('/no-such-file.js', harness.url))).status).toBe(404);
  });

  it('gives the page window.kedang.invoke wired to the real router', async () => {
    const status = await browser.page.evaluate(() =>
      (window as unknown as { kedang: { invoke(c: string, i: unknown): Promise<unknown> } }).kedang.invoke(
        'setup.status',
        {},
      ),
    );
    expect(status).toMatchObject({ ok: true, value: { state: 'new', archiveName: null, problem: null } });
    const bad = await browser.page.evaluate(() =>
      (window as unknown as { kedang: { invoke(c: string, i: unknown): Promise<unknown> } }).kedang.invoke(
        'users.list',
        {},
      ),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
    await browser.screenshot('harness-first-screen');
    // No CSP violation or script error while the first screen loaded.
    expect(browser.pageErrors).toEqual([]);
  });

  it('refuses a call with a wrong or missing token with 403', async () => {
    const call = (headers: Record<string, string>) =>
      fetch(new URL('/invoke', harness.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ channel: 'setup.status', input: {} }),
      });
    const wrong = await call({ 'x-kedang-token': 'not-the-token' });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await call({})).status).toBe(403);
    expect((await call({ 'x-kedang-token': harness.token })).status).toBe(200);
  });
});
