import { BrowserWindow } from 'electron';
import type { PaperSize } from '../../shared/ipc/dialogs';
import { PAGE_SIZES } from './file-dialog-rules';
import { withReportFile } from './report-file';

/** What turns a report's HTML into PDF bytes; the reports code produces the HTML. */
export type PrintHtmlToPdf = (html: string, paper: PaperSize) => Promise<Buffer>;

/**
 * Prints an HTML string to PDF in a hidden window that runs no script, has no preload and no
 * Node, and is closed afterwards: the report is only laid out, never run. It is loaded from a
 * temporary file (report-file.ts), since a data: URL stops at 2 MiB. Its navigation is
 * locked down like every window's (web-contents-created in main.ts).
 */
export const printHtmlToPdf: PrintHtmlToPdf = async (html, paper) => {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    return await withReportFile(html, async (file) => {
      await window.loadFile(file);
      return window.webContents.printToPDF({
        pageSize: PAGE_SIZES[paper],
        printBackground: true,
        preferCSSPageSize: true,
      });
    });
  } finally {
    window.destroy();
  }
};
