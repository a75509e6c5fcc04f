import { describe, expect, it } from 'vitest';
import type { Result } from '../../src-shared/errors';
import { INVOKE_CHANNEL, registerKedangIpc, type InvokeEvent } from '../../src-main/electron/ipc';
import { isOwnRendererUrl, type RendererLocation } from '../../src-main/electron/renderer-location';
import type { Connection } from '../../src-main/router/connection';
import { FakeContents, FakeIpcMain } from './fakes';

const INDEX = '/opt/Kedang/resources/app.asar/out/renderer/index.html';
const OWN_URL = `file://${INDEX}`;

function setup(location: RendererLocation = { kind: 'file', indexHtml: INDEX }) {
  const ipcMain = new FakeIpcMain();
  const calls: Array<{ connection: Connection; channel: unknown; input: unknown }> = [];
  const disconnected: Connection[] = [];
  const ours = new Set<FakeContents>();
  const kedang = {
    async handle(connection: Connection, channel: unknown, input: unknown): Promise<Result<unknown>> {
      calls.push({ connection, channel, input });
      if (channel === 'boom') throw new Error('secret internals');
      connection.sessionId ??= `s${calls.length}`;
      return { ok: true, value: { channel } };
    },
    async disconnect(connection: Connection): Promise<void> {
      disconnected.push(connection);
    },
  };
  const { connections } = registerKedangIpc({
    ipcMain,
    kedang,
    isOwnUrl: (url) => isOwnRendererUrl(location, url),
    isOwnContents: (contents) => ours.has(contents as FakeContents),
  });
  const handler = ipcMain.handlers.get(INVOKE_CHANNEL)!;
  const window = (): FakeContents => {
    const contents = new FakeContents();
    ours.add(contents);
    return contents;
  };
  const invoke = (sender: FakeContents, url: string | null, ...args: unknown[]) =>
    handler({ sender, senderFrame: url === null ? null : { url } } as InvokeEvent, ...args) as Promise<Result<unknown>>;
  return { ipcMain, calls, connections, window, invoke, handler, disconnected };
}

describe('kedang:invoke', () => {
  it('registers exactly one handler, on one channel', () => {
    const { ipcMain } = setup();
    expect(ipcMain.handleCalls).toBe(1);
    expect([...ipcMain.handlers.keys()]).toEqual(['kedang:invoke']);
  });

  it('forwards a call from our own page to the router', async () => {
    const { invoke, window, calls } = setup();
    const result = await invoke(window(), `${OWN_URL}#/cards`, 'setup.status', {});
    expect(result).toEqual({ ok: true, value: { channel: 'setup.status' } });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.connection.device).toBe('desktop');
  });

  it.each([
    'https://evil.example/',
    'file:///tmp/evil/index.html',
    'file:///opt/Kedang/resources/app.asar/out/renderer/other.html',
    'file://remote-host/opt/Kedang/resources/app.asar/out/renderer/index.html',
    'about:blank',
    'data:text/html,hi',
    'not a url',
    '',
  ])('rejects a frame at %s with FORBIDDEN without calling the router', async (url) => {
    const { invoke, window, calls } = setup();
    const result = await invoke(window(), url, 'users.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(calls).toHaveLength(0);
  });

  it('rejects a call without a sender frame, or from web contents that are not our window', async () => {
    const { invoke, window, calls } = setup();
    expect(await invoke(window(), null, 'setup.status', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invoke(new FakeContents(), OWN_URL, 'setup.status', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(calls).toHaveLength(0);
  });

  it('accepts the dev server origin only in dev mode', async () => {
    const dev = setup({ kind: 'dev', url: 'http://localhost:5173/' });
    expect(await dev.invoke(dev.window(), 'http://localhost:5173/#/x', 'setup.status', {})).toMatchObject({ ok: true });
    expect(await dev.invoke(dev.window(), 'http://localhost:5174/', 'setup.status', {})).toMatchObject({ ok: false });
    expect(await dev.invoke(dev.window(), OWN_URL, 'setup.status', {})).toMatchObject({ ok: false });
  });

  it('never throws on garbage and never leaks internals', async () => {
    const { invoke, handler, window } = setup();
    const contents = window();
    expect(await invoke(contents, OWN_URL, null, undefined)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await invoke(contents, OWN_URL)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await invoke(contents, OWN_URL, 'x'.repeat(1_000_000), 'y'.repeat(1_000_000))).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await invoke(contents, OWN_URL, { toString: null }, Symbol('s'))).toMatchObject({ ok: false });
    const boom = await invoke(contents, OWN_URL, 'boom', {});
    expect(boom).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(boom)).not.toContain('secret internals');
    await expect(handler(null as never)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expect(handler({} as never)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Input is passed to the router untouched; validating it is the router's job.
    expect(await invoke(contents, OWN_URL, 'setup.status', undefined)).toMatchObject({ ok: true });
  });

  it('keeps one Connection per web contents, and logs it out and drops it when the contents are destroyed', async () => {
    const { invoke, window, calls, connections, disconnected } = setup();
    const a = window();
    const b = window();
    await invoke(a, OWN_URL, 'auth.session', {});
    await invoke(a, OWN_URL, 'auth.session', {});
    await invoke(b, OWN_URL, 'auth.session', {});
    expect(calls[0]!.connection).toBe(calls[1]!.connection);
    expect(calls[2]!.connection).not.toBe(calls[0]!.connection);
    expect(connections.size).toBe(2);
    a.destroy();
    expect(connections.size).toBe(1);
    expect(connections.has(a.id)).toBe(false);
    expect(disconnected).toEqual([calls[0]!.connection]);
  });
});
