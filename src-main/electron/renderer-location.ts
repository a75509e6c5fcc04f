import { pathToFileURL } from 'node:url';

/**
 * Where the window's UI comes from: the built index.html (the product) or the
 * Vite dev server (`npm run dev`, which sets ELECTRON_RENDERER_URL).
 */
export type RendererLocation = { kind: 'file'; indexHtml: string } | { kind: 'dev'; url: string };

/** Chooses the dev server only when electron-vite says one runs and the build is not packaged. */
export function rendererLocation(indexHtml: string, devUrl: string | undefined, isPackaged: boolean): RendererLocation {
  if (!isPackaged && devUrl) return { kind: 'dev', url: devUrl };
  return { kind: 'file', indexHtml };
}

/**
 * True when a frame URL is our own UI: for a built renderer the exact file
 * URL of our index.html (any hash or query, since the UI routes in the
 * hash), for the dev server its origin. Any other file:// path, another
 * origin, about:blank or a malformed URL is foreign.
 */
export function isOwnRendererUrl(location: RendererLocation, frameUrl: unknown): boolean {
  if (typeof frameUrl !== 'string' || frameUrl.length === 0 || frameUrl.length > 8192) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (location.kind === 'dev') {
    let dev: URL;
    try {
      dev = new URL(location.url);
    } catch {
      return false;
    }
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === dev.origin;
  }
  if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return false;
  const own = pathToFileURL(location.indexHtml);
  // Compare normalised pathnames so %-encoding differences do not matter, and
  // case-insensitively on Windows where the file system is.
  const a = decodePath(url.pathname);
  const b = decodePath(own.pathname);
  if (a === null || b === null) return false;
  return process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}
