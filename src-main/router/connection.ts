import type { FilePurpose } from '../../src-shared/contracts/app';
import type { Language } from '../../src-shared/errors';

/**
 * One caller of the router: an Electron window, the harness's browser page,
 * or a CLI run. The transport keeps it; the router fills `sessionId` at login
 * and clears it at logout or idle lock.
 */
export interface Connection {
  sessionId: string | null;
  language: Language;
  /** Written to the access log's device column, e.g. "desktop", "cli", "harness". */
  device: string;
}

export function newConnection(device: string, language: Language = 'zh'): Connection {
  return { sessionId: null, language, device };
}

/**
 * What only the transport can do for a call. Electron shows native dialogs;
 * the harness and the CLI answer from their own configuration.
 */
export interface Host {
  /** A path chosen by the user, or null when the user cancelled. */
  chooseFile(purpose: FilePurpose, mode: 'save' | 'open', suggestedPath: string): Promise<string | null>;
  /**
   * Prints what the calling window shows (its print stylesheet): through the
   * system print dialog, or as an A4 PDF written to `path`. False when the
   * user cancelled the dialog.
   */
  print(request: PrintRequest): Promise<boolean>;
}

export type PrintRequest = { kind: 'dialog' } | { kind: 'pdf'; path: string };
