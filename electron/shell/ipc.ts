import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../../shared/ipc/contract';
import { dispatch, type Handlers } from '../api';
import { isAppUrl } from './app-origin';
import type { WriteTracker } from './update-policy';

const API_CHANNEL = 'api';

/** A call counts only from the console's own top frame: not an iframe, not a foreign page. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export interface ApiOptions {
  /** Every call is counted as a possible write, so an update never restarts the app mid-write. */
  writes: WriteTracker;
  /** Told of each answered call (the menu follows a change of language). */
  afterCall(method: string, result: ApiResult<unknown>): void;
}

export function registerApi(handlers: Handlers, options: ApiOptions): void {
  ipcMain.handle(
    API_CHANNEL,
    async (event, method: unknown, payload: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: { code: 'invalid_request', message: 'calls are accepted only from the console window' },
        };
      }
      const name = typeof method === 'string' ? method : '';
      const result = await options.writes.track(() => dispatch(handlers, name, payload));
      options.afterCall(name, result);
      return result;
    },
  );
}
