import { contextBridge, ipcRenderer } from 'electron';

/**
 * The renderer's only door to the main process: one function that carries a method name
 * and a payload. No ipcRenderer, no Node, nothing else crosses; the main process checks the
 * sender and parses the payload against the shared contract.
 */
contextBridge.exposeInMainWorld('refundConsole', {
  invoke: (method: string, payload: unknown): Promise<unknown> => {
    if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'));
    return ipcRenderer.invoke('api', method, payload);
  },
});
