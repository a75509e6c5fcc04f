import { z } from 'zod';
import { channel, PUBLIC, SESSION } from './channel';

export const LanguageSchema = z.enum(['zh', 'en']);

/** Which file the user is choosing, so the host can suggest a name and filter. */
export const FilePurposeSchema = z.enum([
  'backup',
  'restore',
  'logExport',
  'cardImport',
  'cardTemplate',
  'cardExport',
  'importRejections',
  'printPdf',
  'salesImport',
  'salesRejections',
  'analysisTable',
  'analysisChart',
]);
export type FilePurpose = z.infer<typeof FilePurposeSchema>;

/** Calls about the application itself, not the archive. */
export const appContract = {
  /** The language errors are translated into for this window. */
  'app.setLanguage': channel<null>()({ input: z.strictObject({ language: LanguageSchema }), access: PUBLIC }),
  /**
   * Ask the host for a file path (a save or open dialog in Electron). The
   * chosen path is only a suggestion to the calling screen; every service
   * that takes a path checks it again.
   */
  'app.chooseFile': channel<{ path: string }>()({
    input: z.strictObject({ purpose: FilePurposeSchema, mode: z.enum(['save', 'open']) }),
    access: SESSION,
  }),
  /**
   * Prints the window's current print view (a card print job prepared by
   * `cards.print`): the system dialog, or a PDF at a path the user chooses.
   */
  'app.print': channel<{ printed: boolean; path: string | null }>()({
    input: z.strictObject({ mode: z.enum(['dialog', 'pdf']) }),
    access: SESSION,
  }),
};
