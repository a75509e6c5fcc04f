import { join } from 'node:path';
import type { FilePurpose, ParsedInputOf } from '../../src-shared/contracts';
import { KedangError } from '../errors';
import { sessionOf, type Call } from '../router/call';

const SUGGESTED_NAMES: Record<FilePurpose, string> = {
  backup: join('backups', 'kedang.kedang'),
  restore: join('backups', 'kedang.kedang'),
  logExport: join('exports', 'access-log.xlsx'),
  cardImport: join('imports', 'customers.xlsx'),
  cardTemplate: join('exports', '客户档案导入模板.xlsx'),
  cardExport: join('exports', '客户档案.xlsx'),
  importRejections: join('exports', '导入未通过的行.xlsx'),
  printPdf: join('exports', '客户档案卡.pdf'),
  salesImport: join('imports', 'sales.csv'),
  salesRejections: join('exports', '销售导入未通过的行.xlsx'),
  analysisTable: join('exports', '客户构成分析.xlsx'),
  analysisChart: join('exports', '客户构成分析.png'),
};

export function setLanguage(call: Call, input: ParsedInputOf<'app.setLanguage'>): null {
  call.connection.language = input.language;
  return null;
}

/** Asks the host (a native dialog in Electron) for a path; a cancelled dialog is CANCELLED. */
export async function chooseFile(call: Call, input: ParsedInputOf<'app.chooseFile'>): Promise<{ path: string }> {
  return { path: await askForPath(call, input.purpose, input.mode) };
}

/** A path from the host's dialog, suggested inside the data folder; CANCELLED when the user closes it. */
export async function askForPath(call: Call, purpose: FilePurpose, mode: 'save' | 'open'): Promise<string> {
  const suggested = join(call.office.location.dataDir, SUGGESTED_NAMES[purpose]);
  const path = await call.office.host.chooseFile(purpose, mode, suggested);
  if (!path) throw new KedangError('CANCELLED');
  return path;
}

/** A prepared print stays printable this long (the print preview is open meanwhile). */
const PRINT_WINDOW_MS = 30 * 60 * 1000;

/**
 * Prints the window's print view. Only after a service prepared and logged
 * the print (`cards.print`); the pending print is used up by one print.
 */
export async function print(
  call: Call,
  input: ParsedInputOf<'app.print'>,
): Promise<{ printed: boolean; path: string | null }> {
  const session = sessionOf(call);
  const preparedAt = session.pendingPrintAt;
  if (!preparedAt || call.office.now().getTime() - preparedAt.getTime() > PRINT_WINDOW_MS) {
    throw new KedangError('FORBIDDEN');
  }
  const path = input.mode === 'pdf' ? await askForPath(call, 'printPdf', 'save') : null;
  const printed = await call.office.host.print(path ? { kind: 'pdf', path } : { kind: 'dialog' });
  if (printed) delete session.pendingPrintAt;
  return { printed, path };
}
