import { beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/csp';
import { createMainWindow } from '../../src-main/electron/window';
import { FakeWindow, fakeSession } from './fakes';

function open(isPackaged: boolean, renderer = { kind: 'file' as const, indexHtml: '/app/out/renderer/index.html' }) {
  const session = fakeSession();
  const window = createMainWindow({
    BrowserWindow: FakeWindow,
    session: { defaultSession: session },
    isPackaged,
    preloadPath: '/app/out/preload/index.js',
    renderer,
  });
  return { window, session };
}

describe('main window', () => {
  beforeEach(() => {
    FakeWindow.created = [];
  });

  it('isolates the page from Node and keeps web security on', () => {
    const { window } = open(true);
    const prefs = window.options.webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/out/preload/index.js');
  });

  it('has no devtools in a packaged build, and has them in development', () => {
    expect(open(true).window.options.webPreferences!.devTools).toBe(false);
    expect(open(false).window.options.webPreferences!.devTools).toBe(true);
  });

  it('refuses every navigation, redirect, webview and window.open', () => {
    const { window } = open(true);
    const contents = window.webContents;
    expect(contents.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'file:///app/out/renderer/index.html#/other')).toBe(true);
    expect(contents.emitPreventable('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-attach-webview')).toBe(true);
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///app/out/renderer/index.html' })).toEqual({ action: 'deny' });
  });

  it('sets the CSP header on responses, replacing one the response brought', () => {
    const { session } = open(true);
    let headers: Record<string, string[]> | null = null;
    session.headersListener!(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } },
      (response) => (headers = response.responseHeaders),
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("form-action 'none'");
  });

  it('denies every permission request', () => {
    const { session } = open(true);
    let granted: boolean | null = null;
    session.permissionHandler!(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
  });

  it('loads the built index.html, or the dev server URL in development', () => {
    expect(open(true).window.loaded).toEqual({ file: '/app/out/renderer/index.html' });
    const dev = open(false, { kind: 'dev', url: 'http://localhost:5173/' } as never);
    expect(dev.window.loaded).toEqual({ url: 'http://localhost:5173/' });
    expect(dev.window.shown).toBe(true);
  });

  it('asks before closing a page that holds unsaved changes, and closes only when told to', () => {
    const answers: boolean[] = [];
    const session = fakeSession();
    const window = createMainWindow({
      BrowserWindow: FakeWindow,
      session: { defaultSession: session },
      isPackaged: true,
      preloadPath: '/app/out/preload/index.js',
      renderer: { kind: 'file', indexHtml: '/app/out/renderer/index.html' },
      confirmDiscard: () => answers.shift() ?? false,
    });
    answers.push(false);
    expect(window.webContents.emitPreventable('will-prevent-unload')).toBe(false);
    answers.push(true);
    expect(window.webContents.emitPreventable('will-prevent-unload')).toBe(true);
  });
});
