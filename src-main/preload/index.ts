/**
 * The preload exposes exactly one function to the page, `window.kedang.invoke`,
 * never ipcRenderer itself; the main process checks the sender of every call.
 * It runs sandboxed, so it imports nothing but electron's renderer APIs and
 * types from src-shared.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { KedangBridge } from '../../src-shared/contracts';

/** Must match INVOKE_CHANNEL in src-main/electron/ipc.ts (not imported: the preload bundle stays minimal). */
const INVOKE_CHANNEL = 'kedang:invoke';

const bridge: KedangBridge = {
  invoke: (channel, input) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, input),
};

contextBridge.exposeInMainWorld('kedang', bridge);
