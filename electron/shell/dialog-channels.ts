/**
 * The IPC channels of the native file dialogs and report printing, named once for the
 * preload and the main process (file-dialogs.ts). Kept apart from the request schemas
 * (shared/ipc/dialogs.ts) so the preload bundles only these names, not zod.
 */
export const DIALOG_CHANNELS = {
  open: 'dialog-open',
  save: 'dialog-save',
  printReport: 'report-print-pdf',
} as const;
