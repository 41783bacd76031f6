import { app, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../api';
import { openStore, useNativeBinding } from '../store';
import { registerApi } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
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

registerAppScheme();
app.enableSandbox();

app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer(RENDERER_ROOT);

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

// A second copy hands over to the first (which comes to the front) and must do nothing else:
// opening the store or a window here would race the running instance for the same file.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) => {
    console.error('Refund Console could not start:', error);
    app.exit(1);
  });
}
