import { contextBridge, ipcRenderer } from 'electron';
import { isMenuCommand, MENU_COMMAND_CHANNEL, type MenuCommand } from '../../shared/ipc/menu-commands';
import { DIALOG_CHANNELS } from './dialog-channels';

/**
 * The renderer's only doors to the main process: one function that carries a method name
 * and a payload, one subscription to the application menu's commands, and the native file
 * dialogs (open, save, print a report to PDF), each one fixed channel with one payload. No
 * ipcRenderer, no Node, nothing else crosses; the main process checks the sender and parses
 * every payload against the shared schemas, and only the known menu commands are passed on.
 */
contextBridge.exposeInMainWorld('refundConsole', {
  invoke: (method: string, payload: unknown): Promise<unknown> => {
    if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'));
    return ipcRenderer.invoke('api', method, payload);
  },
  openFile: (request: unknown): Promise<unknown> => ipcRenderer.invoke(DIALOG_CHANNELS.open, request),
  saveFile: (request: unknown): Promise<unknown> => ipcRenderer.invoke(DIALOG_CHANNELS.save, request),
  printReport: (request: unknown): Promise<unknown> =>
    ipcRenderer.invoke(DIALOG_CHANNELS.printReport, request),
  onMenuCommand: (listener: (command: MenuCommand) => void): (() => void) => {
    const forward = (_event: Electron.IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
  },
});
