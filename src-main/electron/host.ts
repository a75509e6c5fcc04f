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
  cardImport: '选择要导入的客户档案文件 / Choose a card file to import',
  cardTemplate: '保存导入模板 / Save the import template',
  cardExport: '导出客户档案 / Export cards',
  importRejections: '保存未通过的行 / Save the rejected rows',
  printPdf: '打印为 PDF / Print to PDF',
  salesImport: '选择销售或回款文件（xlsx 或 CSV） / Choose a sales or receipts file (xlsx or CSV)',
  salesRejections: '保存未通过的行 / Save the rejected rows',
  analysisTable: '导出分析数据表 / Export the analysis table',
  analysisChart: '导出图表 / Export the chart',
};

/** The part of Electron's WebContents that prints. */
export interface PrintableContents {
  print(
    options: { silent: boolean; printBackground: boolean },
    callback: (success: boolean, reason: string) => void,
  ): void;
  printToPDF(options: { pageSize: 'A4'; printBackground: boolean; preferCSSPageSize: boolean }): Promise<Uint8Array>;
}

/**
 * The Electron Host: native save/open dialogs, modal to our window. The
 * suggested path's extension becomes the filter so users see the right files;
 * every service checks the returned path again, the dialog is only a helper.
 */
export function createElectronHost<W extends { webContents: PrintableContents }>(
  dialog: DialogLike<W>,
  getWindow: () => W | null,
  writeFile: (path: string, data: Uint8Array) => Promise<void>,
): Host {
  return {
    async print(request) {
      const window = getWindow();
      if (window === null) return false;
      if (request.kind === 'pdf') {
        const pdf = await window.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
        });
        await writeFile(request.path, pdf);
        return true;
      }
      return new Promise((resolve) =>
        window.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success)),
      );
    },
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
