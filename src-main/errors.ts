import type { ErrorCode } from '../src-shared/errors';

/**
 * A failure with a stable code. Services throw it; the router turns it into
 * a translated `{ ok: false, error }`. `facts` may carry non-secret details
 * (an ISO time, a seq number) for the message.
 */
export class KedangError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly facts?: Record<string, string | number>,
    readonly fields?: Record<string, string>,
  ) {
    super(code);
    this.name = 'KedangError';
  }
}

export function isKedangError(error: unknown): error is KedangError {
  return error instanceof KedangError;
}

/**
 * Maps a file-system or SQLite failure at save time to the user's words.
 * Anything not recognised stays as it is and becomes INTERNAL at the router.
 */
export function toKedangError(error: unknown): unknown {
  if (isKedangError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'SQLITE_FULL':
    case 'ENOSPC':
    case 'EDQUOT':
      return new KedangError('DISK_FULL');
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DIRECTORY':
    case 'SQLITE_READONLY_DBMOVED':
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return new KedangError('READ_ONLY');
    case 'ENOENT':
    case 'ENOTDIR':
      return new KedangError('FILE_NOT_FOUND');
    case 'SQLITE_CORRUPT':
    case 'SQLITE_CORRUPT_INDEX':
    case 'SQLITE_CORRUPT_SEQUENCE':
    case 'SQLITE_IOERR_SHORT_READ':
      return new KedangError('ARCHIVE_DAMAGED');
    case 'SQLITE_NOTADB':
      return new KedangError('ARCHIVE_UNREADABLE');
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new KedangError('ARCHIVE_BUSY');
    default:
      if (typeof code === 'string' && code.startsWith('SQLITE_IOERR')) return new KedangError('ARCHIVE_DAMAGED');
      return error;
  }
}
