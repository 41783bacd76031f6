import { createClient, type ApiClient } from '../../shared/ipc/contract';
import type { MenuCommand } from '../../shared/ipc/menu-commands';
import { httpTransport, ipcTransport, type RefundConsoleBridge } from './transports';

const TOKEN_KEY = 'refund-console.token';

/**
 * The host prints a URL with `#token=…`. The fragment never reaches a server log; the token
 * is kept for this tab only (sessionStorage) so a reload keeps working, then the fragment is
 * dropped so it is not left in history or shown on screen.
 */
function takeToken(): string {
  const params = new URLSearchParams(location.hash.slice(1));
  const fromUrl = params.get('token') ?? new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    history.replaceState(null, '', `${location.pathname}#/queue`);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function chooseTransport() {
  if (window.refundConsole) return ipcTransport(window.refundConsole);
  return httpTransport(location.origin, takeToken());
}

export const api: ApiClient = createClient(chooseTransport());

/**
 * Subscribes to the desktop app's menu commands; returns the unsubscribe. In a browser
 * (dev:web) there is no menu: nothing is ever called.
 */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return window.refundConsole?.onMenuCommand?.(listener) ?? (() => {});
}

/** Unwraps a result for callers that show the error message themselves. */
export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function call<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const outcome = await result;
  if (!outcome.ok) throw new ApiCallError(outcome.error.code, outcome.error.message);
  return outcome.value;
}

type DesktopFiles = Required<Pick<RefundConsoleBridge, 'openFile' | 'saveFile' | 'printReport'>>;

/** The desktop app's native file dialogs, or null in a browser (file inputs and downloads there). */
export function desktopFiles(): DesktopFiles | null {
  const bridge = window.refundConsole;
  if (bridge?.openFile === undefined || bridge.saveFile === undefined || bridge.printReport === undefined)
    return null;
  return bridge as DesktopFiles;
}
