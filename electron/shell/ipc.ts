import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../../shared/ipc/contract';
import { dispatch, type Handlers } from '../api';
import { isAppUrl } from './app-origin';

const API_CHANNEL = 'api';

/** A call counts only from the console's own top frame: not an iframe, not a foreign page. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerApi(handlers: Handlers): void {
  ipcMain.handle(
    API_CHANNEL,
    async (event, method: unknown, payload: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: { code: 'invalid_request', message: 'calls are accepted only from the console window' },
        };
      }
      return dispatch(handlers, typeof method === 'string' ? method : '', payload);
    },
  );
}
