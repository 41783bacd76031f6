import { describe, expect, it } from 'vitest';
import { newConsoleWindow } from './window-options';

/** Stands in for Electron's BrowserWindow: keeps the options the window is made with. */
class Recorded {
  constructor(readonly options: Electron.BrowserWindowConstructorOptions) {}
}

describe('the console window', () => {
  const { options } = newConsoleWindow(Recorded, 'out/electron/preload.cjs', {
    x: 10,
    y: 20,
    width: 1440,
    height: 900,
  });
  const preferences = options.webPreferences!;

  it('never reaches the network on its own: no spellchecker dictionaries are downloaded', () => {
    expect(preferences.spellcheck).toBe(false);
  });

  it('keeps the page sandboxed and isolated, with no Node, no webviews and no middle-click windows', () => {
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('opens hidden where it was left, with the preload from an absolute path', () => {
    expect(options).toMatchObject({ x: 10, y: 20, width: 1440, height: 900, show: false });
    expect(preferences.preload).toMatch(/^\/.*\/out\/electron\/preload\.cjs$/);
  });
});
