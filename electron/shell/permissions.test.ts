import { describe, expect, it } from 'vitest';
import { APP_ENTRY, APP_ORIGIN } from './app-origin';
import { permissionGranted } from './permissions';

describe('web permissions', () => {
  it("grants the console's own page clipboard writes, so Copy on the Reply screen works", () => {
    for (const requestingUrl of [APP_ORIGIN, APP_ENTRY]) {
      expect(
        permissionGranted({ permission: 'clipboard-sanitized-write', requestingUrl, mainFrame: true }),
      ).toBe(true);
    }
  });

  it('refuses clipboard writes to a foreign page or an embedded frame', () => {
    expect(
      permissionGranted({
        permission: 'clipboard-sanitized-write',
        requestingUrl: 'https://example.com/',
        mainFrame: true,
      }),
    ).toBe(false);
    expect(
      permissionGranted({
        permission: 'clipboard-sanitized-write',
        requestingUrl: APP_ENTRY,
        mainFrame: false,
      }),
    ).toBe(false);
  });

  it.each(['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fullscreen'])(
    'refuses %s, even to the console',
    (permission) => {
      expect(permissionGranted({ permission, requestingUrl: APP_ENTRY, mainFrame: true })).toBe(false);
    },
  );
});
