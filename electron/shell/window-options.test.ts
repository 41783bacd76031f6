import { describe, expect, it } from 'vitest';
import { consoleWebPreferences } from './window-options';

describe('the console window web preferences', () => {
  const preferences = consoleWebPreferences('out/electron/preload.cjs');

  it('never reach the network on their own: no spellchecker dictionaries are downloaded', () => {
    expect(preferences.spellcheck).toBe(false);
  });

  it('keep the page sandboxed and isolated, with no Node and no webviews', () => {
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('load the preload from an absolute path', () => {
    expect(preferences.preload).toMatch(/^\/.*\/out\/electron\/preload\.cjs$/);
  });
});
