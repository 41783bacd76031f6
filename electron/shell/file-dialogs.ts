import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import { existsSync, realpathSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { z } from 'zod';
import {
  OpenDialogRequestSchema,
  PrintReportRequestSchema,
  SaveDialogRequestSchema,
} from '../../shared/ipc/dialogs';
import type { ApiResult } from '../../shared/ipc/contract';
import type { Language } from '../../shared/model/languages';
import { describeFirstIssue } from '../../shared/model/issues';
import {
  checkOpened,
  checkSaved,
  openDialogChoice,
  openDialogRefusal,
  saveDialogChoice,
} from './file-dialog-rules';
import { DIALOG_CHANNELS } from './dialog-channels';
import { isTrustedSender } from './ipc';
import type { PrintHtmlToPdf } from './print-pdf';

type Chosen = ApiResult<{ file: string | null }>;

export interface FileDialogOptions {
  window(): BrowserWindow;
  language(): Language;
  backupsFolder: string;
  printHtmlToPdf: PrintHtmlToPdf;
  log: { error(...args: unknown[]): void };
}

const refused = (message: string): Chosen => ({ ok: false, error: { code: 'invalid_request', message } });

/**
 * One handler per channel: the sender must be the console's own top frame and the payload
 * must parse with the shared schema, as for every API call (ipc.ts).
 */
function handle<S extends z.ZodType>(
  channel: string,
  schema: S,
  run: (request: z.output<S>) => Promise<Chosen>,
  log: FileDialogOptions['log'],
): void {
  ipcMain.handle(channel, async (event, payload: unknown): Promise<Chosen> => {
    if (!isTrustedSender(event)) return refused('calls are accepted only from the console window');
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const { field, message } = describeFirstIssue(parsed.error, 'payload');
      return refused(`${field}: ${message}`);
    }
    try {
      return await run(parsed.data);
    } catch (error) {
      log.error(`${channel} failed`, error);
      return { ok: false, error: { code: 'internal', message: String((error as Error).message ?? error) } };
    }
  });
}

/** The native open and save dialogs and report printing the preload offers the page. */
export function registerFileDialogs(options: FileDialogOptions): void {
  const documents = () => app.getPath('documents');
  const asValue = (checked: { ok: true; file: string } | { ok: false; message: string }): Chosen =>
    checked.ok ? { ok: true, value: { file: checked.file } } : refused(checked.message);

  async function askToSave(purpose: Parameters<typeof saveDialogChoice>[0], suggestedName?: string) {
    const language = options.language();
    const choice = saveDialogChoice(purpose, language, documents(), suggestedName);
    const result = await dialog.showSaveDialog(options.window(), {
      ...choice,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
    return checkSaved(purpose, result.filePath, language, existsSync);
  }

  handle(
    DIALOG_CHANNELS.open,
    OpenDialogRequestSchema,
    async ({ purpose }) => {
      const language = options.language();
      const refusal = openDialogRefusal(purpose, language, existsSync(options.backupsFolder));
      if (refusal !== null) return refused(refusal);
      const choice = openDialogChoice(purpose, language, {
        documents: documents(),
        backups: options.backupsFolder,
      });
      const result = await dialog.showOpenDialog(options.window(), { ...choice, properties: ['openFile'] });
      const file = result.filePaths[0];
      if (result.canceled || file === undefined) return { ok: true, value: { file: null } };
      return asValue(
        checkOpened(purpose, file, language, { backups: options.backupsFolder, realPath: realpathSync }),
      );
    },
    options.log,
  );

  handle(
    DIALOG_CHANNELS.save,
    SaveDialogRequestSchema,
    async ({ purpose, suggestedName }) => {
      const checked = await askToSave(purpose, suggestedName);
      return checked === null ? { ok: true, value: { file: null } } : asValue(checked);
    },
    options.log,
  );

  handle(
    DIALOG_CHANNELS.printReport,
    PrintReportRequestSchema,
    async ({ html, paper, suggestedName }) => {
      const checked = await askToSave('report', suggestedName);
      if (checked === null) return { ok: true, value: { file: null } };
      if (!checked.ok) return refused(checked.message);
      const pdf = await options.printHtmlToPdf(html, paper);
      // Written beside and renamed: a half-written PDF never sits under the chosen name.
      const partial = `${checked.file}.partial`;
      await writeFile(partial, pdf);
      await rename(partial, checked.file);
      return { ok: true, value: { file: checked.file } };
    },
    options.log,
  );
}
