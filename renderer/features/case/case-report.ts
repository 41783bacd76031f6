import type { TFunction } from 'i18next';
import { api, desktopFiles } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { useUi } from '../../state/ui';

/** Hands a file to the browser's own download. */
function download(fileName: string, html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The case's decision report in the agent's language: in the desktop app printed to PDF into a
 * file the agent picks in the save dialog, in a browser downloaded as its printable HTML.
 */
export async function saveCaseReport(caseRef: string, t: TFunction): Promise<void> {
  const { notify } = useUi.getState();
  const answer = await api['reports.case']({ ref: caseRef, language: currentLanguage() });
  if (!answer.ok) return notify(t('common.error', { message: answer.error.message }), 'error');
  const { fileName, html } = answer.value;
  const desktop = desktopFiles();
  if (desktop === null) {
    download(fileName, html);
    return notify(t('caseView.reportSaved', { file: fileName }));
  }
  const printed = await desktop.printReport({
    html,
    paper: 'a4',
    suggestedName: fileName.replace(/\.html$/, '.pdf'),
  });
  if (!printed.ok) return notify(t('common.error', { message: printed.error.message }), 'error');
  if (printed.value.file !== null) notify(t('caseView.reportSaved', { file: printed.value.file }));
}
