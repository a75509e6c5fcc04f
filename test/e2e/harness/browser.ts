/**
 * Opens Debian's Chromium on a harness with playwright-core. An init script
 * defines `window.kedang.invoke` over fetch to the harness's /invoke, in the
 * shape the Electron preload exposes, before any page script runs.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Harness } from './server';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where screenshots go, for review. */
export const SCREENSHOT_DIR = 'test-results';

export interface OpenBrowserOptions {
  /** Navigate to the harness URL before returning (default true). */
  navigate?: boolean;
  viewport?: { width: number; height: number };
  locale?: string;
}

export interface HarnessBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors (CSP violations show up here), for tests to assert on. */
  pageErrors: string[];
  /** Waits for web fonts, then saves test-results/<name>.png (full page); returns the path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Launches Chromium (fresh profile), installs the bridge and opens the harness page. */
export async function openBrowser(
  harness: Pick<Harness, 'url' | 'token'>,
  options: OpenBrowserOptions = {},
): Promise<HarnessBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 820 },
      locale: options.locale ?? 'zh-CN',
    });
    await context.addInitScript(
      ({ origin, token }) => {
        const invoke = (channel: unknown, input: unknown): Promise<unknown> =>
          fetch(origin + '/invoke', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-kedang-token': token },
            body: JSON.stringify({ channel, input }),
          }).then((response) => response.json());
        Object.defineProperty(window, 'kedang', { value: Object.freeze({ invoke }), writable: false });
      },
      { origin: new URL(harness.url).origin, token: harness.token },
    );
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('console', (message) => {
      // A missing resource is reported below with its URL instead.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        pageErrors.push(message.text());
    });
    page.on('response', (response) => {
      // Chromium asks for /favicon.ico on its own; the Electron window never does.
      const url = new URL(response.url());
      if (response.status() >= 400 && url.pathname !== '/favicon.ico')
        pageErrors.push(`${response.status()} ${url.pathname}`);
    });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    if (options.navigate !== false) await page.goto(harness.url);
    return {
      browser,
      context,
      page,
      pageErrors,
      async screenshot(name: string) {
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const path = join(SCREENSHOT_DIR, `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.png`);
        await page.screenshot({ path, fullPage: true });
        return path;
      },
      async close() {
        await browser.close();
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
