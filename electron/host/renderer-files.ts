import { realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * What both ways of serving the built renderer share — the Electron `app://` protocol and
 * the loopback host — so the console gets the same policy whichever way it is opened.
 */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  // The shipped fonts, served beside the page (vite.config.ts never inlines them).
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const CONTENT_SECURITY_POLICY = POLICY.join('; ');

/**
 * The same policy for a <meta> tag in the built page, so it holds however the page is loaded;
 * browsers ignore frame-ancestors there (the served header carries it).
 */
export const META_CONTENT_SECURITY_POLICY = POLICY.filter((rule) => !rule.startsWith('frame-ancestors')).join(
  '; ',
);

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export const contentTypeOf = (file: string) =>
  CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';

/** The file a URL path names inside `root`, or null when it would leave it. */
export function resolveRendererFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname === '/' || pathname === '' ? '/index.html' : pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${decoded}`);
  return isInside(base, file) ? file : null;
}

const isInside = (base: string, file: string) => file.startsWith(base + path.sep);

/**
 * The real file a URL path names inside `root`, or null when it would leave it or does not
 * exist. Beyond resolveRendererFile's check by name, a symlink in the folder that points out
 * of it (which reading the file would follow) is refused.
 */
export async function resolveRendererFileOnDisk(root: string, pathname: string): Promise<string | null> {
  const file = resolveRendererFile(root, pathname);
  if (file === null) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    return isInside(realRoot, realFile) ? realFile : null;
  } catch {
    return null;
  }
}
