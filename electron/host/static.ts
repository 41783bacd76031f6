import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY, contentTypeOf, resolveRendererFileOnDisk } from './renderer-files';

function send(res: ServerResponse, status: number, type: string, body: Buffer | string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
  res.end(body);
}

/** Serves the built renderer; never a file outside `root`. */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  root: string | undefined,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
    return;
  }
  if (root === undefined) {
    send(res, 404, 'text/plain; charset=utf-8', 'no renderer is served here');
    return;
  }
  const file = await resolveRendererFileOnDisk(root, pathname);
  if (file === null) {
    send(res, 404, 'text/plain; charset=utf-8', 'not found');
    return;
  }
  try {
    const body = await readFile(file);
    send(res, 200, contentTypeOf(file), req.method === 'HEAD' ? '' : body);
  } catch {
    send(res, 404, 'text/plain; charset=utf-8', 'not found');
  }
}
