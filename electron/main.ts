import { app, net, protocol, session } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHandlers, openStore } from './api/handlers';
import { useNativeBinding } from './store/sqlite';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { registerApi } from './ipc';
import { CONTENT_SECURITY_POLICY, resolveRendererFile } from './renderer-files';
import { createMainWindow, lockDownContents } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_ROOT = path.join(here, '..', 'renderer');
const PRELOAD = path.join(here, 'preload.cjs');
// Built by scripts/electron-native.mjs for this Electron's ABI, apart from the Node build.
const SQLITE_BINDING = path.join(
  here,
  '..',
  'native',
  `electron-v${process.versions.electron}`,
  'better_sqlite3.node',
);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) app.quit();

app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveRendererFile(RENDERER_ROOT, url.pathname) : null;
    if (file === null) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });

  useNativeBinding(SQLITE_BINDING);
  const store = openStore({ file: path.join(app.getPath('userData'), 'cases.sqlite') });
  app.on('will-quit', () => store.close());
  registerApi(createHandlers(store));

  let window = createMainWindow(PRELOAD);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (window.isDestroyed()) window = createMainWindow(PRELOAD);
  });
  app.on('window-all-closed', () => app.quit());
}

start().catch((error: unknown) => {
  console.error('Refund Console could not start:', error);
  app.exit(1);
});
