import { z } from 'zod';

/**
 * The desktop app's native file dialogs and PDF printing, as the page asks for them through
 * the preload. The main process parses every request with these schemas and decides the
 * filters, folders and checks itself: the page only names what the file is for.
 */
export const OPEN_DIALOG_PURPOSES = ['import', 'restore'] as const;
export type OpenDialogPurpose = (typeof OPEN_DIALOG_PURPOSES)[number];

export const SAVE_DIALOG_PURPOSES = [
  'export-csv',
  'export-json',
  'export-xlsx',
  'rejects',
  'report',
] as const;
export type SaveDialogPurpose = (typeof SAVE_DIALOG_PURPOSES)[number];

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const OpenDialogRequestSchema = z.strictObject({ purpose: z.enum(OPEN_DIALOG_PURPOSES) });
export const SaveDialogRequestSchema = z.strictObject({
  purpose: z.enum(SAVE_DIALOG_PURPOSES),
  /** A name the page suggests; the main process keeps only a safe base name of it. */
  suggestedName: z.string().max(200).optional(),
});
/** A report as HTML, printed to PDF by the main process into a file the agent chooses. */
export const PrintReportRequestSchema = z.strictObject({
  html: z
    .string()
    .min(1)
    .max(20 * 1024 * 1024),
  paper: z.enum(PAPER_SIZES),
  suggestedName: z.string().max(200).optional(),
});

export type OpenDialogRequest = z.infer<typeof OpenDialogRequestSchema>;
export type SaveDialogRequest = z.infer<typeof SaveDialogRequestSchema>;
export type PrintReportRequest = z.infer<typeof PrintReportRequestSchema>;

/** A chosen path, or null when the agent closed the dialog. */
export const ChosenFileSchema = z.object({ file: z.string().nullable() });
