import { app, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../api';
import { openStore, useNativeBinding } from '../store';
import { registerApi } from './ipc';
import { sqliteBindingPath } from './native-binding';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, lockDownContents } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_ROOT = path.join(here, '..', 'renderer');
const PRELOAD = path.join(here, 'preload.cjs');

registerAppScheme();
app.enableSandbox();

app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer(RENDERER_ROOT);

  useNativeBinding(
    sqliteBindingPath({
      packaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
      electronVersion: process.versions.electron,
    }),
  );
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
