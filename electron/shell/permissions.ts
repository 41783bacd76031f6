import { isAppUrl } from './app-origin';

/**
 * The one web permission the console needs: writing plain text to the clipboard (the Reply
 * screen's Copy, navigator.clipboard.writeText). Reading the clipboard, the camera, location,
 * notifications and every other permission stay refused.
 */
const NEEDED = new Set(['clipboard-sanitized-write']);

export interface PermissionAsk {
  permission: string;
  /** The URL or origin of the page asking. */
  requestingUrl: string;
  /** Whether it is the window's top frame asking (not an embedded frame). */
  mainFrame: boolean;
}

/** Granted only for what the console needs, and only to its own top frame. */
export const permissionGranted = ({ permission, requestingUrl, mainFrame }: PermissionAsk): boolean =>
  NEEDED.has(permission) && mainFrame && isAppUrl(requestingUrl);
