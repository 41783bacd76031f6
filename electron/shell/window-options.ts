import path from 'node:path';

/**
 * The console window's web preferences, free of Electron so they are unit-tested: locked down
 * per Electron's security checklist, and nothing in them reaches the network on its own.
 */
export function consoleWebPreferences(preloadFile: string): Electron.WebPreferences {
  return {
    // Reviewed (Electronegativity PRELOAD_JS_CHECK, "review required"): the preload is our
    // own bundled file, run sandboxed with context isolation; it exposes only `invoke` (a
    // method name and a payload, sender-checked and schema-parsed in ipc.ts), the file
    // dialogs, copying text, and `onMenuCommand` (known command strings only). No
    // ipcRenderer or Node reaches the page.
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
    // Chromium's spellchecker downloads its Hunspell dictionaries from Google on first use:
    // the console works offline, so it is off (the OS's own checker on macOS is not needed).
    spellcheck: false,
    // A middle click would open a link in a new window, around setWindowOpenHandler.
    disableBlinkFeatures: 'Auxclick',
  };
}
