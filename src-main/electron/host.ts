import { extname } from 'node:path';
import type { FilePurpose } from '../../src-shared/contracts';
import type { Host } from '../router/connection';

interface FileFilter {
  name: string;
  extensions: string[];
}

/** The part of Electron's dialog module the host uses; the window argument makes the dialog modal to it. */
export interface DialogLike<W> {
  showSaveDialog(
    window: W,
    options: { title?: string; defaultPath?: string; filters?: FileFilter[] },
  ): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(
    window: W,
    options: { title?: string; defaultPath?: string; filters?: FileFilter[]; properties?: Array<'openFile'> },
  ): Promise<{ canceled: boolean; filePaths: string[] }>;
}

const TITLES: Record<FilePurpose, string> = {
  backup: '保存备份 / Save backup',
  restore: '选择要恢复的备份 / Choose a backup to restore',
  logExport: '导出访问日志 / Export access log',
};

/**
 * The Electron Host: native save/open dialogs, modal to our window. The
 * suggested path's extension becomes the filter so users see the right files;
 * every service checks the returned path again, the dialog is only a helper.
 */
export function createElectronHost<W>(dialog: DialogLike<W>, getWindow: () => W | null): Host {
  return {
    async chooseFile(purpose, mode, suggestedPath) {
      const window = getWindow();
      if (window === null) return null;
      const ext = extname(suggestedPath).replace(/^\./, '');
      const filters: FileFilter[] = ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [];
      filters.push({ name: '*', extensions: ['*'] });
      const title = TITLES[purpose];
      if (mode === 'save') {
        const result = await dialog.showSaveDialog(window, { title, defaultPath: suggestedPath, filters });
        return result.canceled || !result.filePath ? null : result.filePath;
      }
      const result = await dialog.showOpenDialog(window, {
        title,
        defaultPath: suggestedPath,
        filters,
        properties: ['openFile'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
