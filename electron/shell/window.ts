import { BrowserWindow, screen } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { APP_ENTRY, isAppUrl } from './app-origin';
import { SHOW_AT_THE_LATEST_MS } from './lifecycle';
import { newConsoleWindow } from './window-options';
import { parseWindowState, placeWindow, type WindowLimits, type WindowState } from './window-state';

const LIMITS: WindowLimits = { width: 1440, height: 900, minWidth: 1024, minHeight: 640 };

const readText = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** Where the window opens: as it was left (window-state.json), on a screen that still exists. */
function openingState(stateFile: string): WindowState {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  const workAreas = [primary, ...others].map((display) => display.workArea);
  return placeWindow(parseWindowState(readText(stateFile)), workAreas, LIMITS);
}

/** Saves size, position (the unmaximised ones) and maximised state when the window closes. */
function keepState(window: BrowserWindow, stateFile: string): void {
  window.on('close', () => {
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(stateFile, JSON.stringify(state));
    } catch {
      // Losing the window's position is not worth failing the close for.
    }
  });
}

/** The one console window, locked down per Electron's security checklist. */
export function createMainWindow(preloadFile: string, stateFile: string): BrowserWindow {
  const opening = openingState(stateFile);
  const window = newConsoleWindow(BrowserWindow, preloadFile, {
    ...opening.bounds,
    minWidth: LIMITS.minWidth,
    minHeight: LIMITS.minHeight,
  });
  const show = () => {
    if (window.isDestroyed() || window.isVisible()) return;
    if (opening.maximized) window.maximize();
    window.show();
  };
  window.once('ready-to-show', show);
  // A page that never paints (its process died first) must not leave an app with no window.
  const latest = setTimeout(show, SHOW_AT_THE_LATEST_MS);
  window.once('closed', () => clearTimeout(latest));
  keepState(window, stateFile);
  void window.loadURL(APP_ENTRY);
  return window;
}

/**
 * A window that explains why the console cannot start (store-problem-page.ts): a static
 * page with no preload, no script and the same lock-down as the console window.
 */
export function createProblemWindow(pageUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 760,
    height: 620,
    title: 'Refund Console',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      javascript: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  void window.loadURL(pageUrl);
  return window;
}

/**
 * Applied to every web contents the app ever creates: no navigation away from the console, in
 * the top frame or any subframe, no new windows and no webviews. The console links to nothing
 * outside itself, so nothing is handed to the system browser either: an allow-list of one
 * would still be a door for whatever text a case carries.
 */
export function lockDownContents(contents: Electron.WebContents): void {
  const stayInside = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => stayInside(event, event.url));
  contents.on('will-frame-navigate', (event) => stayInside(event, event.url));
  contents.on('will-redirect', (event) => stayInside(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
