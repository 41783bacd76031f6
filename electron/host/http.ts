import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMethodName, type ApiResult, type ErrorCode } from '../../shared/ipc/contract';
import { serveStatic } from './static';

/** One API call, already routed: the handler table's dispatch, or a stub in tests. */
export type Call = (method: string, payload: unknown) => Promise<ApiResult<unknown>>;

export interface HostServerOptions {
  call: Call;
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
  /** The built renderer (out/renderer); without it only /api is served. */
  staticDir?: string;
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const DEFAULT_MAX_BODY = 1024 * 1024;

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_request: 400,
  not_found: 404,
  conflict: 409,
  store_unavailable: 503,
  internal: 500,
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// Hashing both sides first gives equal lengths, which timingSafeEqual requires, so neither the
// length nor the content of the token leaks through timing.
const digest = (text: string) => createHash('sha256').update(text).digest();

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * A client that goes away mid-request (a closed tab, a killed script) is routine: one line,
 * not a stack. Anything else is a bug in the host and keeps its stack.
 */
function logFailure(req: IncomingMessage, error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code;
  if (req.destroyed || code === 'ECONNRESET' || (error as Error | null)?.message === 'aborted') {
    console.error(
      `host: ${req.method ?? '?'} ${req.url ?? '?'} aborted by the client (${String(code ?? 'aborted')})`,
    );
  } else {
    console.error('host: request failed', error);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = new HttpError(413, `request body is larger than ${limit} bytes`);
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Stop keeping what arrives; the 413 goes out and the connection is closed after it.
      if (size > limit) reject(tooLarge);
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The loopback HTTP transport: 127.0.0.1 only, a fresh random token per start on every API
 * request, and no CORS at all, so a web page in the agent's browser can neither read from nor
 * write to the store.
 */
export async function createHostServer(options: HostServerOptions): Promise<RunningServer> {
  const token = randomBytes(32).toString('base64url');
  const expected = digest(`Bearer ${token}`);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  let origins = new Set<string>();
  let hosts = new Set<string>();

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'API calls must be POST');
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin)) throw new HttpError(403, 'origin not allowed');
    if (!timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      throw new HttpError(401, 'missing or wrong token');
    }
    const name = path.slice('/api/'.length);
    if (!isMethodName(name)) throw new HttpError(400, `unknown method "${name}"`);
    const text = await readBody(req, maxBody);
    let payload: unknown;
    try {
      payload = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new HttpError(400, 'body is not JSON');
    }
    const result = await options.call(name, payload);
    sendJson(res, result.ok ? 200 : STATUS_BY_CODE[result.error.code], result);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    // A page on another site can point a DNS name at 127.0.0.1 (DNS rebinding); its requests
    // then carry that name in Host, so only our own host names are answered.
    if (!hosts.has(req.headers.host ?? '')) {
      sendJson(res, 421, { ok: false, error: { code: 'invalid_request', message: 'unknown host' } });
      return;
    }
    const work = url.pathname.startsWith('/api/')
      ? handleApi(req, res, url.pathname)
      : serveStatic(req, res, url.pathname, options.staticDir);
    work.catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof HttpError ? error.message : 'internal error';
      if (!(error instanceof HttpError)) logFailure(req, error);
      const code: ErrorCode = status >= 500 ? 'internal' : 'invalid_request';
      if (status === 413) res.shouldKeepAlive = false;
      if (!res.headersSent) sendJson(res, status, { ok: false, error: { code, message } });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${HOST}:${port}`;
  origins = new Set([url, `http://localhost:${port}`]);
  hosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);

  return {
    url,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
