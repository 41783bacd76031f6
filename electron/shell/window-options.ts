import path from 'node:path';

type WindowConstructor<W> = new (options: Electron.BrowserWindowConstructorOptions) => W;

/**
 * Creates the console window with Electron's BrowserWindow handed in (window.ts), so the
 * options it is made with are unit-tested without Electron, and Electronegativity still reads
 * them at the `new BrowserWindow` below. Locked down per Electron's security checklist, and
 * nothing in them reaches the network on its own.
 */
export function newConsoleWindow<W>(
  BrowserWindow: WindowConstructor<W>,
  preloadFile: string,
  frame: Electron.BrowserWindowConstructorOptions,
): W {
  return new BrowserWindow({
    ...frame,
    show: false,
    title: 'Refund Console',
    webPreferences: {
      // Reviewed (Electronegativity PRELOAD_JS_CHECK, "review required"): the preload is our
      // own bundled file, run sandboxed with context isolation; it exposes only `invoke` (a
      // method name and a payload, sender-checked and schema-parsed in ipc.ts), the file
      // dialogs, and `onMenuCommand` (known command strings only). No ipcRenderer or Node
      // reaches the page.
      preload: path.resolve(preloadFile), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Chromium's spellchecker downloads its Hunspell dictionaries from Google on first use;
      // the console works offline, so it is off.
      spellcheck: false,
      // A middle click would open a link in a new window, around setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
