/**
 * Electron entry (out/main/index.js). Everything with logic lives in
 * lifecycle.ts, window.ts and ipc.ts, which take Electron's objects as
 * parameters so their tests run in plain Node.
 */
import { writeFile } from 'node:fs/promises';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { createKedang } from '../kedang';
import { createElectronHost } from './host';
import { startDesktop } from './lifecycle';

startDesktop({
  app,
  BrowserWindow,
  ipcMain,
  session,
  createKedang,
  confirmDiscard: (window) =>
    dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['放弃修改并关闭 / Discard and close', '返回 / Go back'],
      defaultId: 1,
      cancelId: 1,
      message: '有未保存的修改。/ There are unsaved changes.',
      detail: '关闭后这些修改将丢失。/ Closing loses them.',
    }) === 0,
  createHost: (getWindow) =>
    createElectronHost<BrowserWindow>(dialog, getWindow, (path, data) => writeFile(path, data)),
  argv: process.argv,
  env: process.env,
  mainDir: __dirname,
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (timer) => clearInterval(timer as NodeJS.Timeout),
});
