import { BrowserWindow } from 'electron';
import type { PaperSize } from '../../shared/ipc/dialogs';
import { PAGE_SIZES } from './file-dialog-rules';

/** What turns a report's HTML into PDF bytes; the reports code produces the HTML. */
export type PrintHtmlToPdf = (html: string, paper: PaperSize) => Promise<Buffer>;

/**
 * Prints an HTML string to PDF in a hidden window that runs no script, has no preload and no
 * Node, and is closed afterwards: the report is only laid out, never run. Its navigation is
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
    await window.loadURL(
      `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`,
    );
    return await window.webContents.printToPDF({
      pageSize: PAGE_SIZES[paper],
      printBackground: true,
      preferCSSPageSize: true,
    });
  } finally {
    window.destroy();
  }
};
