import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { useUi } from '../../state/ui';

/** Hands a file to the browser's own download (the desktop shell saves through its dialog). */
function download(fileName: string, html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The case's decision report as a printable HTML file, in the agent's language. */
export function ReportButton({ caseRef }: { caseRef: string }) {
  const { t } = useTranslation();
  const notify = useUi((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    const answer = await api['reports.case']({ ref: caseRef, language: currentLanguage() });
    setBusy(false);
    if (!answer.ok) return notify(t('common.error', { message: answer.error.message }), 'error');
    download(answer.value.fileName, answer.value.html);
    notify(t('caseView.reportSaved', { file: answer.value.fileName }));
  };
  return (
    <button type="button" className="ghost" disabled={busy} onClick={() => void save()}>
      {t('caseView.report')}
    </button>
  );
}
