import type { ApiResult, MethodName, Transport } from '../../shared/ipc/contract';
import type { OpenDialogRequest, PrintReportRequest, SaveDialogRequest } from '../../shared/ipc/dialogs';
import type { MenuCommand } from '../../shared/ipc/menu-commands';

/** A path the agent chose in a native dialog, or null when it was closed; failures as values. */
export type DialogResult = ApiResult<{ file: string | null }>;

/** What the Electron preload exposes; nothing else of Electron reaches the page. */
export interface RefundConsoleBridge {
  invoke(method: MethodName, payload: unknown): Promise<ApiResult<unknown>>;
  /** The application menu's commands; returns the unsubscribe. */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
  /** Native open and save dialogs (desktop app only). */
  openFile?(request: OpenDialogRequest): Promise<DialogResult>;
  saveFile?(request: SaveDialogRequest): Promise<DialogResult>;
  /** Prints a report's HTML to a PDF file the agent chooses (desktop app only). */
  printReport?(request: PrintReportRequest): Promise<DialogResult>;
}

declare global {
  interface Window {
    refundConsole?: RefundConsoleBridge;
  }
}

export function ipcTransport(bridge: RefundConsoleBridge): Transport {
  return (method, payload) => bridge.invoke(method, payload);
}

const failure = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'internal', message } });

/** The loopback host: POST /api/<method> with the per-start token. */
export function httpTransport(baseUrl: string, token: string): Transport {
  return async (method, payload) => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(payload ?? {}),
      });
    } catch {
      return {
        ok: false,
        error: { code: 'store_unavailable', message: 'the console host is not reachable' },
      };
    }
    // The host answers every call, failures included, with an ApiResult envelope.
    const body = (await response.json().catch(() => null)) as ApiResult<unknown> | null;
    if (body === null || typeof body !== 'object' || !('ok' in body)) {
      return failure(`unexpected answer from the host (HTTP ${response.status})`);
    }
    return body;
  };
}
