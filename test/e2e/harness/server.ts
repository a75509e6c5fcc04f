/**
 * The browser harness (DESIGN.md, transport 2): a Node HTTP server on
 * 127.0.0.1 serving the built renderer and one POST /invoke endpoint that
 * forwards to the real Kedang router, guarded by a random token. The page
 * gets `window.kedang.invoke` from an init script (browser.ts), so the real
 * UI runs in real Chromium against the real encrypted store.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { errorMessage, type ErrorCode, type Result } from '../../../src-shared/errors';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/electron/csp';
import { createKedang, type Kedang, type KedangOptions } from '../../../src-main/kedang';
import { newConnection, type Connection, type Host, type PrintRequest } from '../../../src-main/router/connection';

export interface HarnessOptions {
  dataDir: string;
  /** Folder of the built renderer; relative paths resolve against the working directory. */
  rendererDir?: string;
  kdf?: KedangOptions['kdf'];
  clock?: KedangOptions['clock'];
  /** Replaces the real createKedang (only for the harness's own tests). */
  createKedang?: (options: KedangOptions) => Kedang;
}

export interface Harness {
  /** http://127.0.0.1:PORT/ */
  url: string;
  token: string;
  port: number;
  kedang: Kedang;
  /** The harness's single Connection (device 'harness'), e.g. to inspect `sessionId`. */
  connection: Connection;
  /** Answers the Host gives to app.chooseFile, first in first out; an empty queue means "cancelled". */
  chooseFileAnswers: string[];
  /** Every chooseFile request the UI made, in order. */
  chooseFileRequests: Array<{ purpose: string; mode: string; suggestedPath: string }>;
  /** Every print the UI asked the host for, in order. */
  printRequests: PrintRequest[];
  /**
   * What the host does for a print: a test sets it to print its own page
   * (e.g. `page.pdf()` to the requested path). Unset, prints are refused.
   */
  onPrint: ((request: PrintRequest) => Promise<boolean>) | null;
  close(): Promise<void>;
}

/** The header carrying the token on POST /invoke. */
export const TOKEN_HEADER = 'x-kedang-token';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Bodies are small JSON calls; anything bigger is refused before parsing. */
const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Starts a harness on a random port; call `close()` to stop the server and close the archive. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer');
  const token = randomBytes(24).toString('hex');
  const chooseFileAnswers: string[] = [];
  const chooseFileRequests: Harness['chooseFileRequests'] = [];
  const printRequests: PrintRequest[] = [];
  const host: Host = {
    async chooseFile(purpose, mode, suggestedPath) {
      chooseFileRequests.push({ purpose, mode, suggestedPath });
      return chooseFileAnswers.shift() ?? null;
    },
    // The harness has no window of its own: the test's browser prints (see `onPrint`).
    async print(request) {
      printRequests.push(request);
      return harness.onPrint ? harness.onPrint(request) : false;
    },
  };
  const make = options.createKedang ?? createKedang;
  const kedangOptions: KedangOptions = { dataDir: options.dataDir, host };
  if (options.kdf) kedangOptions.kdf = options.kdf;
  if (options.clock) kedangOptions.clock = options.clock;
  const kedang = make(kedangOptions);
  const connection = newConnection('harness');

  const server = createServer((req, res) => {
    handleRequest(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/invoke') {
      await handleInvoke(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    await serveStatic(url.pathname, req.method === 'HEAD', res);
  }

  async function handleInvoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
      req.resume();
      sendJson(res, 403, failure('FORBIDDEN'));
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      sendJson(res, 400, failure('INVALID_INPUT'));
      return;
    }
    const call = body as { channel?: unknown; input?: unknown } | null;
    if (typeof call !== 'object' || call === null) {
      sendJson(res, 400, failure('INVALID_INPUT'));
      return;
    }
    let result: Result<unknown>;
    try {
      result = await kedang.handle(connection, call.channel, call.input);
    } catch {
      result = failure('INTERNAL');
    }
    sendJson(res, 200, result);
  }

  async function serveStatic(pathname: string, headOnly: boolean, res: ServerResponse): Promise<void> {
    const file = staticFile(rendererDir, pathname);
    if (file === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let info;
    try {
      info = await stat(file);
    } catch {
      info = null;
    }
    if (!info || !info.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const data = await readFile(file);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': data.length,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // The product's policy, so the harness catches what Electron would block.
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    res.end(headOnly ? undefined : data);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;

  let closed = false;
  const harness: Harness = {
    url: `http://127.0.0.1:${port}/`,
    token,
    port,
    kedang,
    connection,
    chooseFileAnswers,
    chooseFileRequests,
    printRequests,
    onPrint: null,
    async close() {
      if (closed) return;
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await kedang.close();
    },
  };
  return harness;
}

/**
 * The file under `root` a URL path names, or null when it would leave the
 * root (../, encoded ..%2f, absolute paths, backslashes, NUL). `/` is index.html.
 */
export function staticFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relativePath = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = resolve(root, relativePath);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) return null;
  return join(root, rel);
}

function tokenMatches(header: string | string[] | undefined, token: string): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

function failure(code: ErrorCode): Result<never> {
  return { ok: false, error: { code, message: errorMessage(code, 'zh') } };
}
